/**
 * The audit log: an append-only, hash-chained record of who did what to which object, written in the transaction of
 * the action itself, with a verification that finds the first changed or removed entry.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package org.raporto.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
