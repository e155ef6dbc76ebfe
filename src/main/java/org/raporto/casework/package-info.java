/**
 * Casework: the analysts' queue, triage, assessment and classification of reports, replies to reporters, and the
 * service-level targets (working time, holidays, deadlines) that order the queue.
 */
@ApplicationModule(displayName = "Casework")
@NullMarked
package org.raporto.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
