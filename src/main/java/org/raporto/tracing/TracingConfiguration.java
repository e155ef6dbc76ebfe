package org.raporto.tracing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.raporto.shared.outbound.OutboundProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
class TracingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TracingConfiguration.class);

    @Bean
    Dns dns(TracingProperties properties, OutboundProperties outbound) {
        Dns dns = new Dns(properties.dns().resolvers(), properties.dns().timeout());
        if (outbound.offline()) {
            log.info("Offline (raporto.outbound.offline): hosting traces ask no DNS resolver; hosts that are names wait");
        }
        else {
            log.info("Hosting traces ask the DNS resolvers {} (timeout {})", dns.servers(), properties.dns().timeout());
        }
        return dns;
    }

    @Bean
    IpLocations ipLocations(TracingProperties properties, ResourceLoader resources) {
        return new IpLocations(resources.getResource(properties.data()));
    }

    /** Read at start: the file ships with the application, and a mistake in it must stop the start. */
    @Bean
    CdnRanges cdnRanges(TracingProperties properties, ResourceLoader resources) {
        Resource file = resources.getResource(properties.cdnRanges());
        try (InputStream input = file.getInputStream()) {
            return CdnRanges.read(input, properties.cdnRanges());
        }
        catch (IOException e) {
            throw new UncheckedIOException("raporto.tracing.cdn-ranges: cannot read " + properties.cdnRanges(), e);
        }
    }

    @Bean
    Tracer tracer(Dns dns, IpLocations locations, CdnRanges cdns, OutboundProperties outbound) {
        return new Tracer(dns, locations, cdns, outbound);
    }

    /**
     * Every node traces on its own: the claim keeps them apart, so no lock or leader is needed. Tests that drive
     * {@link TraceWorker#traceDue()} themselves switch it off.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "raporto.tracing.worker.enabled", matchIfMissing = true)
    TraceSchedule traceSchedule(TraceWorker worker) {
        return new TraceSchedule(worker);
    }

    static final class TraceSchedule {

        private final TraceWorker worker;

        TraceSchedule(TraceWorker worker) {
            this.worker = worker;
        }

        @Scheduled(fixedDelayString = "${raporto.tracing.worker.interval:10s}")
        void traceDue() {
            worker.traceDue();
        }
    }
}
