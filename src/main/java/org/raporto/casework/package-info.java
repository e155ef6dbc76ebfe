/**
 * Casework: the queue, claims and assignment, the report page, assessment with ICCAM-compatible classification,
 * duplicates, notes and replies to reporters, need to know for child sexual abuse material, retention, and the
 * service-level targets (working time, holidays, deadlines) that order the queue.
 */
@ApplicationModule(displayName = "Casework")
@NullMarked
package org.raporto.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
