package org.raporto.shared.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;

/**
 * What the shared layout needs to render a page: its language, title, translations, the site's help numbers,
 * and the words of the message bundles. Every visible word of a template comes through {@link #t}.
 */
public final class Page {

    private final Language language;
    private final String title;
    private final LocalizedPaths paths;
    private final SiteProperties site;
    private final Messages messages;
    private final Assets assets;
    private final SiteProperties.HelpLines help;
    private final @Nullable String description;
    private final boolean translated;
    private final @Nullable LocalizedPaths entry;

    Page(Language language, String title, LocalizedPaths paths, SiteProperties site, SiteProperties.HelpLines help, Messages messages,
            Assets assets) {
        this(language, title, paths, site, help, messages, assets, null, true, null);
    }

    private Page(Language language, String title, LocalizedPaths paths, SiteProperties site, SiteProperties.HelpLines help, Messages messages,
            Assets assets, @Nullable String description, boolean translated, @Nullable LocalizedPaths entry) {
        this.description = description;
        this.translated = translated;
        this.entry = entry;
        this.help = help;
        this.language = language;
        this.messages = messages;
        this.title = title;
        this.paths = paths;
        this.site = site;
        this.assets = assets;
    }

    public Language language() {
        return language;
    }

    public String title() {
        return title;
    }

    /** This page with its own description for search engines and link previews instead of the site's. */
    public Page describedAs(String description) {
        return new Page(language, title, paths, site, help, messages, assets, description.isBlank() ? null : description, translated, entry);
    }

    /**
     * This page when it exists in its own language only: no {@code hreflang} alternate is announced, and the language
     * switch leads to an address that says so and offers this page.
     */
    public Page untranslated() {
        return new Page(language, title, paths, site, help, messages, assets, description, false, entry);
    }

    /**
     * This page as what a navigation entry leads to, though its address is another: the editors' about page, to which
     * "About" redirects, is marked as the current entry.
     */
    public Page reachedBy(LocalizedPaths navigationEntry) {
        return new Page(language, title, paths, site, help, messages, assets, description, translated, navigationEntry);
    }

    public String description() {
        return description != null ? description : t("site.description");
    }

    /** Whether this page exists in that language (it always exists in its own). */
    public boolean existsIn(Language other) {
        return translated || other == language;
    }

    /** The absolute address of this page in that language, for canonical links, alternates and link previews. */
    public String urlIn(Language other) {
        return site.linkTo(paths.in(other));
    }

    public String canonicalUrl() {
        return urlIn(language);
    }

    /** The message with this key in the page's language; arguments fill its {@code {0}}, {@code {1}}… */
    public String t(String key, Object... arguments) {
        return messages.get(language, key, arguments);
    }

    /** The address of this page in the given language. */
    public String pathIn(Language other) {
        return paths.in(other);
    }

    /** The address of another page in this page's language. */
    public String linkTo(LocalizedPaths other) {
        return other.in(language);
    }

    /** Whether this is that page, to mark it as current in the navigation. */
    public boolean is(LocalizedPaths other) {
        return paths.equals(other) || other.equals(entry);
    }

    /** The languages this page can be switched to. */
    public List<Language> otherLanguages() {
        return Arrays.stream(Language.values()).filter(other -> other != language).toList();
    }

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** The address of a static file with a fingerprint of its content, so that browsers may cache it for a year. */
    public String asset(String path) {
        return assets.url(path);
    }

    public String siteName() {
        return site.name();
    }

    /** As they are now: an administrator may have changed the configured ones. */
    public SiteProperties.HelpLines help() {
        return help;
    }

    /** Where the quick exit goes first: our own address, which ends the session and then leaves for the neutral site. */
    public String quickExitUrl() {
        return QuickExitController.PATH;
    }

    /** A moment as people read it here: {@code 28.11.2026 14:05} in Albanian, {@code 28 Nov 2026, 14:05} in English. */
    public String dateTime(Instant instant) {
        return language.dateTime(instant, site.timeZone());
    }

    /** A {@code tel:} link for a number as it is written, e.g. {@code tel:116111} for "116 111". */
    public String tel(String number) {
        return "tel:" + number.replace(" ", "");
    }
}
