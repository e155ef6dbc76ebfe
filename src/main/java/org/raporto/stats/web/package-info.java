/** The statistics pages: the staff dashboard with its charts, tables and CSV exports. */
@NullMarked
package org.raporto.stats.web;

import org.jspecify.annotations.NullMarked;
