-- What several bot instances share (telegram.mode: webhook with audit.backend: postgres). SQLite's log has
-- no such tables: one process keeps this state in its data folder.

-- Every update taken on, by bot: the row is claimed ('taken') under the chat's advisory lock before the
-- update is answered and marked 'done' once every reply is delivered, so a redelivered update is not
-- answered again and one whose instance died is answered by the next.
CREATE TABLE bot_updates (
  bot TEXT NOT NULL,
  update_id BIGINT NOT NULL,
  state TEXT NOT NULL,
  owner TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  taken_at BIGINT NOT NULL,
  done_at BIGINT,
  PRIMARY KEY (bot, update_id));
CREATE INDEX bot_updates_done_at ON bot_updates(done_at);

-- Each reader's /lang choice (readers by the log's pseudonym).
CREATE TABLE bot_languages (
  bot TEXT NOT NULL,
  reader TEXT NOT NULL,
  language TEXT NOT NULL,
  PRIMARY KEY (bot, reader));

-- Which sent message carries which answer (for /brief in reply to it), chats by pseudonym.
CREATE TABLE bot_sent_answers (
  bot TEXT NOT NULL,
  chat TEXT NOT NULL,
  message_id INTEGER NOT NULL,
  ref BIGINT NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (bot, chat, message_id));
CREATE INDEX bot_sent_answers_at ON bot_sent_answers(at);

-- Each chat's last question, so that a follow-up ("ومتى؟") is read with it whichever instance takes it.
CREATE TABLE bot_conversations (
  bot TEXT NOT NULL,
  chat TEXT NOT NULL,
  question TEXT NOT NULL,
  at BIGINT NOT NULL,
  follow_ups INTEGER NOT NULL,
  PRIMARY KEY (bot, chat));

-- Messages per reader in the current minute (a fixed window), so that the flood limit holds whichever
-- instance answers.
CREATE TABLE bot_flood (
  bot TEXT NOT NULL,
  reader TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (bot, reader));

-- The instances alive (each refreshes its row every few seconds): each sends its share of the global
-- message rate.
CREATE TABLE bot_instances (
  bot TEXT NOT NULL,
  instance TEXT NOT NULL,
  seen_at BIGINT NOT NULL,
  PRIMARY KEY (bot, instance));

-- Secrets every instance must share: the pseudonym key and the button-signing key.
CREATE TABLE isnad_keys (
  name TEXT PRIMARY KEY,
  value BYTEA NOT NULL);
