package org.raporto.content.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.raporto.content.editing.EditedArticle;
import org.raporto.content.editing.EditorialRefused;
import org.raporto.shared.Language;
import org.raporto.shared.web.FieldError;

/**
 * What the editor page shows.
 *
 * @param article null for a new article
 * @param steps   what was typed into the workflow's forms (dates, note) when one was refused
 * @param preview the typed body rendered, when asked for
 * @param done    which step was just taken, for the confirmation
 * @param refused why a step was not taken ({@link EditorialRefused.Reason}), for the message
 */
public record EditorView(@Nullable EditedArticle article, Language language, ArticleForm form, int version, Steps steps, List<FieldError> errors,
        @Nullable String preview, String done, String refused) {

    /** The workflow forms' fields as typed: the publication window and the reviewer's note. */
    public record Steps(String publishAt, String unpublishAt, String note) {

        static final Steps EMPTY = new Steps("", "", "");
    }
}
