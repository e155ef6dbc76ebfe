/**
 * Exchange with other hotlines in INHOPE's ICCAM v3 vocabulary: assessed reports exported as JSON or CSV, and reports
 * forwarded by another hotline read from the same format.
 */
@NullMarked
package org.raporto.referral.iccam;

import org.jspecify.annotations.NullMarked;
