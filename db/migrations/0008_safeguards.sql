-- scrutui schema, version 8: nothing lost, nothing leaked.

-- Every change to a record (an edit, a delete, a restore) raises its version by one. An editor
-- saves only over the version it opened; a record changed elsewhere meanwhile is never saved over
-- silently (see RecordRepository.update).
ALTER TABLE record ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- Whether public minutes give the nature of an interest declared in an exempt item: 'withhold'
-- (the default: the nature may reveal the exempt matter) or 'publish'.
ALTER TABLE committee ADD COLUMN exempt_declaration_natures TEXT NOT NULL DEFAULT 'withhold';

-- A digest (SHA-256, hex) of the minutes as approved, taken at approval and after each correction,
-- and checked on export: approved text changed outside scrutui is refused, never exported.
ALTER TABLE minutes_signoff ADD COLUMN approved_digest TEXT;
