-- scrutui schema, version 3: the tracker of information requests and recommendations, and the
-- action log that carries what is still outstanding forward to a committee's next meeting.

-- The tracker pages requests and recommendations by due date (then record id, which SQLite keeps
-- in every index of these tables as the rowid), across all statuses.
CREATE INDEX information_request_due ON information_request(due_date);
CREATE INDEX recommendation_due ON recommendation(response_due);

-- An agenda item that is a meeting's action log: it lists the information requests and
-- recommendations of earlier meetings that were outstanding when the meeting was set up.
CREATE TABLE action_log (
    agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);

-- One earlier record listed on an action log. The record itself is not copied: a response recorded
-- from the action log is written to the original request or recommendation. `reported_on` is the
-- day a response was recorded through this action log, so the new meeting's minutes can say it was
-- reported back there.
CREATE TABLE action_log_entry (
    agenda_item_id INTEGER NOT NULL REFERENCES action_log(agenda_item_id) ON DELETE CASCADE,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    reported_on TEXT,
    PRIMARY KEY (agenda_item_id, record_id)
);
CREATE INDEX action_log_entry_record ON action_log_entry(record_id);
