-- Schema: measured indicators (chỉ số đo được). A criterion may carry indicators
-- (plan data: the built-in plan's are added to it when the schema is upgraded);
-- each agency records its figure per month, cumulative over the plan year; the
-- collector keeps each collected report's figures. Purely additive: no table of
-- an earlier schema is changed.

CREATE TABLE indicator (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,  -- 1, 2… within its criterion
    name         TEXT NOT NULL,
    unit         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('rate', 'value')),
    target       REAL NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
    source       TEXT NOT NULL DEFAULT '',
    rule         TEXT NOT NULL CHECK (rule IN ('proportional', 'threshold')),
    share        REAL CHECK (share BETWEEN 0 AND 1), -- NULL: an equal share
    UNIQUE (criterion_id, position)
);

-- Who reports an indicator: agencies or groups (a group reaches its members).
CREATE TABLE indicator_reporter (
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    agency_id    INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    PRIMARY KEY (indicator_id, agency_id)
);

-- One agency's figure for one month: numerator and denominator of a rate
-- (value = numerator / denominator × 100), or a plain value.
CREATE TABLE indicator_value (
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    agency_id    INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    numerator    REAL CHECK (numerator >= 0),
    denominator  REAL CHECK (denominator > 0),
    value        REAL NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    as_of        TEXT,              -- ISO date of the figure
    updated_at   TEXT NOT NULL,
    CHECK ((numerator IS NULL) = (denominator IS NULL)),
    CHECK (numerator IS NULL OR numerator <= denominator),
    PRIMARY KEY (indicator_id, agency_id, period)
);

-- The figures of a collected report's "Chỉ số đo được" sheet.
CREATE TABLE collected_indicator (
    report_id    INTEGER NOT NULL REFERENCES collected_report(id) ON DELETE CASCADE,
    indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
    numerator    REAL,
    denominator  REAL,
    value        REAL NOT NULL,
    source       TEXT NOT NULL DEFAULT '',
    as_of        TEXT,
    PRIMARY KEY (report_id, indicator_id)
);

CREATE INDEX indicator_by_plan ON indicator (plan_id, criterion_id);
CREATE INDEX indicator_value_by_agency ON indicator_value (agency_id, period);
