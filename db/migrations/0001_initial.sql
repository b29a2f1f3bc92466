-- scrutui schema, version 1: committees, people, meetings, agenda items and minute records.
-- Each record has one row in `record` (the ordered spine under an agenda item) and, for the
-- kinds that carry more than text, one row in its detail table.

CREATE TABLE committee (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    quorum INTEGER NOT NULL DEFAULT 3,
    jurisdiction TEXT NOT NULL DEFAULT 'england',
    numbering_scheme TEXT NOT NULL DEFAULT 'continuous',
    numbering_start INTEGER NOT NULL DEFAULT 1,
    resolution_labels TEXT NOT NULL DEFAULT 'alpha',
    question_attribution TEXT NOT NULL DEFAULT 'named',
    information_request_days INTEGER NOT NULL DEFAULT 10,
    recommendation_response_months INTEGER NOT NULL DEFAULT 2,
    recommendation_body TEXT NOT NULL DEFAULT 'Cabinet',
    template_path TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT ''
);

CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'member',
    from_date TEXT,
    to_date TEXT
);
CREATE INDEX membership_committee ON membership(committee_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES committee(id),
    date TEXT NOT NULL,
    time TEXT NOT NULL,
    venue TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'draft',
    started_at TEXT,
    ended_at TEXT,
    -- What was typed on the capture line but not yet entered, kept so a crash loses nothing.
    capture_draft TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX meeting_committee_date ON meeting(committee_id, date);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    status TEXT NOT NULL DEFAULT 'present',
    substitute_for_id INTEGER REFERENCES person(id),
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    minute_number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    exempt_paragraph INTEGER,
    public_title TEXT NOT NULL DEFAULT '',
    public_summary TEXT NOT NULL DEFAULT '',
    started_at TEXT,
    ended_at TEXT
);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE record (
    id INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Deleting a record sets this; undo clears it. Nothing is ever removed by a delete key.
    deleted_at TEXT
);
CREATE INDEX record_item ON record(agenda_item_id, position);

CREATE TABLE question (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    asked_by TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT ''
);

CREATE TABLE assurance (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    theme TEXT NOT NULL DEFAULT '',
    response TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'sought'
);

CREATE TABLE information_request (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    requested_of TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    due_date_by_hand INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'outstanding',
    answered_on TEXT,
    response TEXT NOT NULL DEFAULT ''
);
CREATE INDEX information_request_status_due ON information_request(status, due_date);

CREATE TABLE resolution (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    form TEXT NOT NULL DEFAULT 'resolved'
);

CREATE TABLE recommendation (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    addressee TEXT NOT NULL,
    response_due TEXT,
    response_status TEXT NOT NULL DEFAULT 'awaited',
    response_date TEXT,
    response_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recommendation_status_due ON recommendation(response_status, response_due);

-- Every change to a record, with the record as it was before, for undo and audit.
CREATE TABLE revision (
    id INTEGER PRIMARY KEY,
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    before TEXT
);
CREATE INDEX revision_record ON revision(record_id);
