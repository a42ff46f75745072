-- Free-text search over questions and answers (trigram: substrings, any script, no case), kept in step
-- with the table by triggers; existing entries are indexed by the rebuild. Two composite indexes answer
-- the review page's common pairs (language or feedback with a state).
CREATE INDEX IF NOT EXISTS answers_language_state_at ON answers(language, state, at);
CREATE INDEX IF NOT EXISTS answers_feedback_state_at ON answers(feedback, state, at);
CREATE VIRTUAL TABLE IF NOT EXISTS answers_fts USING fts5(
  question, answer, content='answers', content_rowid='id', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS answers_fts_insert AFTER INSERT ON answers BEGIN
  INSERT INTO answers_fts(rowid, question, answer) VALUES (new.id, new.question, new.answer);
END;
CREATE TRIGGER IF NOT EXISTS answers_fts_delete AFTER DELETE ON answers BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
END;
CREATE TRIGGER IF NOT EXISTS answers_fts_update AFTER UPDATE OF question, answer ON answers BEGIN
  INSERT INTO answers_fts(answers_fts, rowid, question, answer) VALUES ('delete', old.id, old.question, old.answer);
  INSERT INTO answers_fts(rowid, question, answer) VALUES (new.id, new.question, new.answer);
END;
INSERT INTO answers_fts(answers_fts) VALUES ('rebuild');
