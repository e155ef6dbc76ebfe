package org.raporto.shared.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** Addresses of static files, fingerprinted by content (see {@code spring.web.resources.chain} in the settings). */
@Component
class Assets {

    private final ResourceUrlProvider urls;

    Assets(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    String url(String path) {
        String versioned = urls.getForLookupPath(path);
        return versioned != null ? versioned : path;
    }
}
