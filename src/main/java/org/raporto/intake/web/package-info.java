/**
 * The reporting pages and the public reporting API.
 */
@NullMarked
package org.raporto.intake.web;

import org.jspecify.annotations.NullMarked;
