/**
 * The public portal: articles of every type in both languages and what the public may read of them ({@link org.raporto.content.Articles}),
 * Markdown made safe to show, and the media library.
 */
@ApplicationModule(displayName = "Content")
@NullMarked
package org.raporto.content;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
