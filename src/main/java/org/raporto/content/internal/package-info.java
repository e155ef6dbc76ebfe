/**
 * The content module's own machinery: installing the starter content on an empty database.
 */
@NullMarked
package org.raporto.content.internal;

import org.jspecify.annotations.NullMarked;
