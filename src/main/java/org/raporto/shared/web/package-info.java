/**
 * What every page shares: the language taken from the path, the page model the layout renders, assets, and the
 * localised error pages.
 */
@NullMarked
package org.raporto.shared.web;

import org.jspecify.annotations.NullMarked;
