/**
 * Images people upload, made safe to keep and show: checked by content, decoded within limits and re-encoded.
 */
@NullMarked
package org.raporto.shared.image;

import org.jspecify.annotations.NullMarked;
