-- Stands in for a later schema version, to exercise backup-before-migration.
ALTER TABLE operation ADD COLUMN test_later_column TEXT;
