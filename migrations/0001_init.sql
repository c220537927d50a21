-- Schema 1: plans with their fields, criteria, agencies (groups included), tasks;
-- per-agency monthly progress; evidence and its links. Deleting a plan removes
-- everything that belongs to it; nothing else cascades.

CREATE TABLE plan (
    id          INTEGER PRIMARY KEY,
    reference   TEXT NOT NULL,
    name        TEXT NOT NULL,
    year        INTEGER NOT NULL,
    province    TEXT NOT NULL,
    issued_on   TEXT,
    created_at  TEXT NOT NULL
);

-- Key/value settings of this database, e.g. the current plan.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE field (
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code        INTEGER NOT NULL,
    name        TEXT NOT NULL,
    max_score   REAL,
    score_prev  REAL,
    points_lost REAL,
    PRIMARY KEY (plan_id, code)
);

CREATE TABLE criterion (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    field       INTEGER NOT NULL,
    max_score   REAL NOT NULL,
    score_prev  REAL NOT NULL,
    points_lost REAL NOT NULL,
    target      REAL NOT NULL,
    targets     TEXT NOT NULL DEFAULT '[]', -- JSON list of quantitative targets
    position    INTEGER NOT NULL,
    UNIQUE (plan_id, code)
);

-- Agencies and groups of agencies; a group's kind is 'nhom'.
CREATE TABLE agency (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN
                ('so-ban-nganh', 'ubnd-huyen', 'ubnd-xa', 'trung-uong', 'khac', 'nhom')),
    position  INTEGER NOT NULL,
    UNIQUE (plan_id, code)
);

-- Direct membership: a member is an agency or another group.
CREATE TABLE group_member (
    group_id  INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    PRIMARY KEY (group_id, member_id)
);

CREATE TABLE task (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    code      TEXT NOT NULL,
    section   TEXT NOT NULL DEFAULT '',
    content   TEXT NOT NULL,
    lead_id   INTEGER NOT NULL REFERENCES agency(id),
    deadline  TEXT NOT NULL DEFAULT '',
    due_date  TEXT,            -- ISO date resolved from the deadline, NULL for recurring work
    recurring INTEGER NOT NULL DEFAULT 0,
    output    TEXT,
    position  INTEGER NOT NULL,
    UNIQUE (plan_id, code)
);

CREATE TABLE task_partner (
    task_id   INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id INTEGER NOT NULL REFERENCES agency(id),
    position  INTEGER NOT NULL,
    PRIMARY KEY (task_id, agency_id)
);

CREATE TABLE task_criterion (
    task_id      INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id),
    PRIMARY KEY (task_id, criterion_id)
);

-- One agency's state of one task in one reporting month.
CREATE TABLE progress (
    task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id  INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    state      TEXT NOT NULL CHECK (state IN ('not-started', 'in-progress', 'done', 'ongoing')),
    done_on    TEXT,
    percent    INTEGER CHECK (percent BETWEEN 0 AND 100),
    result     TEXT NOT NULL DEFAULT '',
    obstacles  TEXT NOT NULL DEFAULT '',
    proposals  TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (task_id, agency_id, period)
);

CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    reference   TEXT NOT NULL,   -- số, ký hiệu as written
    doc_type    TEXT NOT NULL,   -- "KH", "QĐ", "CV" for a Công văn
    issued_on   TEXT NOT NULL,
    issuer      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    location    TEXT NOT NULL DEFAULT '', -- mục/trang, where only part of it proves the point
    file_name   TEXT,            -- the attached file's name as the officer had it (base name only)
    file_sha256 TEXT,            -- the stored copy lives under evidence/<sha256>
    file_size   INTEGER,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE evidence_task (
    evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    PRIMARY KEY (evidence_id, task_id)
);

CREATE TABLE evidence_criterion (
    evidence_id  INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    PRIMARY KEY (evidence_id, criterion_id)
);

CREATE INDEX progress_by_agency ON progress (agency_id, period);
CREATE INDEX evidence_by_agency ON evidence (agency_id);
CREATE INDEX task_partner_by_agency ON task_partner (agency_id);
CREATE INDEX group_member_by_member ON group_member (member_id);
