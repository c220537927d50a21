-- Schema 3: the plan's yearly cycle. A plan carries a key that stays the same
-- across its published versions (set once, when the plan is made) and the
-- number of its latest version; a task removed by a newer version but having
-- progress is retired from a month on (kept for the months before); an agency
-- can be succeeded by another from a date, for all its tasks or for one task.

ALTER TABLE plan ADD COLUMN plan_key TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN version INTEGER NOT NULL DEFAULT 0; -- 0: never published
UPDATE plan SET plan_key = province || '|' || year || '|' || name;

-- First month (YYYY-MM) the task no longer belongs to; NULL while it is in the plan.
ALTER TABLE task ADD COLUMN retired_from TEXT;

-- An agency or group a newer version no longer has, kept for its history (1).
ALTER TABLE agency ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;

CREATE TABLE succession (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    predecessor_id INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    successor_id   INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
    since          TEXT NOT NULL,   -- ISO date from which the successor answers
    task_id        INTEGER REFERENCES task(id) ON DELETE CASCADE, -- NULL: every other task
    UNIQUE (predecessor_id, task_id)
);

CREATE INDEX succession_by_successor ON succession (successor_id);
