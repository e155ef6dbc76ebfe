/**
 * Where reported content lives: URL canonicalisation now; DNS, hosting country and network, CDN detection and abuse
 * contacts to come.
 */
@ApplicationModule(displayName = "Tracing")
@NullMarked
package org.raporto.tracing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
