/**
 * Tagged PDF (PDF/UA) made from XHTML, with its font embedded and nothing fetched while rendering.
 */
@NullMarked
package org.raporto.shared.pdf;

import org.jspecify.annotations.NullMarked;
