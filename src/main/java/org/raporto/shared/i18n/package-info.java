/**
 * The words of the interface in every language: message lookup and formatting.
 */
@NullMarked
package org.raporto.shared.i18n;

import org.jspecify.annotations.NullMarked;
