/** The administrators' page of the e-mail outbox: its state, and its dead letters to send again or discard. */
@NullMarked
package org.raporto.notification.web;

import org.jspecify.annotations.NullMarked;
