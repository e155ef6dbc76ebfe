package org.raporto.content.web;

import org.jspecify.annotations.Nullable;

/** An article as a listing shows it: its title linking to it, its summary, and its date where that matters (news). */
public record Card(String title, String path, String summary, @Nullable String date) {
}
