-- scrutui schema, version 7: motions, amendments and votes, and the decision notice Welsh councils
-- publish within seven working days of a meeting.

-- A motion (or an amendment to the motion above it) under an agenda item: who moved and seconded
-- it, and what became of it. The numbers are a show of hands or, for a recorded vote, the tally of
-- its lines below (kept here too, so a list can show them without reading every line).
-- `decision_id` is the resolution or recommendation a carried motion became.
CREATE TABLE motion (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    moved_by TEXT NOT NULL DEFAULT '',
    seconded_by TEXT NOT NULL DEFAULT '',
    amendment INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL DEFAULT 'moved',
    votes_for INTEGER,
    votes_against INTEGER,
    abstentions INTEGER,
    casting_vote INTEGER NOT NULL DEFAULT 0,
    decision_id INTEGER REFERENCES record(id) ON DELETE SET NULL
);
CREATE INDEX motion_decision ON motion(decision_id);

-- A recorded vote: how each member voted (for, against, abstained, did_not_vote), in the order
-- the roll call lists them, named as the minutes name them.
CREATE TABLE motion_vote (
    record_id INTEGER NOT NULL REFERENCES record(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person_id INTEGER REFERENCES person(id),
    name TEXT NOT NULL,
    vote TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- When a meeting's decision notice was last exported (the meetings list shows the Welsh deadline
-- until then), and where to.
CREATE TABLE decision_notice (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    exported_at TEXT NOT NULL,
    path TEXT NOT NULL DEFAULT ''
);
