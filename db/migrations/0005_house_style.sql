-- scrutui schema, version 5: the house style a clerk chooses. How each kind of decision is
-- introduced and its parts labelled, how parts end and begin, whether request due dates print in
-- the minutes, whether decisions get a paragraph number, the language of the minutes; and a
-- council-wide default that a new committee copies.

ALTER TABLE committee ADD COLUMN resolution_lead TEXT NOT NULL DEFAULT 'RESOLVED: That';
ALTER TABLE committee ADD COLUMN agreed_lead TEXT NOT NULL DEFAULT 'AGREED: That';
ALTER TABLE committee ADD COLUMN recommendation_lead TEXT NOT NULL DEFAULT 'RECOMMENDED to {body} that';
ALTER TABLE committee ADD COLUMN request_lead TEXT NOT NULL DEFAULT 'That the following information be requested:';
-- The labels of procedural decisions, recommendations and requests; NULL: as the resolutions'
-- (how every kind of decision was labelled until now).
ALTER TABLE committee ADD COLUMN agreed_labels TEXT;
ALTER TABLE committee ADD COLUMN recommendation_labels TEXT;
ALTER TABLE committee ADD COLUMN request_labels TEXT;
ALTER TABLE committee ADD COLUMN part_endings TEXT NOT NULL DEFAULT 'semicolons';
ALTER TABLE committee ADD COLUMN part_case TEXT NOT NULL DEFAULT 'lower';
ALTER TABLE committee ADD COLUMN request_due_dates INTEGER NOT NULL DEFAULT 1;
ALTER TABLE committee ADD COLUMN number_decisions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee ADD COLUMN language TEXT NOT NULL DEFAULT 'en-GB';

-- The council's own house style (one row, JSON of a committee's house-style fields): a new
-- committee starts from it.
CREATE TABLE council_house_style (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    style TEXT NOT NULL
);
