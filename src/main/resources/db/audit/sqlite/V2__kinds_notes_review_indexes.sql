-- Briefings share the log (kind), answerer notes, review time, and indexes for the review page's filters.
ALTER TABLE answers ADD COLUMN kind TEXT NOT NULL DEFAULT 'answer';
ALTER TABLE answers ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE answers ADD COLUMN reviewed_at INTEGER;
CREATE INDEX IF NOT EXISTS answers_state_at ON answers(state, at);
CREATE INDEX IF NOT EXISTS answers_feedback_at ON answers(feedback, at);
CREATE INDEX IF NOT EXISTS answers_language_at ON answers(language, at);
CREATE INDEX IF NOT EXISTS answers_answered_at ON answers(answered, at);
