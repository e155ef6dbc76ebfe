package org.raporto.content.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.raporto.content.ArticleType;
import org.raporto.content.Audience;
import org.raporto.content.editing.Draft;
import org.raporto.shared.web.Typed;
import org.springframework.util.MultiValueMap;

/**
 * The editor's form as typed: every field a string, so that whatever was sent comes back as it was when the form is
 * refused. Each is kept up to twice its limit, which is already refused, so a pasted book is not sent back whole.
 */
public record ArticleForm(String type, String title, String slug, String summary, String body, List<String> audiences, List<String> topics,
        String pageKey, String linkUrl, String mediaId, String partnerRole, boolean featured, String position) {

    static ArticleForm empty(ArticleType type) {
        return new ArticleForm(type.name(), "", "", "", "", List.of(), List.of(), "", "", "", "", false, "0");
    }

    static ArticleForm of(Draft draft) {
        return new ArticleForm(draft.type().name(), draft.title(), draft.slug(), draft.summary(), draft.body(),
                draft.audiences().stream().map(Enum::name).toList(), draft.topics(), text(draft.pageKey()), text(draft.linkUrl()),
                draft.mediaId() == null ? "" : draft.mediaId().toString(), text(draft.partnerRole()), draft.featured(),
                Integer.toString(draft.position()));
    }

    static ArticleForm typed(MultiValueMap<String, String> form) {
        return new ArticleForm(Typed.clip(form.getFirst("type"), 20), Typed.clip(form.getFirst("title"), 2 * Draft.MAX_TITLE),
                Typed.clip(form.getFirst("slug"), 300), Typed.clip(form.getFirst("summary"), 2 * Draft.MAX_SUMMARY),
                Typed.clip(form.getFirst("body"), 2 * Draft.MAX_BODY),
                form.getOrDefault("audiences", List.of()).stream().limit(Audience.values().length).map(value -> Typed.clip(value, 40)).toList(),
                form.getOrDefault("topics", List.of()).stream().limit(50).map(value -> Typed.clip(value, 50)).toList(),
                Typed.clip(form.getFirst("pageKey"), 50), Typed.clip(form.getFirst("linkUrl"), 2 * Draft.MAX_LINK), Typed.clip(form.getFirst("mediaId"), 50),
                Typed.clip(form.getFirst("partnerRole"), 2 * Draft.MAX_ROLE), "true".equals(form.getFirst("featured")), Typed.clip(form.getFirst("position"), 10));
    }

    /** The draft typed, or the codes of the fields that could not even be read. */
    Parsed parse() {
        List<String> problems = new ArrayList<>();
        Optional<ArticleType> parsedType = Arrays.stream(ArticleType.values()).filter(value -> value.name().equals(type)).findFirst();
        if (parsedType.isEmpty()) {
            problems.add("type.invalid");
        }
        List<Audience> parsedAudiences = audiences.stream().flatMap(value -> Arrays.stream(Audience.values()).filter(a -> a.name().equals(value)))
                .distinct().toList();
        if (parsedAudiences.size() != audiences.stream().distinct().count()) {
            problems.add("audiences.unknown");
        }
        Integer parsedPosition = position.strip().matches("[0-9]{1,6}") ? Integer.valueOf(position.strip()) : null;
        if (parsedPosition == null) {
            problems.add("position.invalid");
        }
        UUID parsedMedia = null;
        if (!mediaId.isBlank()) {
            try {
                parsedMedia = UUID.fromString(mediaId.strip());
            }
            catch (IllegalArgumentException e) {
                problems.add("mediaId.unknown");
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        return new Parsed(new Draft(parsedType.orElseThrow(), title, slug, summary, body, parsedAudiences, topics.stream().distinct().toList(),
                pageKey.isBlank() ? null : pageKey.strip(), linkUrl, parsedMedia, partnerRole, featured, parsedPosition), List.of());
    }

    record Parsed(@Nullable Draft draft, List<String> problems) {
    }

    public boolean hasAudience(Audience audience) {
        return audiences.contains(audience.name());
    }

    public boolean hasTopic(String code) {
        return topics.contains(code);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
