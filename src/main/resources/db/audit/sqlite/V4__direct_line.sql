-- The direct answer line (JSON: its text and parts with their source spans); null before it existed.
ALTER TABLE answers ADD COLUMN direct TEXT;
