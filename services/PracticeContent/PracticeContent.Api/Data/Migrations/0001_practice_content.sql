-- Practice-Content's own tables. Read models fed by other services' events tolerate any arrival order.

-- Studios known from Stewardship (approved, retired). Retirement is final: a late StudioApproved never undoes it.
CREATE TABLE studios (
    studio_id   uuid        PRIMARY KEY,
    name        text        NULL,
    approved_at timestamptz NULL,
    retired_at  timestamptz NULL
);

-- The local roster from Membership: who facilitates a studio (plans, adaptations) and who reads its reflections.
-- as_of is the OccurredAt of the event that last set the row, so an older event arriving late changes nothing.
CREATE TABLE studio_members (
    studio_id uuid        NOT NULL,
    person_id uuid        NOT NULL,
    role      text        NOT NULL,
    active    boolean     NOT NULL,
    as_of     timestamptz NOT NULL,
    PRIMARY KEY (studio_id, person_id)
);
CREATE INDEX studio_members_person ON studio_members (person_id);

-- People erased by Membership: a roster event arriving after the erasure must not bring them back.
CREATE TABLE erased_people (
    person_id uuid        PRIMARY KEY,
    erased_at timestamptz NOT NULL
);

-- tsvector generated columns need immutable expressions; array_to_string is only stable.
CREATE FUNCTION practice_labels_text(labels text[]) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT coalesce(array_to_string(labels, '' ''), '''')';

-- A practice and its draft. author_id / author_name become NULL when the author is erased; the content stays.
CREATE TABLE practices (
    practice_id              uuid        PRIMARY KEY,
    author_id                uuid        NULL,
    author_name              text        NULL,
    studio_id                uuid        NULL,      -- set for a studio's adaptation
    adapted_from_practice_id uuid        NULL,
    adapted_from_version     integer     NULL,
    title                    text        NOT NULL,
    intent                   text        NOT NULL,
    invitation               text        NOT NULL,
    instructions             text        NOT NULL,  -- Markdown, stored and served as text
    steps                    jsonb       NOT NULL,
    min_minutes              integer     NOT NULL,
    max_minutes              integer     NOT NULL,
    min_group_size           integer     NOT NULL,
    max_group_size           integer     NOT NULL,
    skills                   text[]      NOT NULL,
    tags                     text[]      NOT NULL,
    in_person                boolean     NOT NULL,
    online                   boolean     NOT NULL,
    licence                  text        NOT NULL,
    version                  bigint      NOT NULL DEFAULT 1,  -- draft revision: the ETag
    latest_version           integer     NULL,                -- newest published version number
    retired_at               timestamptz NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX practices_author ON practices (author_id);
CREATE INDEX practices_adapted_from ON practices (adapted_from_practice_id, adapted_from_version)
    WHERE adapted_from_practice_id IS NOT NULL;

-- Published versions: immutable content. is_current marks the newest version of a practice that is not retired,
-- the only rows search sees (its indexes are partial on it).
CREATE TABLE practice_versions (
    practice_id    uuid        NOT NULL REFERENCES practices (practice_id),
    version        integer     NOT NULL,
    title          text        NOT NULL,
    intent         text        NOT NULL,
    invitation     text        NOT NULL,
    instructions   text        NOT NULL,
    steps          jsonb       NOT NULL,
    min_minutes    integer     NOT NULL,
    max_minutes    integer     NOT NULL,
    min_group_size integer     NOT NULL,
    max_group_size integer     NOT NULL,
    skills         text[]      NOT NULL,
    tags           text[]      NOT NULL,
    in_person      boolean     NOT NULL,
    online         boolean     NOT NULL,
    licence        text        NOT NULL,
    published_by   uuid        NULL,
    published_at   timestamptz NOT NULL,
    is_current     boolean     NOT NULL,
    search         tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A') ||
        setweight(to_tsvector('english'::regconfig, practice_labels_text(tags) || ' ' || practice_labels_text(skills)), 'B') ||
        setweight(to_tsvector('english'::regconfig, intent || ' ' || invitation), 'C') ||
        setweight(to_tsvector('english'::regconfig, instructions), 'D')) STORED,
    PRIMARY KEY (practice_id, version)
);
CREATE INDEX practice_versions_search ON practice_versions USING gin (search) WHERE is_current;
CREATE INDEX practice_versions_tags ON practice_versions USING gin (tags) WHERE is_current;
CREATE INDEX practice_versions_skills ON practice_versions USING gin (skills) WHERE is_current;
CREATE INDEX practice_versions_current_published ON practice_versions (published_at DESC, practice_id) WHERE is_current;

ALTER TABLE practices ADD CONSTRAINT practices_adapted_from_fk
    FOREIGN KEY (adapted_from_practice_id, adapted_from_version) REFERENCES practice_versions (practice_id, version);

-- Usage from Scheduling's SessionHeld: one row per held session and per practice version it used. A corrected
-- SessionHeld replaces the session's rows; the totals below are recomputed from them, never incremented.
CREATE TABLE held_sessions (
    session_id uuid        PRIMARY KEY,
    studio_id  uuid        NOT NULL,
    starts_at  timestamptz NOT NULL,
    attendees  integer     NOT NULL,
    as_of      timestamptz NOT NULL
);

CREATE TABLE session_practice_usage (
    session_id  uuid    NOT NULL REFERENCES held_sessions (session_id) ON DELETE CASCADE,
    practice_id uuid    NOT NULL,
    version     integer NOT NULL,
    PRIMARY KEY (session_id, practice_id, version)
);
CREATE INDEX session_practice_usage_practice ON session_practice_usage (practice_id, version);

CREATE TABLE practice_version_usage (
    practice_id       uuid        NOT NULL,
    version           integer     NOT NULL,
    times_practised   integer     NOT NULL,
    studios           integer     NOT NULL,
    attendees         bigint      NOT NULL,
    last_practised_at timestamptz NULL,
    PRIMARY KEY (practice_id, version)
);

CREATE TABLE practice_usage (
    practice_id       uuid        PRIMARY KEY,
    times_practised   integer     NOT NULL,
    studios           integer     NOT NULL,
    attendees         bigint      NOT NULL,
    last_practised_at timestamptz NULL
);
CREATE INDEX practice_usage_times ON practice_usage (times_practised DESC, practice_id);

-- Session plans: network-wide templates and studio plans, steps pinned to practice versions.
CREATE TABLE session_plans (
    plan_id         uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('template', 'studio')),
    studio_id       uuid        NULL,
    author_id       uuid        NULL,
    template_id     uuid        NULL REFERENCES session_plans (plan_id),
    title           text        NOT NULL,
    session_minutes integer     NOT NULL,
    steps           jsonb       NOT NULL,
    version         bigint      NOT NULL DEFAULT 1,
    published_content jsonb     NULL,     -- what was last published, to refuse a publish with no changes
    published_at    timestamptz NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'studio') = (studio_id IS NOT NULL))
);
CREATE INDEX session_plans_studio ON session_plans (studio_id, created_at DESC, plan_id) WHERE studio_id IS NOT NULL;
CREATE INDEX session_plans_templates ON session_plans (created_at DESC, plan_id) WHERE kind = 'template';

-- Reflections: the text never leaves this service; ReflectionShared carries ids and visibility only.
CREATE TABLE reflections (
    reflection_id    uuid        PRIMARY KEY,
    author_id        uuid        NOT NULL,
    studio_id        uuid        NULL,
    session_id       uuid        NULL,
    practice_id      uuid        NULL,
    practice_version integer     NULL,
    text             text        NOT NULL,
    visibility       text        NOT NULL CHECK (visibility IN ('private', 'studio', 'network')),
    created_at       timestamptz NOT NULL DEFAULT now(),
    shared_at        timestamptz NULL,
    CHECK (visibility <> 'studio' OR studio_id IS NOT NULL)
);
CREATE INDEX reflections_author ON reflections (author_id, created_at DESC, reflection_id);
CREATE INDEX reflections_studio ON reflections (studio_id, created_at DESC, reflection_id) WHERE visibility <> 'private';
