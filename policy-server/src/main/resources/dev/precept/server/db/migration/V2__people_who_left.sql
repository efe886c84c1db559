-- A roster re-import makes the roster equal to the file: people absent from it are marked as having
-- left (when), not deleted, so their acknowledgements stay with the evidence and a later import can
-- bring them back.
ALTER TABLE people ADD COLUMN left_at VARCHAR(40);
