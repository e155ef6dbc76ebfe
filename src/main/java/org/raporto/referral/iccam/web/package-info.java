/**
 * The staff pages of the ICCAM exchange: export of assessed reports, and import of reports another hotline forwarded.
 */
@NullMarked
package org.raporto.referral.iccam.web;

import org.jspecify.annotations.NullMarked;
