-- The portal's content: articles of every type in both languages, their topics, revisions, old slugs and media.

-- Topics are data; a reportable topic shows the RAPORTO! box on its articles, pointing at its report category.
CREATE TABLE content_topic (
    code           text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,40}$'),
    position       integer NOT NULL,
    name_sq        text    NOT NULL CHECK (length(name_sq) BETWEEN 1 AND 100),
    name_en        text    NOT NULL CHECK (length(name_en) BETWEEN 1 AND 100),
    slug_sq        text    NOT NULL UNIQUE CHECK (slug_sq ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    slug_en        text    NOT NULL UNIQUE CHECK (slug_en ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    -- The report category a reader of this topic may want to report in; null: the box is not shown.
    report_category text
);

INSERT INTO content_topic (code, position, name_sq, name_en, slug_sq, slug_en, report_category) VALUES
    ('cyberbullying', 10, 'Bullizmi në internet', 'Cyberbullying', 'bullizmi', 'cyberbullying', 'cyberbullying'),
    ('grooming', 20, 'Joshja e fëmijëve në internet', 'Grooming', 'joshja', 'grooming', 'grooming'),
    ('sexting', 30, 'Sekstingu dhe zhvatja seksuale', 'Sexting and sextortion', 'sekstingu', 'sexting', 'sextortion'),
    ('privacy', 40, 'Privatësia', 'Privacy', 'privatesia', 'privacy', NULL),
    ('gaming', 50, 'Lojërat në internet', 'Gaming', 'lojerat', 'gaming', NULL),
    ('scams', 60, 'Mashtrimet', 'Scams', 'mashtrimet', 'scams', 'fraud'),
    ('screen-time', 70, 'Koha para ekranit', 'Screen time', 'koha-para-ekranit', 'screen-time', NULL),
    ('hate-speech', 80, 'Gjuha e urrejtjes', 'Hate speech', 'gjuha-e-urrejtjes', 'hate-speech', 'hate-speech'),
    ('reporting', 90, 'Raportimi', 'Reporting', 'raportimi', 'reporting', 'other'),
    ('wellbeing', 100, 'Mirëqenia', 'Wellbeing', 'mireqenia', 'wellbeing', NULL);

-- Images (re-encoded) and PDFs (checked by content), kept in the database like screenshots, never on another host.
CREATE TABLE content_media (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('IMAGE', 'PDF')),
    media_type  text        NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
    file_name   text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
    bytes       bytea       NOT NULL,
    size        integer     NOT NULL CHECK (size > 0),
    width       integer,
    height      integer,
    -- Alt text in both languages is required for images; PDFs have a title instead.
    alt_sq      text        NOT NULL CHECK (length(alt_sq) BETWEEN 1 AND 300),
    alt_en      text        NOT NULL CHECK (length(alt_en) BETWEEN 1 AND 300),
    sha256      bytea       NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK ((kind = 'IMAGE') = (width IS NOT NULL AND height IS NOT NULL))
);

-- One article in one language; its translations share a translation group.
CREATE TABLE content_article (
    id                uuid PRIMARY KEY,
    translation_group uuid        NOT NULL,
    language          text        NOT NULL CHECK (language IN ('sq', 'en')),
    type              text        NOT NULL CHECK (type IN ('GUIDE', 'MANUAL', 'NEWS', 'PAGE', 'FAQ', 'RESOURCE', 'PARTNER')),
    slug              text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    summary           text        NOT NULL DEFAULT '' CHECK (length(summary) <= 500),
    -- Markdown; rendered and sanitised on the way out.
    body              text        NOT NULL DEFAULT '' CHECK (length(body) <= 200000),
    audiences         text[]      NOT NULL DEFAULT '{}'
        CHECK (audiences <@ ARRAY['CHILDREN_6_9', 'CHILDREN_10_12', 'TEENS_13_17', 'PARENTS', 'TEACHERS', 'PROFESSIONALS']),
    topics            text[]      NOT NULL DEFAULT '{}',
    -- For pages: which fixed page it is (about, mission, contact, privacy, how-reporting-works), unique per language.
    page_key          text CHECK (page_key ~ '^[a-z][a-z-]{1,40}$'),
    -- A resource's video or a partner's site (shown as a link, never embedded); a manual's PDF; a partner's logo.
    link_url          text CHECK (link_url ~ '^https://' AND length(link_url) <= 2000),
    media_id          uuid REFERENCES content_media (id),
    -- A partner's role in a sentence ("receives reports of crimes online").
    partner_role      text CHECK (length(partner_role) <= 300),
    featured          boolean     NOT NULL DEFAULT false,
    position          integer     NOT NULL DEFAULT 0,
    status            text        NOT NULL CHECK (status IN ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    publish_at        timestamptz,
    unpublish_at      timestamptz,
    published_at      timestamptz,
    author_id         uuid,
    author_name       text        NOT NULL,
    reviewer_name     text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    UNIQUE (language, slug),
    UNIQUE (translation_group, language),
    CHECK ((type = 'PAGE') = (page_key IS NOT NULL))
);

CREATE UNIQUE INDEX content_article_page ON content_article (language, page_key) WHERE page_key IS NOT NULL;
CREATE INDEX content_article_listing ON content_article (language, type, published_at DESC) WHERE status = 'PUBLISHED';
CREATE INDEX content_article_audiences ON content_article USING gin (audiences);
CREATE INDEX content_article_topics ON content_article USING gin (topics);
CREATE INDEX content_article_scheduled ON content_article (publish_at) WHERE status = 'IN_REVIEW' OR status = 'PUBLISHED';

-- Slugs an article had before: their addresses redirect to its current one.
CREATE TABLE content_old_slug (
    language   text NOT NULL,
    slug       text NOT NULL,
    article_id uuid NOT NULL REFERENCES content_article (id),
    PRIMARY KEY (language, slug)
);

-- Every saved version of an article, to compare and restore.
CREATE TABLE content_revision (
    article_id uuid        NOT NULL REFERENCES content_article (id),
    number     integer     NOT NULL CHECK (number > 0),
    title      text        NOT NULL,
    summary    text        NOT NULL,
    body       text        NOT NULL,
    saved_by   text        NOT NULL,
    saved_at   timestamptz NOT NULL,
    PRIMARY KEY (article_id, number)
);
