#!/usr/bin/env node
// HTML pages/s on one core for `parseHtml` (htmlparser2 light tree + main text + metadata), over
// the real pages in ../shared/data/extraction/pages (gunzip and charset decoding done once up
// front; the timed part is parsing + extraction). Reports CPU time of this process (one thread) as
// well as wall time, since the machine is shared. Target (issue 2): >= 60 pages/s.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dir = join(root, '..', 'shared', 'data', 'extraction', 'pages');
console.log('## HTML main-text extraction (tri parse)\n');
if (!existsSync(dir)) {
  console.log('Skipped: ../shared/data/extraction/pages not found.');
  process.exit(0);
}
const lib = join(root, 'dist', 'ingest', 'article', 'html.js');
if (!existsSync(lib)) {
  console.log('Skipped: dist/ missing (run `npm run build`).');
  process.exit(0);
}
const { parseHtml, decodeHtml } = await import(pathToFileURL(lib).href);
const files = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).sort();
const gz = files.map((f) => readFileSync(join(dir, f)));
const pages = gz.map((b) => decodeHtml(gunzipSync(b)).text);
const mb = pages.reduce((a, p) => a + p.length, 0) / 1e6;

// one warm-up pass (JIT), then the measured passes
for (const p of pages) parseHtml(p, 'x');
const ROUNDS = 3;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let chars = 0;
for (let r = 0; r < ROUNDS; r++) for (const p of pages) chars += parseHtml(p, 'x').text.length;
const wall = (performance.now() - t0) / 1000;
const c = process.cpuUsage(cpu0);
const cpu = (c.user + c.system) / 1e6;
const n = pages.length * ROUNDS;
// the same including gunzip and charset decoding (what `tri parse` does per .html.gz file)
const cpu1 = process.cpuUsage();
for (let r = 0; r < ROUNDS; r++) for (const b of gz) parseHtml(decodeHtml(gunzipSync(b)).text, 'x');
const c1 = process.cpuUsage(cpu1);
const cpuFull = (c1.user + c1.system) / 1e6;
console.log(`${pages.length} real news/blog pages (${mb.toFixed(1)} M characters of HTML), ${ROUNDS} rounds after one warm-up; ${chars} characters of main text out.\n`);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| pages/s per CPU-second (one thread) | ${(n / cpu).toFixed(0)} |`);
console.log(`| pages/s per CPU-second incl. gunzip + charset decoding | ${(n / cpuFull).toFixed(0)} |`);
console.log(`| pages/s wall clock (shared machine) | ${(n / wall).toFixed(0)} |`);
console.log(`| ms per page (CPU) | ${((cpu / n) * 1000).toFixed(2)} |`);
console.log(`| MB of HTML/s (CPU) | ${((mb * ROUNDS) / cpu).toFixed(1)} |`);
