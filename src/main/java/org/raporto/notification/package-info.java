/**
 * The e-mail outbox: notices are queued in the transaction of the action that causes them and sent over SMTP by
 * any node, with retries, back-off and dead letters; the recipient's address (and a composed text) is kept sealed only
 * until the message is sent, or a dead letter is sent again, discarded or past its retention.
 */
@ApplicationModule(displayName = "Notification")
@NullMarked
package org.raporto.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
