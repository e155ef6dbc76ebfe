/**
 * The public portal's pages: the home page, about us, and later guides, manuals, news, FAQ and search.
 */
@ApplicationModule(displayName = "Content")
@NullMarked
package org.raporto.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
