-- scrutui schema: where an imported agenda came from, so that importing it again updates what has
-- not been minuted yet. ModernGov's ids are kept beside scrutui's own (one council's ModernGov per
-- database, so an id alone names a committee, meeting, agenda item or member). Each table depends
-- only on the tables of the first schema.

CREATE TABLE moderngov_committee (
    committee_id INTEGER PRIMARY KEY REFERENCES committee(id) ON DELETE CASCADE,
    moderngov_id TEXT NOT NULL UNIQUE
);

CREATE TABLE moderngov_meeting (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE CASCADE,
    moderngov_id TEXT NOT NULL UNIQUE,
    -- The web service it was read from ('' for a saved file), and when it was last imported.
    service TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);

CREATE TABLE moderngov_agenda_item (
    agenda_item_id INTEGER PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    moderngov_id TEXT NOT NULL UNIQUE
);

CREATE TABLE moderngov_person (
    person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
    moderngov_id TEXT NOT NULL UNIQUE
);
