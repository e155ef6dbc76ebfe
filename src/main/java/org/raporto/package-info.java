/**
 * Raporto, a modular monolith: one module per top-level package.
 */
@NullMarked
package org.raporto;

import org.jspecify.annotations.NullMarked;
