/**
 * Referral: the directory of agencies, routing suggestions, referrals of assessed reports with their notices on a
 * notice-and-takedown schedule, the partner portal, and the online checks that follow referred addresses until the
 * content is gone.
 */
@ApplicationModule(displayName = "Referral")
@NullMarked
package org.raporto.referral;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
