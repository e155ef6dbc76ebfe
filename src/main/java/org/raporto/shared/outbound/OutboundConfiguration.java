package org.raporto.shared.outbound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundProperties.class)
class OutboundConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);

    /** One for the application: its politeness counts every request of this node to a host. Closed with the context. */
    @Bean
    SafeFetcher safeFetcher(OutboundProperties settings) {
        if (settings.allowPrivate() && !settings.offline()) {
            log.warn("raporto.outbound.allow-private is on: the server may fetch from private and loopback addresses."
                    + " Meant for tests only.");
        }
        if (settings.proxy() != null) {
            log.info("Outbound requests go through the proxy {}:{}", settings.proxy().getHost(), settings.proxy().getPort());
        }
        return new SafeFetcher(settings);
    }
}
