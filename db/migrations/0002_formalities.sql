-- scrutui schema, version 2: the formalities of a meeting. Arrivals and departures, declarations
-- of interest, each municipal year's first minute number, issuing and approving minutes (with the
-- minutes as approved kept whole), and corrections agreed at a later meeting.

-- A member or officer arriving or leaving during the meeting, stamped with the time and the item
-- then being taken.
CREATE TABLE attendance_event (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    movement TEXT NOT NULL,
    at TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL
);
CREATE INDEX attendance_event_meeting ON attendance_event(meeting_id, at);

CREATE TABLE declaration (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id),
    category TEXT NOT NULL,
    nature TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT 'remained',
    created_at TEXT NOT NULL
);
CREATE INDEX declaration_meeting ON declaration(meeting_id);

-- The first minute number of one municipal year (May to April), where it is not the committee's
-- usual starting number.
CREATE TABLE minute_year (
    committee_id INTEGER NOT NULL REFERENCES committee(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    first_number INTEGER NOT NULL,
    PRIMARY KEY (committee_id, year)
);

-- When a meeting's minutes were issued and approved, and (once approved) everything they are made
-- from as approved, as JSON: the export of approved minutes reads this, so later changes elsewhere
-- (a tracker's due date, a person's new title) never alter an approved record.
CREATE TABLE minutes_signoff (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    issued_at TEXT,
    approved_at TEXT,
    approved_at_meeting_id INTEGER REFERENCES meeting(id),
    approved_minutes TEXT
);

-- A change to issued or approved minutes, agreed at a (later) meeting: what changed, the text
-- before and after, and when it was made.
CREATE TABLE correction (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    agenda_item_id INTEGER REFERENCES agenda_item(id) ON DELETE SET NULL,
    record_id INTEGER REFERENCES record(id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES person(id),
    description TEXT NOT NULL,
    before TEXT NOT NULL DEFAULT '',
    after TEXT NOT NULL DEFAULT '',
    agreed_at_meeting_id INTEGER REFERENCES meeting(id),
    made_at TEXT NOT NULL
);
CREATE INDEX correction_meeting ON correction(meeting_id);

-- Minute numbers are references: once the draft is issued they never change.
CREATE TRIGGER minute_number_frozen BEFORE UPDATE OF minute_number ON agenda_item
WHEN OLD.minute_number <> '' AND NEW.minute_number IS NOT OLD.minute_number
    AND (SELECT status FROM meeting WHERE id = OLD.meeting_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'minute numbers are fixed once the draft minutes are issued');
END;
