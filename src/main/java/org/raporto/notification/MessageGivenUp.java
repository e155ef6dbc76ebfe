package org.raporto.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * An e-mail from the outbox became a dead letter: its attempts ran out, or its last one was cut short. Published in
 * the transaction that records it, each time it happens; carries no address and no text.
 * <p>
 * Not the end: a dead letter keeps its sealed data for a while, and an administrator may send it again, after which
 * {@link MessageDelivered} (or another {@code MessageGivenUp}) follows; or discard it, after which nothing follows.
 *
 * @param id     the id {@link Outbox#enqueue(Notice)} returned
 * @param reason what went wrong last, without addresses ({@link Failures#describe}), at most 300 characters
 */
public record MessageGivenUp(UUID id, NoticeKind kind, Instant at, String reason) {
}
