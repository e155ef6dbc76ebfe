/**
 * RAPORTO!: what can be reported and how, the report wizard, receipts and follow-up, the public JSON API.
 */
@ApplicationModule(displayName = "Intake")
@NullMarked
package org.raporto.intake;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
