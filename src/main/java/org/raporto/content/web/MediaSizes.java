package org.raporto.content.web;

import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;

/** File sizes as people read them: whole kilobytes up to a megabyte, then megabytes with one decimal in the language's way. */
final class MediaSizes {

    private static final long KB = 1024;

    private MediaSizes() {
    }

    static String format(Messages messages, Language language, long bytes) {
        if (bytes < KB * KB) {
            return messages.get(language, "content.media.size.kb", Math.max(1, (bytes + KB - 1) / KB));
        }
        return messages.get(language, "content.media.size.mb", bytes / (double) (KB * KB));
    }
}
