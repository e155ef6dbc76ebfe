package org.raporto.content.web;

import org.raporto.content.MediaLibrary;

/**
 * A file of the media library as the staff pages show it.
 *
 * @param size       as people read it ("240 KB")
 * @param markdownSq what shows the file in an Albanian article, with its Albanian text
 */
public record MediaRow(MediaLibrary.Item item, String size, String markdownSq, String markdownEn) {
}
