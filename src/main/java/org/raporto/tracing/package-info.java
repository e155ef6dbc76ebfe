/**
 * Where reported content lives. The canonical form of reported addresses ({@link org.raporto.tracing.CanonicalUrl});
 * and the hosting trace ({@link org.raporto.tracing.HostingTraces}): a host's DNS aliases and addresses, each
 * address's country, network (ASN and owner) and CDN, from IP location data shipped with the application, kept as a
 * cache with an expiry, traced in the background by every node and on demand, published as
 * {@link org.raporto.tracing.HostingTraced}.
 * <p>
 * It depends on no other module but {@code shared}: casework calls it, inside its own transactions, rather than
 * tracing listening to intake, which uses {@code CanonicalUrl} and would close a circle.
 */
@ApplicationModule(displayName = "Tracing")
@NullMarked
package org.raporto.tracing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
