/**
 * The portal's public controllers.
 */
@NullMarked
package org.raporto.content.web;

import org.jspecify.annotations.NullMarked;
