// The cohort page (cohort.html, docs/cohort.md): association staff pick or drop many members'
// results and see their figures. The core counts and withholds, in the page's own worker
// (crates/cohort-worker): this script only reads the files (a JSON Lines file as a stream, line by
// line, with the core's limits, which the worker gives it), hands their texts over in batches
// bounded in count and bytes (so the page never freezes and memory stays bounded at any scale),
// shows progress, and renders what the worker returns. Every text goes in as text (textContent);
// nothing is built as markup from data. Its words are cohort-words.js, generated from the Rust
// table crates/cohort-worker/src/page_words.rs (declared as the app's, the core's and the CLI's are).

import { WORDS } from './cohort-words.js';

const WORKER = 'cohort_worker_loader.js';
/** Results read and handed to the worker at a time, and the most bytes of text in one batch. */
const CHUNK = 250;
const CHUNK_BYTES = 8 << 20;
const JSON_LINES = /\.(jsonl|ndjson)$/i;

/** `1 file`, `2 files`: English only (Chinese has no plural). */
const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * A template of the page's words with its `{name}`s filled in from `values`; `{n:noun}` is n and
 * the noun, plural unless n is 1. Filled in as text: the result is only ever set as textContent.
 */
const fill = (template, values) => template.replace(/\{(\w+)(?::(\w+))?\}/g, (_, name, noun) => (noun ? plural(values[name], noun) : String(values[name])));

const $ = (id) => document.getElementById(id);

function element(name, text, attributes = {}) {
  const node = document.createElement(name);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

/**
 * The language chosen on an earlier visit, kept under the app's own key (src/storage.rs), so that
 * the app and this page start in the language the person last chose on this site. Storage may be
 * missing or blocked (private modes, policies): then nothing was kept, and the page starts as
 * below.
 */
const LANG_KEY = 'exporter-assessment/lang';

function savedLang() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    return saved in WORDS ? saved : null;
  } catch {
    return null;
  }
}

/** Keeps the person's choice; false when the browser does not let the page keep it (blocked or full). */
function saveLang(lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
    return localStorage.getItem(LANG_KEY) === lang;
  } catch {
    return false;
  }
}

/** `?lang=` (a link that names it), else the language chosen before, else the browser's. */
function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  const saved = asked ? null : savedLang();
  if (saved) return saved;
  const tags = asked ? [asked] : (navigator.languages || [navigator.language]);
  const primary = tags.map((t) => String(t).split(/[-_]/)[0].toLowerCase()).find((p) => p === 'zh' || p === 'en');
  return primary === 'en' ? 'en' : 'zh-CN';
}

const state = {
  lang: initialLang(),
  /** The result files last chosen: counted again when the association's config changes. */
  files: [],
  /**
   * The association's config chosen, if any: `{ name, text, tooLarge, problems, described }` (`problems`:
   * the core's, `{ count, lines: { lang: [text] } }`, a count of 0 when it can be used; `text`
   * null when the file could not be read).
   */
  config: null,
  /**
   * `{ cohort, csv, reasons, more, before }` of the last finished count (`more`: how many files
   * more were not counted than `cohort.refused` lists, in the core's words, `{ lang: text }`);
   * `before`: the results the count before it counted, if any.
   */
  result: null,
  /** The results the last finished count counted, kept while the next one runs. */
  lastCounted: null,
  labels: null,
  busy: false,
  /** The core's limits, as the worker gives them: `{ maxResultBytes, maxConfigBytes }`. */
  limits: null,
};

const words = () => WORDS[state.lang];

// ---- The worker: one, started on the first count; one message at a time. ----

let connection = null;

function connect() {
  if (connection) return connection;
  connection = new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(WORKER);
    } catch (error) {
      reject(error);
      return;
    }
    worker.addEventListener('error', reject, { once: true });
    worker.addEventListener('message', (event) => {
      if (event.data?.kind !== 'ready') return;
      state.limits = { maxResultBytes: event.data.maxResultBytes, maxConfigBytes: event.data.maxConfigBytes };
      resolve(worker);
    }, { once: true });
  });
  connection.catch(() => { connection = null; });
  return connection;
}

async function ask(message) {
  const worker = await connect();
  return new Promise((resolve, reject) => {
    worker.addEventListener('message', (event) => {
      if (event.data?.kind === 'error') reject(new Error(event.data.error));
      else resolve(event.data);
    }, { once: true });
    worker.postMessage(message);
  });
}

// ---- Reading the files. ----

const decoder = () => new TextDecoder('utf-8', { fatal: true });

/**
 * The text of `bytes` (parts of one file or line), or why it cannot be counted: `[text, null]`
 * or `[null, why]`.
 */
function decoded(parts, size) {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  try {
    return [decoder().decode(bytes), null];
  } catch {
    return [null, 'not_utf8'];
  }
}

/**
 * The lines of a JSON Lines file as `[name, text, null]` or `[name, null, why]`, named FILE:LINE
 * as `assess cohort --jsonl` names them, blank lines skipped. The file is read as a stream, as the
 * command line reads it: memory holds one chunk of the file and one line of at most `max` bytes
 * (the core's limit, `limits.rs`), whatever the file's size; a longer line is skipped to its end
 * unkept and refused by name (`too_large`), and one not UTF-8 is refused alone.
 */
async function* jsonLines(file, max) {
  const reader = file.stream().getReader();
  let parts = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  const line = () => {
    number += 1;
    const name = `${file.name}:${number}`;
    const [text, why] = tooLong ? [null, 'too_large'] : decoded(parts, size);
    parts = [];
    size = 0;
    tooLong = false;
    // Blank as the command line has it: ASCII white space only.
    return text !== null && /^[ \t\n\f\r]*$/.test(text) ? null : [name, text, why];
  };
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch {
      // The file went away or could not be read on: named as the line it stopped in.
      yield [`${file.name}:${number + 1}`, null, 'unreadable'];
      return;
    }
    const { done, value } = chunk;
    if (done) break;
    for (let at = 0; at < value.length;) {
      const newline = value.indexOf(10, at);
      const end = newline === -1 ? value.length : newline;
      if (!tooLong && size + (end - at) > max) {
        tooLong = true;
        parts = [];
        size = 0;
      }
      if (!tooLong && end > at) {
        // A copy, so that a short line does not keep the whole chunk it came in.
        parts.push(value.slice(at, end));
        size += end - at;
      }
      if (newline === -1) break;
      const entry = line();
      if (entry) yield entry;
      at = newline + 1;
    }
  }
  // The last line, when the file does not end with a newline.
  if (size > 0 || tooLong) {
    const entry = line();
    if (entry) yield entry;
  }
}

/** A result file (not JSON Lines) as `[name, text, null]` or `[name, null, why]`. */
async function whole(file) {
  if (file.size > state.limits.maxResultBytes) return [file.name, null, 'too_large'];
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return [file.name, null, 'unreadable'];
  }
  const [text, why] = decoded([bytes], bytes.length);
  return [file.name, text, why];
}

function showProgress(done, total, counted, refused) {
  $('status').textContent = fill(words().reading, { done, total, counted, refused });
  const progress = $('progress');
  progress.hidden = false;
  progress.max = Math.max(total, 1);
  progress.value = done;
}

/** Whether the config chosen, if any, can be used: the figures wait until it can. */
const configUsable = () => !state.config || (state.config.text !== null && state.config.problems.count === 0);

async function count(files) {
  if (state.busy || files.length === 0) return;
  state.files = files;
  state.result = null;
  $('results').hidden = true;
  $('refused-section').hidden = true;
  if (!configUsable()) {
    $('status').textContent = '';
    return;
  }
  state.busy = true;
  $('files').disabled = true;
  $('config').disabled = true;
  $('status').textContent = words().loading;
  try {
    const started = await ask(state.config ? { kind: 'start', config: state.config.text } : { kind: 'start' });
    state.labels = JSON.parse(started.labels);
    const max = state.limits.maxResultBytes;
    let [counted, refused, filesDone] = [0, 0, 0];
    // Entries go to the worker in batches bounded in number and in bytes, so that what the page
    // holds at once is bounded whatever the files.
    let batch = [];
    let bytes = 0;
    const send = async () => {
      if (batch.length > 0) ({ counted, refused } = await ask({ kind: 'add', entries: batch }));
      batch = [];
      bytes = 0;
      showProgress(filesDone, files.length, counted, refused);
    };
    const add = async (entry, length) => {
      batch.push(entry);
      bytes += length;
      if (batch.length >= CHUNK || bytes >= CHUNK_BYTES) await send();
    };
    // Result files are read a group at a time, together; a JSON Lines file line by line.
    let group = [];
    let groupBytes = 0;
    const flush = async () => {
      const entries = await Promise.all(group.map(whole));
      for (const [i, entry] of entries.entries()) await add(entry, Math.min(group[i].size, max));
      filesDone += group.length;
      group = [];
      groupBytes = 0;
    };
    showProgress(0, files.length, 0, 0);
    for (const file of files) {
      if (JSON_LINES.test(file.name)) {
        await flush();
        for await (const entry of jsonLines(file, max)) await add(entry, entry[1]?.length ?? 0);
        filesDone += 1;
        continue;
      }
      if (group.length >= CHUNK || groupBytes + Math.min(file.size, max) > CHUNK_BYTES) await flush();
      group.push(file);
      groupBytes += Math.min(file.size, max);
    }
    await flush();
    await send();
    const done = await ask({ kind: 'finish' });
    const cohort = JSON.parse(done.cohort);
    state.result = {
      cohort, csv: done.csv, reasons: JSON.parse(done.reasons), more: JSON.parse(done.more), before: state.lastCounted,
    };
    state.lastCounted = cohort.counted;
    render();
    $('status').textContent = fill(words().finished, { counted, refused });
  } catch {
    $('status').textContent = words().failed;
  } finally {
    state.busy = false;
    $('files').disabled = false;
    $('config').disabled = false;
    $('progress').hidden = true;
  }
}

// ---- The association's config. ----

/** Reads the config picked and has the core check it; the figures are counted again with it. */
async function chooseConfig(file) {
  if (state.busy || !file) return;
  let text = null;
  try {
    await connect();
  } catch {
    $('status').textContent = words().failed;
    return;
  }
  if (file.size <= state.limits.maxConfigBytes) {
    try {
      text = decoder().decode(await file.arrayBuffer());
    } catch {
      text = null;
    }
  }
  const tooLarge = file.size > state.limits.maxConfigBytes;
  state.config = { name: file.name, text, tooLarge, problems: { count: 0, lines: {} }, described: {} };
  if (text !== null) {
    // One message at a time to the worker: no count starts while the config is checked.
    state.busy = true;
    $('files').disabled = true;
    try {
      const checked = await ask({ kind: 'check', config: text });
      state.config.problems = JSON.parse(checked.problems);
      state.config.described = JSON.parse(checked.described);
    } catch {
      state.config = null;
      $('status').textContent = words().failed;
    } finally {
      state.busy = false;
      $('files').disabled = false;
    }
  }
  showConfig();
  await count(state.files);
}

function removeConfig() {
  if (state.busy) return;
  state.config = null;
  $('config').value = '';
  showConfig();
  count(state.files);
}

/** The config's state in the page's language: used (with what it changes), or why not. */
function showConfig() {
  const w = words();
  const c = state.config;
  const list = $('config-problems');
  $('config-remove').hidden = !c;
  if (!c) {
    $('config-status').textContent = '';
    list.replaceChildren();
    list.hidden = true;
    return;
  }
  if (c.tooLarge) {
    $('config-status').textContent = fill(w.configTooLarge, { name: c.name, kb: state.limits.maxConfigBytes / 1024 });
  } else if (c.text === null) {
    $('config-status').textContent = fill(w.configUnreadable, { name: c.name });
  } else if (c.problems.count) {
    $('config-status').textContent = fill(w.configRefused, { name: c.name, n: c.problems.count });
  } else {
    $('config-status').textContent = fill(w.configUsed, { name: c.name, described: c.described[state.lang] ?? '' });
  }
  // The core's words for the problems in the page's language (in English, as `assess validate
  // --config` lists them), the first of them and how many more.
  const lines = c.problems.lines[state.lang] ?? c.problems.lines.en ?? [];
  list.replaceChildren(...lines.map((line) => element('li', line)));
  list.hidden = c.problems.count === 0;
}

// ---- Rendering the core's figures. ----

/** A `Shown` value as text: the figure, or why it is withheld. */
function hidden(why) {
  if (why.withheld !== undefined) return fill(words().withheld, { n: why.withheld });
  return fill(words().fewerThan, { n: why.fewer_than });
}

function groupKey(key) {
  if (key === 'all') return '(all)';
  if (key === 'not_given') return '(not given)';
  return key.code;
}

function groupName(grouping, key) {
  if (key === 'all') return words().all;
  if (key === 'not_given') return words().notGiven;
  return labels().groupings?.[grouping]?.[key.code] ?? key.code;
}

function labels() {
  return state.labels?.[state.lang] ?? {};
}

const dimension = (id) => labels().dimensions?.[id] ?? id;

/**
 * A table of one figure: caption, rows of [label, value, n, row key]. The row key is the CSV's
 * (grouping, group, figure, subject, key), kept on the row for the page's tests.
 */
function table(caption, rows, { bars = false } = {}) {
  const t = element('table', null, { class: 'figure' });
  t.append(element('caption', caption));
  const head = element('tr');
  for (const h of [words().label, words().value, words().n]) head.append(element('th', h, { scope: 'col' }));
  t.append(element('thead'));
  t.tHead.append(head);
  const body = element('tbody');
  const max = Math.max(1, ...rows.map((r) => (typeof r.value === 'number' ? r.value : 0)));
  for (const row of rows) {
    const tr = element('tr', null, { 'data-row': JSON.stringify(row.key) });
    tr.append(element('th', row.label, { scope: 'row' }));
    const value = element('td', null, { class: 'value' });
    value.append(element('span', row.text ?? row.value));
    if (bars && typeof row.value === 'number') {
      // A bar for the eye; the number beside it is what is read.
      value.append(element('meter', null, { min: '0', max: String(max), value: String(row.value), 'aria-hidden': 'true' }));
    }
    tr.append(value, element('td', row.n ?? '', { class: 'n' }));
    body.append(tr);
  }
  t.append(body);
  return t;
}

function groupSection(grouping, group, level) {
  const section = element('section', null, { class: 'group' });
  const key = (figure, subject = '', k = '') => [grouping, groupKey(group.key), figure, subject, k];
  section.append(element(level, groupName(grouping, group.key)));
  const w = words();
  const rows = [];
  if (group.members.shown !== undefined) {
    const n = group.members.shown;
    rows.push({ label: w.members, value: n, n: String(n), key: key('members') });
  } else {
    rows.push({ label: w.members, text: hidden(group.members.hidden), n: '', key: key('members') });
  }
  if (group.figures.hidden !== undefined) {
    rows.push({ label: w.figuresHidden, text: hidden(group.figures.hidden), n: '', key: key('figures') });
    section.append(table(w.members, rows));
    return section;
  }
  const f = group.figures.shown;
  const n = String(f.n);
  rows.push({ label: w.complete, value: f.complete, n, key: key('complete') });
  section.append(table(w.members, rows));

  const scores = [['overall', w.overall, f.overall], ...f.dimensions.map((d) => [d.id, dimension(d.id), d.distribution])];
  for (const [subject, name, d] of scores) {
    const dn = String(d.n);
    const r = d.bins.map((c, i) => ({ label: `${i * 10}–${i * 10 + 10}`, value: c, n: dn, key: key('score_bin', subject, `${i * 10}-${i * 10 + 10}`) }));
    r.push({ label: w.noScore, value: d.unscored, n, key: key('score_unscored', subject) });
    if (d.quartiles.shown) {
      for (const q of ['p25', 'median', 'p75']) {
        r.push({ label: w.quartiles[q], value: d.quartiles.shown[q], n: dn, key: key('score_quartile', subject, q) });
      }
    } else {
      r.push({ label: w.quartiles.all, text: hidden(d.quartiles.hidden), n: dn, key: key('score_quartile', subject) });
    }
    section.append(table(fill(w.distribution, { name }), r, { bars: true }));
  }

  section.append(table(w.stages, f.stages.counts.map((c) => ({
    label: c.key === null ? w.noStage : (labels().stages?.[c.key] ?? c.key),
    value: c.count, n, key: key('stage', '', c.key ?? '(none)'),
  })), { bars: true }));

  if (f.critical_gaps.gaps.length) {
    section.append(table(w.gaps, f.critical_gaps.gaps.flatMap((g) => [
      { label: fill(w.gapCount, { item: g.item, dim: dimension(g.dimension) }), value: g.count, n, key: key('critical_gap', g.item, 'count') },
      { label: fill(w.gapPercent, { item: g.item, dim: dimension(g.dimension) }), value: g.percent, text: `${g.percent}%`, n, key: key('critical_gap', g.item, 'percent') },
    ])));
  }

  const bottleneckCount = (id) => f.bottlenecks.counts.find((c) => c.key === id)?.count ?? 0;
  section.append(table(w.bottlenecks, [
    ...f.bottlenecks.counts.map((c) => ({
      label: c.key === null ? w.none : dimension(c.key), value: c.count, n, key: key('bottleneck', '', c.key ?? '(none)'),
    })),
    ...f.most_common_bottleneck.map((id) => ({
      label: `${w.mostCommon}: ${dimension(id)}`, value: bottleneckCount(id), n, key: key('most_common_bottleneck', '', id),
    })),
  ], { bars: true }));

  section.append(table(w.recommendations, f.top_recommendations.counts.map((c) => ({
    label: `${c.key.item} — ${labels().countermeasures?.[c.key.countermeasure] ?? c.key.countermeasure}`,
    value: c.count, n, key: key('top_recommendation', c.key.item, c.key.countermeasure),
  })), { bars: true }));

  section.append(table(w.paths, f.export_paths.counts.map((c) => {
    const [label, k] = c.key === 'pending' ? [w.pending, '(pending)']
      : c.key === 'uncovered' ? [w.uncovered, '(uncovered)']
        : [labels().outcomes?.[c.key.outcome] ?? c.key.outcome, c.key.outcome];
    return { label, value: c.count, n, key: key('export_path', '', k) };
  }), { bars: true }));
  return section;
}

/** The page's short words for a kind of refusal (with the core's limit where it has one). */
function short(kind) {
  return fill(words().reasons[kind] ?? '', { kb: state.limits.maxResultBytes / 1024 });
}

function render() {
  const { cohort, reasons } = state.result;
  const w = words();
  const list = $('refused');
  list.replaceChildren(...cohort.refused.map((r, i) => {
    const item = element('li');
    // The page's short words for the kind, then the core's own message in the page's language.
    const { kind, messages } = reasons[i];
    item.append(
      element('strong', r.name, { class: 'file' }),
      element('span', `: ${short(kind)}`),
      element('span', messages[state.lang] ?? r.reason, { class: 'reason' }),
    );
    return item;
  }));
  // The core lists the first files not counted; how many more, in its words, after them.
  const more = state.result.more[state.lang] ?? state.result.more.en ?? '';
  $('refused-more').textContent = more;
  $('refused-more').hidden = more === '';
  $('refused-section').hidden = cohort.refused_total === 0;
  $('summary').textContent = fill(w.summary, { id: cohort.questionnaire.id, version: cohort.questionnaire.version, counted: cohort.counted });
  // Two sets' figures differ by the results one lacks: no threshold protects those.
  const { before } = state.result;
  const smaller = before !== null && cohort.counted < before;
  $('smaller-set').textContent = smaller ? fill(w.smallerSet, { counted: cohort.counted, before }) : '';
  $('smaller-set').hidden = !smaller;
  const figures = [groupSection('all', cohort.all, 'h3')];
  for (const t of cohort.groupings) {
    const part = element('section', null, { class: 'grouping' });
    part.append(element('h3', w.by[t.grouping] ?? t.grouping));
    for (const g of t.groups) part.append(groupSection(t.grouping, g, 'h4'));
    figures.push(part);
  }
  $('figures').replaceChildren(...figures);
  $('results').hidden = false;
}

// ---- The page's language. ----

function speak(lang) {
  state.lang = lang;
  const w = words();
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-text]')) {
    const text = w[node.dataset.text];
    if (typeof text === 'string') node.textContent = text;
  }
  for (const node of document.querySelectorAll('[data-label]')) node.setAttribute('aria-label', w[node.dataset.label]);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  if (state.result) render();
  showConfig();
  if (!state.busy && state.result) {
    const c = state.result.cohort;
    $('status').textContent = fill(w.finished, { counted: c.counted, refused: c.refused_total });
  }
}

// ---- Wiring. ----

function download() {
  const blob = new Blob([state.result.csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = element('a', null, { href: url, download: 'cohort-figures.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

$('files').addEventListener('change', (event) => count([...event.target.files]));
for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => {
    speak(button.dataset.lang);
    // The choice is kept for the next visit where the browser allows; where it does not, the page
    // says so once, and speaks the language chosen until it is closed.
    $('lang-note').hidden = saveLang(button.dataset.lang);
  });
}
$('config').addEventListener('change', (event) => chooseConfig(event.target.files?.[0]));
$('config-remove').addEventListener('click', removeConfig);
$('csv').addEventListener('click', download);
$('print').addEventListener('click', () => window.print());
// Files dropped anywhere on the page are counted; the browser would otherwise open them.
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  $('drop').classList.add('over');
});
document.addEventListener('dragleave', () => $('drop').classList.remove('over'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  $('drop').classList.remove('over');
  count([...(event.dataTransfer?.files ?? [])]);
});
speak(state.lang);
// Offline like the app: the same service worker precaches every file of the build, this page too.
if (location.protocol !== 'file:') navigator.serviceWorker?.register('sw.js').catch(() => {});
