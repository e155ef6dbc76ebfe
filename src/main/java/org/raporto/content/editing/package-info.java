/**
 * The editorial workflow behind {@code /staff/content}: editors write and translate articles, a second person reviews
 * and publishes them, now or at a planned time, and every saved version is kept to compare and restore.
 * <p>
 * States: {@code DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED}. A published article stays as readers see it while changes
 * to it are drafted and reviewed: they wait as its pending revision (V28__content_editing.sql).
 */
@NullMarked
package org.raporto.content.editing;

import org.jspecify.annotations.NullMarked;
