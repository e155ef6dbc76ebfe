package org.raporto.content.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * Entity tags on the public content pages, made of the page as sent, so that a browser or proxy asking again with
 * {@code If-None-Match} gets a 304 exactly when not one byte changed (an article edited, a help number changed by an
 * administrator, a new stylesheet). Only these addresses: reporting and staff pages are never kept anywhere.
 */
@Configuration(proxyBeanMethods = false)
class ContentCaching {

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> contentEntityTags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/sq/udhezues/*", "/en/guides/*", "/sq/manuale/*", "/en/manuals/*", "/sq/burime/*", "/en/resources/*",
                "/sq/faqe/*", "/en/pages/*", "/sq/lajme", "/sq/lajme/*", "/en/news", "/en/news/*",
                "/sq/pyetje", "/en/faq", "/sq/partneret", "/en/partners", "/sq/per/*", "/en/for/*", "/sq/tema/*", "/en/topics/*",
                "/sitemap.xml");
        registration.setName("contentEntityTags");
        return registration;
    }
}
