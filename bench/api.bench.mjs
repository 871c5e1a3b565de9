#!/usr/bin/env node
// API latency under load: a store of 100k synthetic articles (invented vocabulary) in 5,000 stories,
// `tri serve` in its own process, and autocannon with 50 concurrent connections on 127.0.0.1 against
// the story list and full-text search. Target (issue 7): p99 < 50 ms for both. Prints a Markdown
// section. BENCH_API_ARTICLES overrides the store size for a quick run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { mulberry32 } from './rng.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const imp = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { openSqliteStore } = await imp('store/sqlite/index.js');
const { contentHash } = await imp('ingest/fingerprint.js').catch(() => ({}));
const { createHash } = await import('node:crypto');

const N = Number(process.env.BENCH_API_ARTICLES ?? 100_000);
const PER_STORY = 20;
const CONNECTIONS = 50;
const DURATION_S = 10;

const rnd = mulberry32(7);
const syll = ['ka', 'lo', 'ven', 'tir', 'mar', 'os', 'ud', 'rel', 'pan', 'dor', 'qui', 'sta', 'ber', 'ny', 'gal', 'fe'];
const vocab = Array.from({ length: 5000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => syll[Math.floor(rnd() * syll.length)]).join(''));
const word = () => vocab[Math.floor(Math.pow(rnd(), 2) * vocab.length)];
const sentence = () => {
  const n = 8 + Math.floor(rnd() * 14);
  const w = Array.from({ length: n }, word);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
};

const dir = mkdtempSync(join(tmpdir(), 'tri-bench-api-'));
const db = join(dir, 'bench.db');
const t0 = performance.now();
const store = await openSqliteStore(db);
const hash = (s) => (contentHash ? contentHash(s) : createHash('sha256').update(s).digest('hex'));
for (let i = 0; i < N; i++) {
  const paras = Array.from({ length: 4 }, () => Array.from({ length: 3 }, sentence).join(' '));
  const text = paras.join('\n\n') + ` Ref ${i}.`;
  const out = await store.addArticle(
    {
      input: `bench:${i}`, status: 'ok', title: sentence(), byline: null, published: `2031-0${1 + (i % 9)}-1${i % 10}`, source: `Outlet ${i % 40}`,
      url: `https://news.example/${i}`, lang: 'en', text, contentHash: hash(text),
    },
    '2031-10-01T00:00:00Z',
  );
  if (out.kind === 'new') await store.assignStory(out.id, `s${Math.floor(i / PER_STORY)}`, `Story ${Math.floor(i / PER_STORY)}`);
}
await store.close();
const buildS = (performance.now() - t0) / 1000;

const server = spawn(process.execPath, [join(root, 'bin', 'tri.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (d) => {
    err += d;
    const m = /listening on (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
});

async function load(name, requests) {
  // warm-up (first story-list request computes the page's story details)
  for (const r of requests.slice(0, 5)) await fetch(base + r.path).then((x) => x.arrayBuffer());
  const res = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, requests });
  return { name, p50: res.latency.p50, p97_5: res.latency.p97_5, p99: res.latency.p99, rps: res.requests.average, errors: res.errors + res.non2xx };
}

const results = [];
try {
  results.push(await load('GET /api/stories', [{ path: '/api/stories?limit=50' }]));
  const qs = Array.from({ length: 50 }, () => ({ path: `/api/search?q=${encodeURIComponent(word())}&limit=20` }));
  results.push(await load('GET /api/search', qs));
} finally {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}

console.log('## HTTP API under load (bench/api.bench.mjs)\n');
console.log(`${N.toLocaleString('en')} synthetic articles in ${(N / PER_STORY).toLocaleString('en')} stories (store built in ${buildS.toFixed(0)} s); ` +
  `\`tri serve\` in its own process; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, on 127.0.0.1 (${cpus().length} cores shared by server and load generator). Target: p99 < 50 ms.\n`);
console.log('| endpoint | p50 ms | p97.5 ms | p99 ms | requests/s | errors |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${Math.round(r.rps)} | ${r.errors} |`);
