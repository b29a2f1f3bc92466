-- scrutui schema, version 11: an index of each item's live (not deleted) records, so that counting
-- the records of every meeting (the meetings list, `scrutui meetings`) reads the index alone
-- rather than every record of the council. Depends on nothing after version 3.
CREATE INDEX record_live_item ON record(agenda_item_id) WHERE deleted_at IS NULL;
