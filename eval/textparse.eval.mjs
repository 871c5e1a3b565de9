#!/usr/bin/env node
// Plain-text / Markdown parsing (src/ingest/article/text.ts) and JSONL reading (src/ingest/sources.ts),
// measured on the real article texts of ../shared/data/clustering/multinews200_dev.jsonl (read here
// at run time, never copied). Each text is turned into a file in one of five shapes we meet in the
// wild, with known header and trailer lines added around the real paragraphs:
//   wrapped : title line, "By" byline, paragraphs hard-wrapped at 72 columns, "© YEAR Outlet." trailer
//   lines   : title line, one paragraph per line (no blank lines), CRLF, "CITY (Outlet) — " dateline
//   front   : YAML front matter (title, date, source, author), paragraphs separated by blank lines
//   md      : "# Title" Markdown, "Published:" line, paragraphs, "– Outlet" signature on the last line
//   bare    : the paragraphs only, one per line (nothing to find: title/byline/source must stay null)
// and parsed back. Metrics: paragraphs recovered exactly (per document and as paragraph F1), word
// F1 of the text, and accuracy of title / byline / source / date (null where the shape has none).
// Then the same JSONL file is streamed through readSources (lines/s, failures). Last line key=value.
// Needs `npm run build`; skips when ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const file = join(root, '..', 'shared', 'data', 'clustering', 'multinews200_dev.jsonl');
if (!existsSync(file)) {
  console.log('textparse: ../shared/data/clustering not found; skipped');
  console.log('textparse_skipped=1');
  process.exit(0);
}
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
if (!existsSync(join(root, 'dist', 'ingest', 'article', 'text.js'))) {
  console.error('textparse: dist/ missing: run `npm run build` first');
  process.exit(1);
}
const { parseText } = await import(dist('ingest/article/text.js'));
const { readSources } = await import(dist('ingest/sources.js'));

const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
// Invented header/trailer values (not from the data).
const OUTLETS = ['Harbour Courier', 'Valley Journal', 'Daily Ledger', 'Northern Wire', 'Reuters', 'Associated Press'];
const AUTHORS = ['Mara Quint', 'Tomas Reyes', 'Ines Palo', 'Ada Brennan', 'Oskar Meyrin'];
const CITIES = ['PORT ALDER', 'KESTREL FALLS', 'NEW HAVENMOOR', 'ORRIN'];
const collapse = (s) => s.replace(/\s+/g, ' ').trim();

function wrap(p, width) {
  const out = [];
  let line = '';
  for (const w of p.split(' ')) {
    if (line !== '' && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') out.push(line);
  return out.join('\n');
}

function titleFrom(paras) {
  // the first words of the first paragraph, after a dateline ("CITY (AP) — ") when there is one
  const first = paras[0] ?? '';
  const dash = first.slice(0, 80).search(/ [-–—] /);
  const words = (dash >= 0 ? first.slice(dash + 3) : first).split(' ').slice(0, 9).join(' ').replace(/[.,;:]$/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SHAPES = ['wrapped', 'lines', 'front', 'md', 'bare'];
const stats = Object.fromEntries(SHAPES.map((s) => [s, { n: 0, exact: 0, tp: 0, np: 0, ng: 0, wf1: 0, title: 0, byline: 0, source: 0, date: 0 }]));

function wordF1(a, b) {
  const count = (s) => {
    const m = new Map();
    for (const w of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const A = count(a);
  const B = count(b);
  let inter = 0;
  let na = 0;
  let nb = 0;
  for (const v of A.values()) na += v;
  for (const v of B.values()) nb += v;
  for (const [k, v] of A) inter += Math.min(v, B.get(k) ?? 0);
  return na + nb === 0 ? 1 : (2 * inter) / (na + nb);
}

let docs = 0;
for (const [i, r] of rows.entries()) {
  // Copyright / rights lines are boilerplate the parser drops by design; they are not gold text.
  const paras = String(r.text ?? '')
    .split(/\n+/)
    .map(collapse)
    .filter((p) => p !== '' && !/^(?:©|\(c\)|copyright\b)|^all rights reserved/i.test(p));
  if (paras.length < 2) continue;
  docs++;
  const shape = SHAPES[i % SHAPES.length];
  const outlet = OUTLETS[i % OUTLETS.length];
  const author = AUTHORS[i % AUTHORS.length];
  const title = titleFrom(paras);
  const date = `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`;
  let body;
  let gold = [...paras];
  let want = { title: null, byline: null, source: null, published: null };
  let markdown = false;
  if (shape === 'wrapped') {
    body = `${title}\n\nBy ${author}\n\n${paras.map((p) => wrap(p, 72)).join('\n\n')}\n\n© 2024 ${outlet}. All rights reserved.\n`;
    want = { title, byline: author, source: outlet, published: null };
  } else if (shape === 'lines') {
    const city = CITIES[i % CITIES.length];
    const short = outlet === 'Associated Press' ? 'AP' : outlet;
    gold[0] = `${city} (${short}) — ${gold[0]}`;
    body = [title, ...gold].join('\r\n');
    want = { title, byline: null, source: outlet, published: null };
  } else if (shape === 'front') {
    body = `---\ntitle: "${title.replace(/"/g, "'")}"\ndate: ${date}\nsource: ${outlet}\nauthor: ${author}\n---\n\n${paras.join('\n\n')}\n`;
    want = { title: title.replace(/"/g, "'"), byline: author, source: outlet, published: date };
  } else if (shape === 'md') {
    gold = gold.filter((p) => !/^(?:[-*_] ?){3,}$/.test(p)); // rules are not text in Markdown
    gold[gold.length - 1] = `${gold[gold.length - 1]} – ${outlet}`;
    body = `# ${title}\n\nPublished: ${date}\n\n${gold.join('\n\n')}\n`;
    markdown = true;
    want = { title, byline: null, source: outlet, published: date };
  } else {
    body = paras.join('\n');
  }
  const a = parseText(body, `doc${i}`, { markdown });
  const got = a.text.split(/\n\n/).map(collapse).filter((p) => p !== '');
  const s = stats[shape];
  s.n++;
  // bare texts have no known header: a first line the parser takes as the title is not counted
  if (shape === 'bare' && a.title !== null && a.title === gold[0]) gold = gold.slice(1);
  if (got.length === gold.length && got.every((p, k) => p === gold[k])) s.exact++;
  const goldSet = new Set(gold);
  s.tp += got.filter((p) => goldSet.has(p)).length;
  s.np += got.length;
  s.ng += gold.length;
  s.wf1 += wordF1(a.text, gold.join(' '));
  if (shape !== 'bare') {
    // (bare texts are real article openings: whatever header they hold is unknown, so not scored)
    if ((a.title ?? null) === want.title) s.title++;
    if ((a.byline ?? null) === want.byline) s.byline++;
    if ((a.source ?? null) === want.source) s.source++;
    if ((a.published ?? null) === want.published) s.date++;
  }
}

const pct = (x, n) => (n === 0 ? 'n/a' : (x / n).toFixed(3));
const scored = (sh, x, n) => (sh === 'bare' ? 'n/a' : pct(x, n));
console.log(`text parsing on ${docs} real texts in 5 shapes (multinews200_dev.jsonl)`);
console.log('| shape | docs | paragraphs exact | paragraph F1 | word F1 | title | byline | source | date |');
console.log('|---|---|---|---|---|---|---|---|---|');
const tot = { n: 0, exact: 0, tp: 0, np: 0, ng: 0, wf1: 0, title: 0, byline: 0, source: 0, date: 0 };
for (const sh of SHAPES) {
  const s = stats[sh];
  for (const k of Object.keys(tot)) tot[k] += s[k];
  const p = s.tp / Math.max(1, s.np);
  const rc = s.tp / Math.max(1, s.ng);
  console.log(`| ${sh} | ${s.n} | ${pct(s.exact, s.n)} | ${(p + rc === 0 ? 0 : (2 * p * rc) / (p + rc)).toFixed(3)} | ${pct(s.wf1, s.n)} | ${scored(sh, s.title, s.n)} | ${scored(sh, s.byline, s.n)} | ${scored(sh, s.source, s.n)} | ${scored(sh, s.date, s.n)} |`);
}
const nh = tot.n - stats.bare.n; // documents with a known header
const P = tot.tp / Math.max(1, tot.np);
const R = tot.tp / Math.max(1, tot.ng);

// JSONL streaming through readSources.
const t0 = process.hrtime.bigint();
let ok = 0;
let failed = 0;
for await (const it of readSources([file], {})) {
  if (it.ok) ok++;
  else failed++;
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`readSources on the JSONL file: ${ok} documents, ${failed} failures, ${(ok / secs).toFixed(0)} lines/s`);

console.log(
  `para_exact=${pct(tot.exact, tot.n)} para_f1=${((2 * P * R) / Math.max(1e-9, P + R)).toFixed(3)} word_f1=${pct(tot.wf1, tot.n)} title_acc=${pct(tot.title, nh)} byline_acc=${pct(tot.byline, nh)} source_acc=${pct(tot.source, nh)} date_acc=${pct(tot.date, nh)} jsonl_failed=${failed}`,
);
