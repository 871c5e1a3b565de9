#!/usr/bin/env node
// API latency under load: a store of 100k synthetic articles (invented vocabulary) in 5,000 stories,
// `tri serve` in its own process, and autocannon with 50 concurrent connections on 127.0.0.1 against
// the story list and full-text search. Target (issue 7): p99 < 50 ms for both. Prints a Markdown
// section. BENCH_API_ARTICLES overrides the store size for a quick run; BENCH_API_DB=PATH keeps the
// built store at PATH and reuses it when it exists (repeated runs skip the ~1 min build).
//
// Search load is a realistic mix, not one repeated query: a pool of QUERY_POOL distinct queries
// (single words drawn from a Zipf law over the vocabulary's frequency ranks, so common and rare
// terms; two-word queries; prefix queries), each request drawing one from a Zipf law over the pool
// (analysts repeat popular searches). The server's result-cache hit rate is read from its
// X-Cache response header; the cost of an uncached search is measured in-process first.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
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

const keep = process.env.BENCH_API_DB;
const dir = keep ? null : mkdtempSync(join(tmpdir(), 'tri-bench-api-'));
const db = keep ?? join(dir, 'bench.db');
const reuse = keep !== undefined && existsSync(db);
const t0 = performance.now();
const store = await openSqliteStore(db);
const hash = (s) => (contentHash ? contentHash(s) : createHash('sha256').update(s).digest('hex'));
for (let i = 0; i < N && !reuse; i++) {
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
const buildS = (performance.now() - t0) / 1000;

// The query mix. Zipf(s) over ranks 0..n-1 by inverse CDF on precomputed cumulative weights.
const zipf = (n, s, r) => {
  const cum = [];
  let acc = 0;
  for (let k = 1; k <= n; k++) cum.push((acc += 1 / Math.pow(k, s)));
  return () => {
    const x = r() * acc;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
};
const QUERY_POOL = 500;
const qr = mulberry32(11);
// vocab[0] is the most frequent word (word() draws index = floor(u^2 * size)), so vocabulary rank = index.
const vocabRank = zipf(vocab.length, 1, qr);
const pool = new Set();
while (pool.size < QUERY_POOL) {
  const u = qr();
  const w1 = vocab[vocabRank()];
  if (u < 0.65) pool.add(w1);
  else if (u < 0.93) pool.add(`${w1} ${vocab[vocabRank()]}`);
  else pool.add(`${w1.slice(0, Math.max(2, w1.length - 2))}*`);
}
const queries = [...pool];
const queryRank = zipf(queries.length, 1, mulberry32(13));
const searchPath = (q) => `/api/search?q=${encodeURIComponent(q)}&limit=20`;

// Uncached cost: each distinct query once, in-process, on the store the server will open.
await store.search('warm up'); // indexes the last batch of articles for full-text search
const missMs = [];
for (const q of queries) {
  const t = performance.now();
  await store.search(q, { limit: 20 });
  missMs.push(performance.now() - t);
}
missMs.sort((a, b) => a - b);
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
await store.close();

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

// CPU seconds the server process has used (all threads: request loop and search workers), from /proc.
const serverCpuS = () => {
  try {
    const f = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
};

async function load(name, requests) {
  // warm-up (first story-list request computes the page's story details)
  for (const r of requests.slice(0, 5)) await fetch(base + r.path).then((x) => x.arrayBuffer());
  const cache = { hit: 0, miss: 0 };
  const onResponse = (status, body, context, headers) => {
    const h = headers?.['x-cache'] ?? headers?.['X-Cache'];
    if (h === 'hit') cache.hit++;
    else if (h === 'miss') cache.miss++;
  };
  const cpu0 = serverCpuS();
  const res = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, requests: requests.map((r) => ({ ...r, onResponse })) });
  const cpuMs = ((serverCpuS() - cpu0) * 1000) / res.requests.total;
  const seen = cache.hit + cache.miss;
  return {
    name, p50: res.latency.p50, p97_5: res.latency.p97_5, p99: res.latency.p99, rps: res.requests.average, errors: res.errors + res.non2xx,
    hitRate: seen > 0 ? `${((100 * cache.hit) / seen).toFixed(1)}%` : 'n/a',
    cpuMs: Number.isFinite(cpuMs) ? cpuMs.toFixed(2) : 'n/a',
  };
}

const results = [];
try {
  results.push(await load('GET /api/stories', [{ path: '/api/stories?limit=50' }]));
  const mix = [{ path: searchPath(queries[0]), setupRequest: (req) => ({ ...req, path: searchPath(queries[queryRank()]) }) }];
  // First with the cache as a fresh server has it (empty), then in the steady state of a server
  // that has been answering the same population of analysts (the same mix, run on).
  results.push(await load(`GET /api/search (${QUERY_POOL} distinct queries, Zipf; cold cache)`, mix));
  results.push(await load(`GET /api/search (same mix, next ${DURATION_S} s)`, mix));
} finally {
  server.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
}

console.log('## HTTP API under load (bench/api.bench.mjs)\n');
console.log(`${N.toLocaleString('en')} synthetic articles in ${(N / PER_STORY).toLocaleString('en')} stories (store ${reuse ? `reused from ${db}` : `built in ${buildS.toFixed(0)} s`}); ` +
  `\`tri serve\` in its own process; autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per endpoint, on 127.0.0.1 (${cpus().length} cores shared by server and load generator). Target: p99 < 50 ms.\n`);
console.log('| endpoint | p50 ms | p97.5 ms | p99 ms | requests/s | errors | cache hits | server CPU ms/request |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.name} | ${r.p50} | ${r.p97_5} | ${r.p99} | ${Math.round(r.rps)} | ${r.errors} | ${r.hitRate} | ${r.cpuMs} |`);
console.log(`\nLoad average when done: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (latencies grow with other processes on the machine; CPU per request much less).`);
const kinds = { one: queries.filter((q) => !q.includes(' ') && !q.endsWith('*')).length, two: queries.filter((q) => q.includes(' ')).length, prefix: queries.filter((q) => q.endsWith('*')).length };
console.log(`\nSearch mix: ${queries.length} distinct queries (${kinds.one} one-word, ${kinds.two} two-word, ${kinds.prefix} prefix), words Zipf(1) over vocabulary rank, ` +
  `requests Zipf(1) over the pool. Uncached search in-process (each query once, limit 20): ` +
  `p50 ${pct(missMs, 50).toFixed(2)} ms, p90 ${pct(missMs, 90).toFixed(2)} ms, p99 ${pct(missMs, 99).toFixed(2)} ms, max ${missMs[missMs.length - 1].toFixed(2)} ms.`);
