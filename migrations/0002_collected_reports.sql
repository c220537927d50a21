-- Schema 2: the collector's side. Each agency workbook accepted by
-- `cchc collect` becomes one collected_report (one per agency and month: a newer
-- export replaces the older one) with its task rows as the file carried them.
-- Purely additive: no table of schema 1 is changed. Deleting a plan or an
-- agency removes its collected reports; deleting a report removes its rows.

CREATE TABLE collected_report (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    agency_id      INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    period         TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    generated_at   TEXT NOT NULL,   -- _meta generated_at as written (RFC 3339)
    content_sha256 TEXT NOT NULL,   -- _meta content_sha256, as the exporter computed it
    data_sha256    TEXT NOT NULL,   -- the same hash over the cells as read back
    edited         INTEGER NOT NULL CHECK (edited IN (0, 1)), -- data_sha256 <> content_sha256
    app_version    TEXT NOT NULL DEFAULT '',
    file_name      TEXT NOT NULL,   -- base name of the file it came from
    collected_at   TEXT NOT NULL,
    UNIQUE (agency_id, period)
);

-- One task row of a collected report, the 16 columns of the "Nhiệm vụ" sheet.
CREATE TABLE collected_task (
    report_id  INTEGER NOT NULL REFERENCES collected_report(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    task_id    INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    stt        TEXT NOT NULL DEFAULT '',
    content    TEXT NOT NULL DEFAULT '',
    criteria   TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    lead       TEXT NOT NULL DEFAULT '',
    partners   TEXT NOT NULL DEFAULT '',
    deadline   TEXT NOT NULL DEFAULT '',
    due_date   TEXT,                -- ISO date, NULL when the cell is empty
    output     TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL,       -- one of the status words
    percent    REAL CHECK (percent BETWEEN 0 AND 100),
    result     TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    obstacles  TEXT NOT NULL DEFAULT '',
    proposals  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (report_id, position),
    UNIQUE (report_id, task_id)
);

CREATE INDEX collected_report_by_period ON collected_report (plan_id, period);
CREATE INDEX collected_task_by_task ON collected_task (task_id);
