#!/usr/bin/env node
// Starts the telegram-test-api emulator (npm, 4.2.1) behind a small express front that bridges its
// four incompatibilities with Telegram Bots 10.x (see docs: telegram-testing.md):
//   1. getMe lacks is_bot                 -> answered here with a complete User
//   2. dates are in milliseconds          -> every "date" in a bot-side response is turned into seconds
//   3. unsupported methods answer a non-Telegram 500
//                                          -> sendChatAction, setMyCommands, ... answer {ok:true,result:true};
//                                             any other unknown method answers Telegram's own 404 form
//   4. getUpdates returns at once         -> waits up to ~1 s for an update, like real long polling
// answerCallbackQuery (result null upstream) answers result:true. Calls the emulator does not keep
// (chat actions, callback answers, commands) are listed for tests at POST /isnad/calls {token}.
//
// Usage: node launcher.js PORT      (or PORT / ISNAD_EMULATOR_PORT in the environment)
// Prints "telegram-test-api ready on http://127.0.0.1:PORT" when listening. Exits when stdin closes
// (the parent test died or closed the pipe) unless stdin is a terminal, and when the parent process goes.
'use strict';

const express = require('express');
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2] || process.env.ISNAD_EMULATOR_PORT || process.env.PORT);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node launcher.js PORT');
  process.exit(2);
}
const host = '127.0.0.1';
const LONG_POLL_MAX_MS = 1000;
const BOT_USER = { id: 666, is_bot: true, first_name: 'Isnad Test Bot', username: 'IsnadTestBot',
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
// Method names are case-insensitive in the Bot API (the Java library sends "getme", "sendmessage", ...).
const ACCEPTED_WITHOUT_EFFECT = new Set(['sendchataction', 'setmycommands', 'deletemycommands',
  'setmydescription', 'setmyshortdescription', 'setmyname', 'setchatmenubutton', 'close', 'logout']);

const emulator = new TelegramServer({ port, host, storeTimeout: 600 });
const calls = []; // {token, method, body, at}

const app = express();
// Parse every body once here; body-parser in the emulator's own express skips parsed requests (req._body).
app.use(express.json({ limit: '10mb' }));
app.use(express.urlencoded({ extended: true, limit: '10mb' }));
app.use((req, _res, next) => { req._body = true; if (req.body === undefined) req.body = {}; next(); });

// Bot-side dates in seconds (the emulator stamps Date.now() milliseconds).
function toSeconds(value) {
  if (Array.isArray(value)) return value.map(toSeconds);
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (key === 'date' && typeof value[key] === 'number' && value[key] > 1e11) {
        value[key] = Math.floor(value[key] / 1000);
      } else {
        value[key] = toSeconds(value[key]);
      }
    }
  }
  return value;
}

const DEBUG = process.env.ISNAD_EMULATOR_DEBUG === '1';
app.use('/bot:token/:method', (req, res, next) => {
  if (DEBUG) {
    const t0 = Date.now();
    res.on('finish', () => console.log(`${new Date(t0).toISOString()} ${req.params.method} ${Date.now() - t0} ms`));
  }
  const json = res.json.bind(res);
  res.json = (body) => json(toSeconds(body));
  next();
});

function record(req, method) {
  calls.push({ token: req.params.token, method: method.toLowerCase(), body: req.body, at: Date.now() });
}

app.all('/bot:token/getMe', (_req, res) => res.json({ ok: true, result: BOT_USER }));

app.all('/bot:token/answerCallbackQuery', (req, res) => {
  record(req, 'answerCallbackQuery');
  res.json({ ok: true, result: true });
});

app.all('/bot:token/getUpdates', (req, res) => {
  const token = req.params.token;
  const requested = Number(req.body.timeout || req.query.timeout || 0) * 1000;
  const waitMs = Math.min(LONG_POLL_MAX_MS, requested > 0 ? requested : LONG_POLL_MAX_MS);
  const deadline = Date.now() + waitMs;
  let done = false;
  const answer = () => {
    if (done) return;
    const updates = emulator.getUpdates(token);
    if (updates.length > 0 || Date.now() >= deadline) {
      done = true;
      clearInterval(timer);
      res.json({ ok: true, result: toSeconds(updates) });
    }
  };
  const timer = setInterval(answer, 20);
  res.on('close', () => { if (!done) { done = true; clearInterval(timer); } });
  answer();
});

app.all('/bot:token/:method', (req, res, next) => {
  const method = req.params.method.toLowerCase();
  if (ACCEPTED_WITHOUT_EFFECT.has(method)) {
    record(req, method);
    res.json({ ok: true, result: true });
    return;
  }
  const known = ['sendmessage', 'editmessagetext', 'editmessagereplymarkup', 'deletemessage',
    'setwebhook', 'deletewebhook'];
  if (!known.includes(method)) {
    res.status(404).json({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    return;
  }
  next();
});

app.post('/isnad/calls', (req, res) => {
  const token = req.body.token;
  res.json({ ok: true, result: calls.filter((c) => !token || c.token === token) });
});

// Everything else (bot-side sendMessage & co., the client API) is the emulator's own.
app.use(emulator.webServer);

// Any failure answers in Telegram's own error form, never an HTML page.
app.use((err, _req, res, _next) => {
  res.status(500).json({ ok: false, error_code: 500, description: `Internal Server Error: ${err.message}` });
});

const server = app.listen(port, host, () => {
  console.log(`telegram-test-api ready on http://${host}:${port}`);
});
server.on('error', (e) => {
  console.error(`launcher: cannot listen on ${host}:${port}: ${e.message}`);
  process.exit(1);
});

function shutdown(reason) {
  console.log(`launcher: stopping (${reason})`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
}
if (!process.stdin.isTTY) {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('close', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown('parent process gone');
}, 1000).unref();
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
