package org.raporto.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail from the outbox was accepted by the SMTP server. Published once per message, in the transaction that
 * records it as sent; carries no address.
 *
 * @param id the id {@link Outbox#enqueue(Notice)} returned
 */
public record MessageDelivered(UUID id, NoticeKind kind, Instant at) {
}
