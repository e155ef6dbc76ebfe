package org.raporto.shared.web;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;

/**
 * What the staff layout needs: the page's language (the account's, or before signing in the browser's or the one
 * chosen), its title, the person signed in, and the words of the message bundles. Staff addresses are the same in
 * every language; the language switch before signing in is a parameter.
 */
public final class StaffPage {

    private final Language language;
    private final String title;
    private final String path;
    private final @Nullable SignedIn user;
    private final SiteProperties site;
    private final Messages messages;
    private final Assets assets;

    StaffPage(Language language, String title, String path, @Nullable SignedIn user, SiteProperties site, Messages messages,
            Assets assets) {
        this.language = language;
        this.title = title;
        this.path = path;
        this.user = user;
        this.site = site;
        this.messages = messages;
        this.assets = assets;
    }

    public Language language() {
        return language;
    }

    public String title() {
        return title;
    }

    public String t(String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }

    /** Null before signing in. */
    public @Nullable SignedIn user() {
        return user;
    }

    public boolean can(String role) {
        return user != null && user.hasRole(role);
    }

    /** Whether this page is at that address, to mark it in the navigation. */
    public boolean is(String other) {
        return path.equals(other);
    }

    /** This page in another language: only before signing in, when the account does not decide it. */
    public String pathIn(Language other) {
        return path + "?lang=" + other.code();
    }

    public Language[] otherLanguages() {
        return java.util.Arrays.stream(Language.values()).filter(other -> other != language).toArray(Language[]::new);
    }

    public String asset(String file) {
        return assets.url(file);
    }

    public String siteName() {
        return site.name();
    }

    public String dateTime(Instant instant) {
        return language.dateTime(instant, site.timeZone());
    }
}
