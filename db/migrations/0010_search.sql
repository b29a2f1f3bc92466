-- scrutui schema, version 10: full-text search over every meeting (SQLite FTS5).
--
-- One index, `search`, holds a document for each minute record and each agenda item. What is
-- searchable is listed in one place, the view `search_document`:
--   text    a record's own text (the main searchable text), or an agenda item's title;
--   detail  the text of the record's kind (a question's answer, an assurance's theme and
--           response, the response to an information request or a recommendation), or an agenda
--           item's purpose;
--   names   who asked and who answered a question, of whom an assurance was sought and who gave
--           the response, who asked for information and of whom, to whom a recommendation was made;
--   facets  the record's kind and status as single words ("kindinformationrequest
--           statusoutstanding", "kinditem"), so that what a search is limited to is matched in
--           the index itself; searches for words look in the other three columns only.
-- To make a new kind or column searchable, a later migration re-creates that view (DROP VIEW,
-- CREATE VIEW), writes for a new detail table the same six triggers as the detail tables below
-- have, and rebuilds the index: INSERT INTO search (search) VALUES ('rebuild');
--
-- As sqlite-utils' enable_fts(..., create_triggers=True) does, the index keeps no copy of the text
-- (content='search_document'): triggers keep it up to date and snippets are read through the view.
-- Each trigger takes a document out of the index with the values the view gives *before* the
-- change and puts it back with those it gives after, so detail tables are written with INSERT,
-- INSERT OR REPLACE, UPDATE and DELETE (never INSERT OR IGNORE or an upsert, which skip or repeat
-- a trigger), on connections with recursive_triggers off (scrutui's are; with it on, a REPLACE also
-- fires the delete triggers). The tests check the index against the view ('integrity-check') after
-- every test that leaves a database behind.
--
-- The tokenizer folds case and diacritics (Welsh w-circumflex and y-circumflex match w and y) and
-- stems English words (recruiting finds recruitment).
--
-- Documents are keyed by the day of their meeting, so the index itself is in date order and the
-- newest matches page straight from it, without sorting millions of matches:
--   key = julian day of the meeting << 33 | 1 << 32 for an agenda item | (2^32 - 1 - id).
-- Within one day, agenda items come before records, and each in the order they were made.

CREATE TABLE search_entry (
    key INTEGER PRIMARY KEY,
    agenda_item_id INTEGER NOT NULL,
    -- NULL for the agenda item's own document.
    record_id INTEGER UNIQUE
);
-- Each agenda item's own document (records' documents are found through record_id).
CREATE UNIQUE INDEX search_entry_item ON search_entry(agenda_item_id) WHERE record_id IS NULL;

CREATE VIEW search_document (key, record_id, agenda_item_id, text, detail, names, facets) AS
SELECT e.key, e.record_id, e.agenda_item_id, r.text,
    ltrim(ifnull(' ' || nullif(q.answer, ''), '') || ifnull(' ' || nullif(s.theme, ''), '') || ifnull(' ' || nullif(s.response, ''), '') || ifnull(' ' || nullif(ir.response, ''), '') || ifnull(' ' || nullif(rc.response_text, ''), '')),
    ltrim(ifnull(' ' || nullif(q.asked_by, ''), '') || ifnull(' ' || nullif(q.answered_by, ''), '') || ifnull(' ' || nullif(s.sought_from, ''), '') || ifnull(' ' || nullif(s.responded_by, ''), '') || ifnull(' ' || nullif(ir.asked_by, ''), '') || ifnull(' ' || nullif(ir.requested_of, ''), '') || ifnull(' ' || nullif(rc.addressee, ''), '')),
    'kind' || replace(r.kind, '_', '')
        || ifnull(' status' || replace(coalesce(s.status, ir.status, rc.response_status), '_', ''), '')
FROM search_entry e
JOIN record r ON r.id = e.record_id
LEFT JOIN question q ON q.record_id = r.id
LEFT JOIN assurance s ON s.record_id = r.id
LEFT JOIN information_request ir ON ir.record_id = r.id
LEFT JOIN recommendation rc ON rc.record_id = r.id
UNION ALL
SELECT e.key, e.record_id, e.agenda_item_id, a.title, a.purpose, '', 'kinditem'
FROM search_entry e
JOIN agenda_item a ON a.id = e.agenda_item_id
WHERE e.record_id IS NULL;

CREATE VIRTUAL TABLE search USING fts5(
    text, detail, names, facets,
    content = 'search_document',
    content_rowid = 'key',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The index of a database made before this version.
INSERT INTO search_entry (key, agenda_item_id, record_id)
SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33) + 8589934591 - a.id, a.id, NULL
FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id;

INSERT INTO search_entry (key, agenda_item_id, record_id)
SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33) + 4294967295 - r.id, r.agenda_item_id, r.id
FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id JOIN meeting m ON m.id = a.meeting_id;

INSERT INTO search (search) VALUES ('rebuild');

-- records: text and kind (and the agenda item it is under)
CREATE TRIGGER search_record_after_insert AFTER INSERT ON record BEGIN
    INSERT INTO search_entry (key, agenda_item_id, record_id)
        SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33) + 4294967295 - NEW.id, NEW.agenda_item_id, NEW.id
        FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.agenda_item_id;
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.id;
END;
CREATE TRIGGER search_record_before_update BEFORE UPDATE OF text, kind, agenda_item_id ON record
WHEN OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.agenda_item_id IS NOT NEW.agenda_item_id BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.id;
END;
CREATE TRIGGER search_record_after_update AFTER UPDATE OF text, kind, agenda_item_id ON record
WHEN OLD.text IS NOT NEW.text OR OLD.kind IS NOT NEW.kind OR OLD.agenda_item_id IS NOT NEW.agenda_item_id BEGIN
    UPDATE search_entry SET agenda_item_id = NEW.agenda_item_id, key = (
        SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33) + 4294967295 - NEW.id
        FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.id = NEW.agenda_item_id)
    WHERE record_id = NEW.id AND OLD.agenda_item_id IS NOT NEW.agenda_item_id;
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.id;
END;
CREATE TRIGGER search_record_before_delete BEFORE DELETE ON record BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.id;
END;
CREATE TRIGGER search_record_after_delete AFTER DELETE ON record BEGIN
    DELETE FROM search_entry WHERE record_id = OLD.id;
END;

-- agenda items: title and purpose (and the meeting they belong to)
CREATE TRIGGER search_agenda_item_after_insert AFTER INSERT ON agenda_item BEGIN
    INSERT INTO search_entry (key, agenda_item_id, record_id)
        SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33) + 8589934591 - NEW.id, NEW.id, NULL FROM meeting m WHERE m.id = NEW.meeting_id;
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE agenda_item_id = NEW.id AND record_id IS NULL;
END;
CREATE TRIGGER search_agenda_item_before_update BEFORE UPDATE OF title, purpose, meeting_id ON agenda_item
WHEN OLD.title IS NOT NEW.title OR OLD.purpose IS NOT NEW.purpose OR OLD.meeting_id IS NOT NEW.meeting_id BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE agenda_item_id = OLD.id AND record_id IS NULL;
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document
        WHERE record_id IN (SELECT id FROM record WHERE agenda_item_id = OLD.id) AND OLD.meeting_id IS NOT NEW.meeting_id;
END;
CREATE TRIGGER search_agenda_item_after_update AFTER UPDATE OF title, purpose, meeting_id ON agenda_item
WHEN OLD.title IS NOT NEW.title OR OLD.purpose IS NOT NEW.purpose OR OLD.meeting_id IS NOT NEW.meeting_id BEGIN
    UPDATE search_entry SET key = (SELECT (CAST(coalesce(julianday(m.date), 0) AS INTEGER) << 33)
        + CASE WHEN record_id IS NULL THEN 8589934591 - agenda_item_id ELSE 4294967295 - record_id END
        FROM meeting m WHERE m.id = NEW.meeting_id)
    WHERE OLD.meeting_id IS NOT NEW.meeting_id AND (
        (agenda_item_id = NEW.id AND record_id IS NULL)
        OR record_id IN (SELECT id FROM record WHERE agenda_item_id = NEW.id));
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE agenda_item_id = NEW.id AND record_id IS NULL;
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document
        WHERE record_id IN (SELECT id FROM record WHERE agenda_item_id = NEW.id) AND OLD.meeting_id IS NOT NEW.meeting_id;
END;
CREATE TRIGGER search_agenda_item_before_delete BEFORE DELETE ON agenda_item BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE agenda_item_id = OLD.id AND record_id IS NULL;
END;
CREATE TRIGGER search_agenda_item_after_delete AFTER DELETE ON agenda_item BEGIN
    DELETE FROM search_entry WHERE agenda_item_id = OLD.id AND record_id IS NULL;
END;

-- meetings: a new date moves its documents to their new place in the index
CREATE TRIGGER search_meeting_after_update AFTER UPDATE OF date ON meeting
WHEN OLD.date IS NOT NEW.date BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document
        WHERE record_id IS NULL AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = NEW.id);
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id IN (
            SELECT r.id FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = NEW.id);
    UPDATE search_entry SET key = (CAST(coalesce(julianday(NEW.date), 0) AS INTEGER) << 33)
        + CASE WHEN record_id IS NULL THEN 8589934591 - agenda_item_id ELSE 4294967295 - record_id END
    WHERE (record_id IS NULL AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = NEW.id))
        OR record_id IN (
            SELECT r.id FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = NEW.id);
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document
        WHERE record_id IS NULL AND agenda_item_id IN (SELECT id FROM agenda_item WHERE meeting_id = NEW.id);
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id IN (
            SELECT r.id FROM record r JOIN agenda_item a ON a.id = r.agenda_item_id WHERE a.meeting_id = NEW.id);
END;

-- each kind's detail
-- question: answer, asked_by, answered_by
CREATE TRIGGER search_question_before_insert BEFORE INSERT ON question BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_question_after_insert AFTER INSERT ON question BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_question_before_update BEFORE UPDATE OF record_id, answer, asked_by, answered_by ON question
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.answer IS NOT NEW.answer OR OLD.asked_by IS NOT NEW.asked_by OR OLD.answered_by IS NOT NEW.answered_by BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_question_after_update AFTER UPDATE OF record_id, answer, asked_by, answered_by ON question
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.answer IS NOT NEW.answer OR OLD.asked_by IS NOT NEW.asked_by OR OLD.answered_by IS NOT NEW.answered_by BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_question_before_delete BEFORE DELETE ON question BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER search_question_after_delete AFTER DELETE ON question BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;

-- assurance: theme, sought_from, response, responded_by, status
CREATE TRIGGER search_assurance_before_insert BEFORE INSERT ON assurance BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_assurance_after_insert AFTER INSERT ON assurance BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_assurance_before_update BEFORE UPDATE OF record_id, theme, sought_from, response, responded_by, status ON assurance
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.theme IS NOT NEW.theme OR OLD.sought_from IS NOT NEW.sought_from OR OLD.response IS NOT NEW.response OR OLD.responded_by IS NOT NEW.responded_by OR OLD.status IS NOT NEW.status BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_assurance_after_update AFTER UPDATE OF record_id, theme, sought_from, response, responded_by, status ON assurance
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.theme IS NOT NEW.theme OR OLD.sought_from IS NOT NEW.sought_from OR OLD.response IS NOT NEW.response OR OLD.responded_by IS NOT NEW.responded_by OR OLD.status IS NOT NEW.status BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_assurance_before_delete BEFORE DELETE ON assurance BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER search_assurance_after_delete AFTER DELETE ON assurance BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;

-- information_request: asked_by, requested_of, response, status
CREATE TRIGGER search_information_request_before_insert BEFORE INSERT ON information_request BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_information_request_after_insert AFTER INSERT ON information_request BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_information_request_before_update BEFORE UPDATE OF record_id, asked_by, requested_of, response, status ON information_request
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.asked_by IS NOT NEW.asked_by OR OLD.requested_of IS NOT NEW.requested_of OR OLD.response IS NOT NEW.response OR OLD.status IS NOT NEW.status BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_information_request_after_update AFTER UPDATE OF record_id, asked_by, requested_of, response, status ON information_request
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.asked_by IS NOT NEW.asked_by OR OLD.requested_of IS NOT NEW.requested_of OR OLD.response IS NOT NEW.response OR OLD.status IS NOT NEW.status BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_information_request_before_delete BEFORE DELETE ON information_request BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER search_information_request_after_delete AFTER DELETE ON information_request BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;

-- recommendation: addressee, response_text, response_status
CREATE TRIGGER search_recommendation_before_insert BEFORE INSERT ON recommendation BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_recommendation_after_insert AFTER INSERT ON recommendation BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = NEW.record_id;
END;
CREATE TRIGGER search_recommendation_before_update BEFORE UPDATE OF record_id, addressee, response_text, response_status ON recommendation
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.addressee IS NOT NEW.addressee OR OLD.response_text IS NOT NEW.response_text OR OLD.response_status IS NOT NEW.response_status BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_recommendation_after_update AFTER UPDATE OF record_id, addressee, response_text, response_status ON recommendation
WHEN OLD.record_id IS NOT NEW.record_id OR OLD.addressee IS NOT NEW.addressee OR OLD.response_text IS NOT NEW.response_text OR OLD.response_status IS NOT NEW.response_status BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id IN (OLD.record_id, NEW.record_id);
END;
CREATE TRIGGER search_recommendation_before_delete BEFORE DELETE ON recommendation BEGIN
    INSERT INTO search (search, rowid, text, detail, names, facets)
        SELECT 'delete', key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;
CREATE TRIGGER search_recommendation_after_delete AFTER DELETE ON recommendation BEGIN
    INSERT INTO search (rowid, text, detail, names, facets)
        SELECT key, text, detail, names, facets FROM search_document WHERE record_id = OLD.record_id;
END;

-- The theme history looks assurances up by theme.
CREATE INDEX assurance_theme ON assurance(theme);
