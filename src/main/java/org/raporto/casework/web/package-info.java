/** The analysts' and supervisors' pages: the queue, the report page, assessment. */
@NullMarked
package org.raporto.casework.web;

import org.jspecify.annotations.NullMarked;
