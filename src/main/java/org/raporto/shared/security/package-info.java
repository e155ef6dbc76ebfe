/**
 * The security baseline: which routes are public, response headers, and the session cookie.
 */
@NullMarked
package org.raporto.shared.security;

import org.jspecify.annotations.NullMarked;
