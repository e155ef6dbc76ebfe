package org.raporto.shared.web;

import org.raporto.shared.Language;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Makes the {@link Page} that a controller hands to its template. */
@Component
@EnableConfigurationProperties(SiteProperties.class)
public class Pages {

    private final SiteProperties site;
    private final MessageSource messages;
    private final Assets assets;

    Pages(SiteProperties site, MessageSource messages, Assets assets) {
        this.site = site;
        this.messages = messages;
        this.assets = assets;
    }

    /**
     * @param titleKey the message key of the page's title
     * @param paths    where this page is in each language
     */
    public Page page(Language language, String titleKey, LocalizedPaths paths) {
        return new Page(language, titleKey, paths, site, messages, assets);
    }
}
