-- Schema 0004: obligations counted in working days, and the holiday notices the
-- office adds to the built-in table. Purely additive: no earlier table changes.

-- A holiday notice entered by the office (days off, nghỉ bù, swapped days,
-- Saturdays worked). The calendar is the built-in table plus every notice up to
-- a given id; an obligation records that id, so a later notice never moves it.
CREATE TABLE holiday_notice (
    id         INTEGER PRIMARY KEY,
    reference  TEXT NOT NULL,   -- the notice as the office names it ("Thông báo số 9441/TB-BNV")
    year       INTEGER NOT NULL,
    added_at   TEXT NOT NULL
);

CREATE TABLE holiday_notice_day (
    notice_id  INTEGER NOT NULL REFERENCES holiday_notice(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,   -- ISO date
    kind       TEXT NOT NULL CHECK (kind IN ('off', 'worked')),
    name       TEXT NOT NULL,
    PRIMARY KEY (notice_id, date)
);

-- One occurrence of a task's working-day rule: the document that started the
-- clock, the due date worked out from it, and the answer that settled it.
CREATE TABLE obligation (
    id                INTEGER PRIMARY KEY,
    task_id           INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    agency_id         INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    reference         TEXT NOT NULL,   -- số, ký hiệu of the event's document
    issued_on         TEXT NOT NULL,
    issuer            TEXT NOT NULL DEFAULT '',
    summary           TEXT NOT NULL DEFAULT '',
    received_on       TEXT,            -- when the rule counts from receipt
    start_on          TEXT NOT NULL,   -- the day the count starts after
    working_days      INTEGER NOT NULL CHECK (working_days > 0),
    due_on            TEXT NOT NULL,
    calendar_version  INTEGER NOT NULL DEFAULT 0, -- highest holiday_notice.id counted, 0 = built-in only
    settled_reference TEXT,
    settled_on        TEXT,
    evidence_id       INTEGER REFERENCES evidence(id) ON DELETE SET NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    CHECK ((settled_reference IS NULL) = (settled_on IS NULL))
);

CREATE INDEX obligation_by_agency ON obligation (agency_id, due_on);
CREATE INDEX obligation_by_task ON obligation (task_id);

-- The collector's side: the "Việc phát sinh" rows of a collected version 2
-- workbook, as the file carried them (task codes as text).
CREATE TABLE collected_obligation (
    report_id          INTEGER NOT NULL REFERENCES collected_report(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    task_code          TEXT NOT NULL,
    reference          TEXT NOT NULL DEFAULT '',
    issued_on          TEXT,
    issuer             TEXT NOT NULL DEFAULT '',
    start_on           TEXT,
    working_days       REAL,
    due_on             TEXT NOT NULL,
    settled_reference  TEXT NOT NULL DEFAULT '',
    settled_on         TEXT,
    used_working_days  REAL,
    status             TEXT NOT NULL,   -- one of the four obligation status words
    PRIMARY KEY (report_id, position)
);
