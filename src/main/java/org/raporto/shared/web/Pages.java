package org.raporto.shared.web;

import org.raporto.shared.Language;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.raporto.shared.i18n.Messages;
import org.springframework.stereotype.Component;

/** Makes the {@link Page} that a controller hands to its template. */
@Component
@EnableConfigurationProperties(SiteProperties.class)
public class Pages {

    private final SiteProperties site;
    private final Messages messages;
    private final Assets assets;
    private final SiteSettings settings;

    Pages(SiteProperties site, SiteSettings settings, Messages messages, Assets assets) {
        this.settings = settings;
        this.site = site;
        this.messages = messages;
        this.assets = assets;
    }

    /**
     * @param titleKey the message key of the page's title
     * @param paths    where this page is in each language
     */
    public Page page(Language language, String titleKey, LocalizedPaths paths) {
        return page(language, titleKey, paths, false);
    }

    /** A page whose title is not a message but content (an article's title). */
    public Page titled(Language language, String title, LocalizedPaths paths) {
        return new Page(language, title, paths, site, settings.help(), messages, assets);
    }

    /**
     * A page that shows a form again with errors says so first in its title ("Gabim: …", "Error: …"), the first
     * thing a screen reader reads.
     */
    public Page page(Language language, String titleKey, LocalizedPaths paths, boolean hasErrors) {
        String title = messages.get(language, titleKey);
        return new Page(language, hasErrors ? messages.get(language, "error.titlePrefix", title) : title, paths, site, settings.help(), messages, assets);
    }
}
