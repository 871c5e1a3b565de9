#!/usr/bin/env node
// Plain-text ingest into the SQLite store (parse + fingerprint + near-duplicate lookup + one
// transaction per article), single process, on generated news-length texts: into an empty store,
// and into a store already holding 100,000 articles (near-duplicate index built from the store at
// start, timed separately). Extraction (analyzeNew) is timed on its own because it belongs to the
// extract area's speed. Prints a Markdown section. Needs `npm run build`.
// Usage: node bench/ingest.bench.mjs [--stored N] [--batch N]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './rng.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { openSqliteStore } = await imp('store/sqlite/index.js');
const { ingestItems, buildNearDupIndex } = await imp('ingest/service.js');
const { parseText } = await imp('ingest/article/text.js');
const { analyzeText, encodeFingerprint } = await imp('ingest/fingerprint.js');
const { analyzeNew } = await imp('core/analyze.js');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const STORED = arg('stored', 100_000);
const BATCH = arg('batch', 5_000);

// Generated texts: words from a made-up vocabulary, ~450 words in 6 paragraphs,
// a title line and a dateline, so hashing, shingling and FTS work on realistic lengths.
let rnd = mulberry32(7);
const SYL = ['ka', 'lo', 'mi', 'ren', 'to', 'sa', 'vel', 'dor', 'an', 'is', 'ur', 'pe', 'qua', 'ni', 'bro', 'tel'];
const VOCAB = Array.from({ length: 100_000 }, (_, i) => {
  let w = '';
  let x = i + 1;
  while (x > 0) {
    w += SYL[x % SYL.length];
    x = Math.floor(x / SYL.length);
  }
  return w;
});
// Half the words from a log-uniform head of 300 (function words), half uniform over the vocabulary:
// unrelated texts then share about as few 5-word shingles as unrelated news reports do.
const zipf = () =>
  rnd() < 0.5 ? VOCAB[Math.floor(Math.exp(rnd() * Math.log(300))) - 1] : VOCAB[Math.floor(rnd() * VOCAB.length)];
function article(n) {
  rnd = mulberry32(n + 1); // the same n gives the same text (re-ingest runs)
  const paras = [];
  for (let p = 0; p < 6; p++) {
    const words = [];
    for (let i = 0; i < 75; i++) words.push(zipf());
    paras.push(words.join(' ') + '.');
  }
  return `Report ${n}: ${zipf()} ${zipf()} ${zipf()}\n\nPORT ${zipf().toUpperCase()} (Wire) — ${paras.join('\n\n')}`;
}

const parse = (d) => parseText(d.body, d.input, { markdown: false, ...(d.meta ? { meta: d.meta } : {}) });
/** Texts are generated before the clock starts (docs), so generation is not measured; items() streams them. */
function docs(from, n) {
  const out = [];
  for (let i = from; i < from + n; i++) out.push({ ok: true, doc: { input: `gen/${i}.txt`, kind: 'text', body: article(i) } });
  return out;
}
async function* items(list) {
  yield* list;
}
const clock = () => '2026-05-01T00:00:00.000Z';

const dir = mkdtempSync(join(tmpdir(), 'tri-bench-'));
const rows = [];
const cpuSecs = (c0) => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
try {
  // 1. empty store
  let store = await openSqliteStore(join(dir, 'empty.db'));
  const batch = docs(0, BATCH);
  let t0 = performance.now();
let c0 = process.cpuUsage();
  let s = await ingestItems(items(batch), { store, parseDocument: parse, now: clock, analyze: false });
  let secs = (performance.now() - t0) / 1000;
  let cpu = cpuSecs(c0);
  rows.push([`${BATCH.toLocaleString('en')} texts into an empty store`, s.new, secs, cpu]);
  // extraction of a sample, for scale
  const sample = Math.min(500, BATCH);
  const st2 = await openSqliteStore(join(dir, 'analyze.db'));
  await ingestItems(items(batch.slice(0, sample)), { store: st2, parseDocument: parse, now: clock, analyze: false });
  t0 = performance.now();
  c0 = process.cpuUsage();
  const an = await analyzeNew(st2);
  secs = (performance.now() - t0) / 1000;
  cpu = cpuSecs(c0);
  rows.push([`extraction (analyzeNew) of ${sample} stored texts, for scale${an.failed.length ? ` (${an.failed.length} failed: ${an.failed[0].error})` : ''}`, an.extracted, secs, cpu]);
  await st2.close();
  await store.close();

  // 2. a store with STORED articles already in it
  store = await openSqliteStore(join(dir, 'big.db'));
  // Filled through store.addArticle with the same fingerprints (no parsing, no near-duplicate
  // lookup: the fill is set-up, timed for reference), in chunks whose generation is not timed.
  const fill = { new: 0 };
  secs = 0;
  cpu = 0;
  for (let from = 0; from < STORED; from += 10_000) {
    const chunk = docs(1_000_000 + from, Math.min(10_000, STORED - from));
    t0 = performance.now();
    c0 = process.cpuUsage();
    for (const { doc } of chunk) {
      const a = analyzeText(doc.body);
      const r = await store.addArticle(
        { input: doc.input, status: 'ok', title: null, byline: null, published: null, source: null, url: null, lang: null, text: doc.body, contentHash: a.hash, fingerprint: encodeFingerprint(a.fingerprint) },
        clock(),
      );
      if (r.kind === 'new') fill.new++;
    }
    secs += (performance.now() - t0) / 1000;
    cpu += cpuSecs(c0);
  }
  s = fill;
  rows.push([`set-up: ${STORED.toLocaleString('en')} texts via store.addArticle (no parse, no near-dup lookup)`, s.new, secs, cpu]);
  await store.close();

  store = await openSqliteStore(join(dir, 'big.db'));
  globalThis.gc?.();
  const memNow = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const mem0 = memNow();
  t0 = performance.now();
  c0 = process.cpuUsage();
  const index = await buildNearDupIndex(store);
  const buildSecs = (performance.now() - t0) / 1000;
  const buildCpu = cpuSecs(c0);
  globalThis.gc?.();
  const heapMb = (memNow() - mem0) / 2 ** 20;
  t0 = performance.now();
  c0 = process.cpuUsage();
  s = await ingestItems(items(batch), { store, parseDocument: parse, now: clock, analyze: false, index });
  secs = (performance.now() - t0) / 1000;
  cpu = cpuSecs(c0);
  rows.push([`${BATCH.toLocaleString('en')} texts into a store of ${STORED.toLocaleString('en')}`, s.new, secs, cpu]);
  // re-ingest: everything is an exact duplicate
  t0 = performance.now();
  c0 = process.cpuUsage();
  s = await ingestItems(items(batch), { store, parseDocument: parse, now: clock, analyze: false, index });
  secs = (performance.now() - t0) / 1000;
  cpu = cpuSecs(c0);
  rows.push([`re-ingest of the same ${BATCH.toLocaleString('en')} (all exact duplicates)`, s.exactDuplicates, secs, cpu]);
  await store.close();

  const dbMb = statSync(join(dir, 'big.db')).size / 2 ** 20;
  console.log('## Ingest into the SQLite store (plain text)\n');
  console.log('One process, generated ~450-word texts (parseText, content hash, 5-word-shingle MinHash, LSH lookup with');
  console.log('exact verification, one transaction per article incl. FTS5). Target: >= 1,000 articles/s.\n');
  console.log('The machine is shared: "per CPU-second" (process CPU time) is the one-core rate; wall-clock');
  console.log(`rates depend on the load (load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores).\n`);
  console.log('| run | articles | wall s | CPU s | articles/s (wall) | articles per CPU-second |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, n, sec, cpuS] of rows) {
    console.log(`| ${name} | ${n} | ${sec.toFixed(2)} | ${cpuS.toFixed(2)} | ${(n / sec).toFixed(0)} | ${(n / cpuS).toFixed(0)} |`);
  }
  console.log(`\nNear-duplicate index over ${STORED.toLocaleString('en')} stored fingerprints: built at open in ${buildSecs.toFixed(1)} s wall / ${buildCpu.toFixed(1)} s CPU, ${globalThis.gc ? `~${heapMb.toFixed(0)} MB (heap + typed arrays)` : 'heap not measured (run with --expose-gc)'}. Store file ${dbMb.toFixed(0)} MB.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
