package org.raporto.shared.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether the server may reach out to the internet at all.
 * <p>
 * Offline, no request leaves the machine: no DNS query, no online check of a reported address. The features that
 * would need one still work with what they have, and say plainly what they could not do ("not traced: offline").
 * Useful on an isolated analysis network, and in the tests, which must never touch the internet.
 *
 * @param offline true: nothing leaves the machine
 */
@ConfigurationProperties("raporto.outbound")
public record OutboundProperties(@DefaultValue("false") boolean offline) {
}
