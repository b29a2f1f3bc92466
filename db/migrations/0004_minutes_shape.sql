-- scrutui schema, version 4: the shape minutes take. Sub-headings inside an item (and the end of a
-- heading's section), a narrative's paragraphs and list items kept as structure, and who gave an
-- assurance's response and how the minutes report it.

-- A sub-heading record ("Workforce"); `ends_section` marks a record that only ends the section
-- the last heading opened.
CREATE TABLE heading (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    ends_section INTEGER NOT NULL DEFAULT 0
);

-- A narrative's paragraphs and list items, as JSON: [{"kind": "paragraph" | "bullet" | "item",
-- "text": ..., "label": "(a)"}]. Worked out once, when the narrative is saved; the minutes are made
-- from this, never by reading the text again. Existing narratives get theirs as this version is
-- applied (scrutui.store.upgrades), read the way earlier versions of scrutui read them.
CREATE TABLE narrative (
    record_id INTEGER PRIMARY KEY REFERENCES record(id) ON DELETE CASCADE,
    blocks TEXT NOT NULL
);

ALTER TABLE assurance ADD COLUMN sought_from TEXT NOT NULL DEFAULT '';
ALTER TABLE assurance ADD COLUMN responded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE assurance ADD COLUMN reported_as TEXT NOT NULL DEFAULT 'from_text';
