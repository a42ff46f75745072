-- A follow-up's message as the reader wrote it ("ومتى؟"), the question column holding how it was read.
ALTER TABLE answers ADD COLUMN followup_message TEXT;
