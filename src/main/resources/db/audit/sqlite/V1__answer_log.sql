-- The first answer log (answers only, from the bot and the CLI). Never edit a shipped migration: add one.
CREATE TABLE IF NOT EXISTS answers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  door TEXT NOT NULL,
  chat TEXT,
  user TEXT,
  role TEXT,
  telegram_update_id INTEGER,
  question TEXT NOT NULL,
  language TEXT,
  answered INTEGER NOT NULL,
  answer TEXT,
  citations TEXT NOT NULL DEFAULT '[]',
  conflicts TEXT NOT NULL DEFAULT '[]',
  candidates TEXT NOT NULL DEFAULT '[]',
  mode TEXT,
  latency_ms INTEGER NOT NULL DEFAULT 0,
  feedback TEXT,
  feedback_at INTEGER,
  state TEXT NOT NULL DEFAULT 'unreviewed',
  moderator TEXT,
  note TEXT);
CREATE INDEX IF NOT EXISTS answers_at ON answers(at);
