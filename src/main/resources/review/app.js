'use strict';
// The review page: builds the list and detail views from the JSON API. Every string from users or
// documents goes into the page through textContent (never innerHTML), so markup in a question or a
// source shows as text. dir="auto" lets Arabic run right-to-left and English left-to-right side by side.
(function () {
  const API = '/review/api';
  const FILTERS = ['since', 'until', 'lang', 'feedback', 'state', 'answered', 'text'];
  const FEEDBACK = { up: '👍', down: '👎' };
  // The list's filters survive opening an entry and reloading it (sessionStorage is per tab).
  function lastListHash() { return sessionStorage.getItem('isnad-review-list') || '#/'; }
  let currentEntry = null;

  // The page's own labels in the moderator's choice of English or Arabic (kept in localStorage);
  // what users and documents wrote is shown as written, whatever the labels' language.
  const LABELS = {
    en: { title: 'Isnad review', answersToday: 'Answers today', unanswered: 'Unanswered', downRate: '👎 rate',
      unreviewed: 'Unreviewed', labels: 'Labels', signOut: 'Sign out', filter: 'Filter', clear: 'Clear', time: 'Time (UTC)',
      door: 'Door', lang: 'Lang', question: 'Question', answerAndQuote: 'Answer and first quote', answered: 'Answered',
      feedback: 'Feedback', state: 'State', newer: '‹ Newer', older: 'Older ›', back: '‹ Back to the list', entry: 'Entry',
      answer: 'Answer', quotes: 'Quotes in their sources', candidates: 'What Isnad could have cited',
      candidatesHelp: 'The passages retrieved for this question, best first, as stored with the entry.',
      noCandidates: 'No retrieval candidates were stored with this entry.', moderation: 'Moderation', stateLabel: 'State:',
      ok: 'OK', wrongCitation: 'Wrong citation', wrongAnswer: 'Wrong answer', harmful: 'Harmful', unreviewedState: 'Unreviewed',
      nextUnreviewed: 'Next unreviewed ›', yes: 'yes', no: 'no', noEntries: 'No entries match.',
      page: 'Page {page} of {pages} ({total} entries)', nothingLeft: 'Nothing left to review.', cited: 'cited',
      from: 'From', to: 'To', language: 'Language', text: 'Text', any: 'any', 's-unreviewed': 'unreviewed', 's-ok': 'ok',
      's-wrong-citation': 'wrong-citation', 's-wrong-answer': 'wrong-answer', 's-harmful': 'harmful' },
    ar: { title: 'مراجعة إسناد', answersToday: 'إجابات اليوم', unanswered: 'بلا إجابة', downRate: 'نسبة 👎',
      unreviewed: 'لم تُراجَع', labels: 'اللغة', signOut: 'خروج', filter: 'تصفية', clear: 'مسح', time: 'الوقت (UTC)',
      door: 'المدخل', lang: 'اللغة', question: 'السؤال', answerAndQuote: 'الإجابة وأول اقتباس', answered: 'أُجيب',
      feedback: 'التقييم', state: 'الحالة', newer: '‹ الأحدث', older: 'الأقدم ›', back: '‹ العودة إلى القائمة', entry: 'المدخل رقم',
      answer: 'الإجابة', quotes: 'الاقتباسات في مصادرها', candidates: 'ما كان يمكن لإسناد أن يستشهد به',
      candidatesHelp: 'المقاطع التي استُرجعت لهذا السؤال، الأفضل أولًا، كما حُفظت مع المدخل.',
      noCandidates: 'لم تُحفظ مقاطع مسترجعة مع هذا المدخل.', moderation: 'المراجعة', stateLabel: 'الحالة:',
      ok: 'سليم', wrongCitation: 'اقتباس خاطئ', wrongAnswer: 'إجابة خاطئة', harmful: 'ضار', unreviewedState: 'لم يُراجَع',
      nextUnreviewed: 'المدخل التالي للمراجعة ›', yes: 'نعم', no: 'لا', noEntries: 'لا مداخل مطابقة.',
      page: 'الصفحة {page} من {pages} ({total} مدخلًا)', nothingLeft: 'لم يبقَ ما يُراجَع.', cited: 'مُستشهَد به',
      from: 'من', to: 'إلى', language: 'اللغة', text: 'نص', any: 'الكل', 's-unreviewed': 'لم يُراجَع', 's-ok': 'سليم',
      's-wrong-citation': 'اقتباس خاطئ', 's-wrong-answer': 'إجابة خاطئة', 's-harmful': 'ضار' }
  };
  let ui = localStorage.getItem('isnad-review-labels') === 'ar' ? 'ar' : 'en';
  function t(key, values) {
    let text = (LABELS[ui] && LABELS[ui][key]) || LABELS.en[key] || key;
    for (const [k, v] of Object.entries(values || {})) text = text.replace('{' + k + '}', String(v));
    return text;
  }
  function applyLabels() {
    document.documentElement.lang = ui;
    document.documentElement.dir = ui === 'ar' ? 'rtl' : 'ltr';
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
    document.getElementById('ui-lang').value = ui;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === 'text') node.textContent = v;
      else if (k === 'className') node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function showMessage(text) {
    const m = document.getElementById('message');
    m.textContent = text || '';
    m.hidden = !text;
  }

  async function api(path, options) {
    const response = await fetch(API + path, Object.assign({
      credentials: 'same-origin',
      headers: { 'X-Isnad-Review': '1', 'Content-Type': 'application/json' }
    }, options || {}));
    if (response.status === 401) {
      location.href = '/review';
      throw new Error('signed out');
    }
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
    return body;
  }

  function percent(x) { return (Math.round(x * 1000) / 10) + '%'; }

  function showCounters(c) {
    document.getElementById('c-today').textContent = c.answersToday;
    document.getElementById('c-unanswered').textContent = percent(c.unansweredRate) + ' (' + c.unanswered + ')';
    document.getElementById('c-down').textContent = percent(c.downRate) + ' (' + c.down + ')';
    document.getElementById('c-unreviewed').textContent = c.unreviewed;
  }

  function snippet(text, max) {
    if (!text) return '';
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length <= max ? t : t.substring(0, max - 1) + '…';
  }

  function when(iso) { return iso ? iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '') : ''; }

  // ------------------------------------------------------------------ list

  function listParams() {
    const q = location.hash.indexOf('?');
    return new URLSearchParams(q >= 0 ? location.hash.substring(q + 1) : '');
  }

  function fillFilters(params) {
    for (const name of FILTERS) {
      document.getElementById('filter-' + name).value = params.get(name) || '';
    }
  }

  function goToList(params) {
    const s = params.toString();
    const hash = '#/' + (s ? '?' + s : '');
    if (location.hash === hash) route(); else location.hash = hash;
  }

  async function showList() {
    document.getElementById('detail-view').hidden = true;
    document.getElementById('list-view').hidden = false;
    sessionStorage.setItem('isnad-review-list', location.hash || '#/');
    const params = listParams();
    fillFilters(params);
    const body = await api('/entries?' + params.toString());
    showCounters(body.counters);
    const tbody = document.querySelector('#entries tbody');
    tbody.replaceChildren();
    for (const e of body.entries) {
      const row = el('tr', { className: 'entry', 'data-id': e.id },
        el('td', {}, el('a', { className: 'open', href: '#/entry/' + e.id, text: String(e.id) })),
        el('td', { text: when(e.at) }),
        el('td', { text: e.door + (e.kind === 'briefing' ? ' · briefing' : '') }),
        el('td', { text: e.language || '' }),
        el('td', { className: 'question', dir: 'auto', text: e.question }),
        el('td', { className: 'snippet' },
          el('div', { className: 'answer-snippet', dir: 'auto', text: snippet(e.directLine || e.answerStart, 120) }),
          e.firstQuote ? el('div', { className: 'quote-snippet', dir: 'auto', text: '«' + snippet(e.firstQuote, 120) + '»' }) : ''),
        el('td', { text: e.answered ? t('yes') : t('no') }),
        el('td', { className: 'feedback', text: e.feedback ? FEEDBACK[e.feedback] : '' }),
        el('td', { className: 'state state-' + e.state, text: t('s-' + e.state) }));
      row.addEventListener('click', (ev) => {
        if (ev.target.tagName !== 'A') location.hash = '#/entry/' + e.id;
      });
      tbody.append(row);
    }
    if (body.entries.length === 0) {
      tbody.append(el('tr', { className: 'empty' }, el('td', { colspan: '9', text: t('noEntries') })));
    }
    document.getElementById('page-info').textContent = t('page', { page: body.page, pages: body.pages, total: body.total });
    document.getElementById('prev').disabled = body.page <= 1;
    document.getElementById('next').disabled = body.page >= body.pages;
  }

  function changePage(delta) {
    const params = listParams();
    const page = Math.max(1, (parseInt(params.get('page') || '1', 10) || 1) + delta);
    params.set('page', String(page));
    goToList(params);
  }

  // ------------------------------------------------------------------ detail

  function citationItem(c) {
    const ctx = c.context || {};
    const source = el('div', { className: 'source', dir: 'auto' });
    if (ctx.before) source.append(document.createTextNode(ctx.before));
    source.append(el('mark', { className: 'quote', text: c.quote }));
    if (ctx.after) source.append(document.createTextNode(ctx.after));
    const item = el('li', { 'data-n': c.n },
      el('div', { className: 'cite-head' },
        el('strong', { dir: 'auto', text: '[' + c.n + '] ' + (c.title || c.docId) }),
        el('span', { className: 'meta', dir: 'auto',
          text: ' — ' + [c.outlet, c.date, c.speaker ? 'speaker: ' + c.speaker : null].filter(Boolean).join(' · ') })),
      source,
      el('div', { className: 'meta', text: 'document ' + c.docId + ', characters ' + c.start + '–' + c.end }));
    if (!ctx.sourceFound) {
      item.append(el('p', { className: 'warn', text: 'The source document is not in the archive; only the logged quote is shown.' }));
    } else if (!ctx.matches) {
      item.append(el('p', { className: 'warn', text: 'The source no longer holds this quote at these offsets.' }));
    }
    return item;
  }

  function showState(e) {
    const s = document.getElementById('entry-state');
    s.textContent = t('s-' + e.state);
    s.className = 'state-' + e.state;
    document.getElementById('d-reviewed').textContent =
      e.reviewedAt ? '— by ' + (e.moderator || '?') + ', ' + when(e.reviewedAt) : '';
    document.getElementById('d-note').value = e.note || '';
    document.getElementById('next-unreviewed').addEventListener('click', () => nextUnreviewed().catch((err) => showMessage(err.message)));
  for (const b of document.querySelectorAll('#state-buttons button')) {
      b.classList.toggle('current', b.dataset.state === e.state);
    }
  }

  async function showDetail(id) {
    document.getElementById('list-view').hidden = true;
    document.getElementById('detail-view').hidden = false;
    document.getElementById('back').setAttribute('href', lastListHash());
    const e = await api('/entries/' + encodeURIComponent(id));
    currentEntry = e;
    document.getElementById('d-id').textContent = e.id;
    document.getElementById('d-meta').textContent = [when(e.at) + ' UTC', e.door, e.kind, e.language, e.mode,
      e.latencyMs + ' ms', e.answered ? 'answered' : 'not answered',
      e.feedback ? 'feedback ' + FEEDBACK[e.feedback] + (e.feedbackReason ? ' (' + e.feedbackReason + ')' : '') : 'no feedback'].filter(Boolean).join(' · ');
    document.getElementById('d-question').textContent = e.question;
    document.getElementById('d-followup-message').textContent = e.followUpMessage || '';
    document.getElementById('d-followup').hidden = !e.followUpMessage;
    document.getElementById('d-direct').textContent = e.direct ? e.direct.text : '';
    document.getElementById('d-direct').hidden = !(e.direct && e.direct.text); // no empty box for an answer without a line
    document.getElementById('d-direct-parts').replaceChildren(...(e.direct ? e.direct.parts : [])
      .filter(p => p.source)
      .map(p => el('li', { dir: 'auto', text: p.part + ': ' + p.text + ' ← «' + p.source.text + '» [' + p.source.citation + '] '
        + p.source.start + '–' + p.source.end + ' (' + p.rendering + ')' })));
    document.getElementById('d-answer').textContent = e.answer || '';
    document.getElementById('d-citations').replaceChildren(...e.citations.map(citationItem));
    const conflicts = document.getElementById('d-conflicts');
    conflicts.replaceChildren();
    if (e.conflicts && e.conflicts.length) {
      conflicts.append(el('h3', { text: 'Conflicts' }));
      for (const c of e.conflicts) {
        conflicts.append(el('p', { dir: 'auto', text: c.about + ' [' + c.citations.join(', ') + ']: ' + (c.note || '') }));
      }
    }
    const candidates = document.getElementById('d-candidates');
    candidates.replaceChildren(...(e.candidates || []).map((c, i) => el('li', { dir: 'auto',
      text: c.docId + ' · characters ' + c.start + '–' + c.end + ' · score ' + (Math.round(c.score * 100) / 100)
        + (e.citations.some(q => q.docId === c.docId) ? ' · ' + t('cited') : '') })));
    document.getElementById('d-candidates-none').hidden = (e.candidates || []).length > 0;
    showState(e);
  }

  /** The newest unreviewed entry other than the one shown, or a message when none is left. */
  async function nextUnreviewed() {
    const body = await api('/entries?state=unreviewed&size=2&counters=false');
    const next = body.entries.find(x => !currentEntry || x.id !== currentEntry.id);
    if (next) location.hash = '#/entry/' + next.id;
    else showMessage(t('nothingLeft'));
  }

  async function setState(state) {
    if (!currentEntry) return;
    const note = document.getElementById('d-note').value;
    const e = await api('/entries/' + currentEntry.id + '/state', {
      method: 'POST', body: JSON.stringify({ state: state, note: note })
    });
    currentEntry = Object.assign(currentEntry, e);
    showState(e);
    showMessage('');
    showCounters(await api('/counters')); // the verdict changes what is left to review
  }

  // ------------------------------------------------------------------ wiring

  async function route() {
    try {
      showMessage('');
      const m = location.hash.match(/^#\/entry\/(\d+)$/);
      if (m) await showDetail(m[1]); else await showList();
    } catch (err) {
      if (err.message !== 'signed out') showMessage(err.message);
    }
  }

  document.getElementById('filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const v = document.getElementById('filter-' + name).value.trim();
      if (v) params.set(name, v);
    }
    goToList(params);
  });
  document.getElementById('filters').addEventListener('reset', () => setTimeout(() => goToList(new URLSearchParams()), 0));
  document.getElementById('prev').addEventListener('click', () => changePage(-1));
  document.getElementById('next').addEventListener('click', () => changePage(1));
  document.getElementById('next-unreviewed').addEventListener('click', () => nextUnreviewed().catch((err) => showMessage(err.message)));
  for (const b of document.querySelectorAll('#state-buttons button')) {
    b.addEventListener('click', () => setState(b.dataset.state).catch((err) => showMessage(err.message)));
  }
  document.getElementById('ui-lang').addEventListener('change', (ev) => {
    ui = ev.target.value === 'ar' ? 'ar' : 'en';
    localStorage.setItem('isnad-review-labels', ui);
    applyLabels();
    route();
  });
  applyLabels();
  window.addEventListener('hashchange', route);
  route();
})();
