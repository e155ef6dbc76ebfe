/**
 * Statistics: a narrow projection of every report and referral kept from the other modules' events, the figures
 * computed from it (counts, breakdowns, handling and removal times, SLA compliance, backlogs), and the pages and
 * exports that show them.
 */
@ApplicationModule(displayName = "Statistics")
@NullMarked
package org.raporto.stats;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
