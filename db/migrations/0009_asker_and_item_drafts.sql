-- scrutui schema, version 9: who asked for an information request, and the half-typed capture
-- line kept with the agenda item it was typed under.

-- The member who asked for the information (as typed or completed: "Councillor Ann Ali"), or the
-- Committee as a whole. Requests minuted before this version were made by the Committee.
ALTER TABLE information_request ADD COLUMN asked_by TEXT NOT NULL DEFAULT 'the Committee';

-- What was typed on the capture line under this item but not yet entered, kept so a crash loses
-- nothing and so moving to another item does not carry it there.
ALTER TABLE agenda_item ADD COLUMN capture_draft TEXT NOT NULL DEFAULT '';

-- A meeting's draft (kept on the meeting before this version) goes to the item it was most likely
-- typed under: the item last taken, or else the first.
UPDATE agenda_item SET capture_draft = (SELECT m.capture_draft FROM meeting m WHERE m.id = agenda_item.meeting_id)
WHERE id IN (
    SELECT (SELECT a.id FROM agenda_item a WHERE a.meeting_id = m.id
            ORDER BY a.started_at IS NULL, a.started_at DESC, a.position, a.id LIMIT 1)
    FROM meeting m WHERE m.capture_draft <> ''
);
UPDATE meeting SET capture_draft = '' WHERE capture_draft <> '';
