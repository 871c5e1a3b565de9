#!/usr/bin/env node
// Story assignment cost on a synthetic stream (features precomputed: this measures the clusterer
// "once extraction is done"). Stories are born at a steady rate, live a few days of stream time and
// fade; each article draws words from its story's vocabulary and a Zipf-like background, plus its
// story's names. Each window of 10k articles is generated first and then assigned, so only
// assignment is timed: wall time, and the process CPU time (user + system), which a shared machine
// disturbs far less. Reports windows at 10k, 100k, 1M (BENCH_STORIES_MAX caps the stream, default
// 1,000,000), the late/early throughput ratio, live stories and RSS.
import { StoryClusterer } from '../dist/stories/index.js';
import { mulberry32 } from './rng.mjs';

const MAX = Number(process.env.BENCH_STORIES_MAX ?? 1_000_000);
const WINDOW = 10_000;
const V = 200_000;
const PER_DAY = 2_000; // articles per day of stream time
// The old inline LCG multiplied past 2^53 in floating point (lost its low bits); mulberry32 is exact.
const rnd = mulberry32(42);
const vocab = Array.from({ length: V }, (_, i) => 'w' + i.toString(36));
const stories = [];
let born = 0;
function article(i) {
  const day = 20_000 + Math.floor(i / PER_DAY);
  if (stories.length === 0 || rnd() < 0.1) {
    stories.push({ words: Array.from({ length: 40 }, () => vocab[Math.floor(rnd() * V)]), names: Array.from({ length: 4 }, () => 'n' + (born * 7 + Math.floor(rnd() * 7)).toString(36)), day });
    born++;
  }
  while (stories.length > 0 && day - stories[0].day > 5) stories.shift();
  const s = stories[Math.floor(rnd() * stories.length)];
  const words = new Map();
  for (let j = 0; j < 220; j++) {
    const w = rnd() < 0.35 ? s.words[Math.floor(rnd() * 40)] : vocab[Math.floor(Math.pow(rnd(), 4) * V)];
    words.set(w, (words.get(w) ?? 0) + 1);
  }
  const names = new Map(s.names.map((n) => [n, 1 + Math.floor(rnd() * 3)]));
  return { words, names, day };
}

const k = new StoryClusterer();
const checkpoints = [10_000, 100_000, 1_000_000].filter((c) => c <= MAX);
if (!checkpoints.includes(MAX) && MAX % WINDOW === 0) checkpoints.push(MAX);
const rows = [];
const started = performance.now();
for (let i = 1; i <= MAX; i += WINDOW) {
  const batch = [];
  for (let j = i; j < i + WINDOW && j <= MAX; j++) batch.push(article(j));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let j = 0; j < batch.length; j++) {
    const a = batch[j];
    k.assignFeatures(String(i + j), { words: a.words, names: a.names }, a.day);
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const end = i + batch.length - 1;
  const row = { n: end, perSec: batch.length / wallS, perCpuSec: batch.length / cpuS, live: k.liveStories, rss: process.memoryUsage().rss / 2 ** 20 };
  if (checkpoints.includes(end)) rows.push(row);
  // Progress every 100k on stderr (a 1M run is long on a shared machine).
  if (end % 100_000 === 0 || end === WINDOW) console.error(`stories bench: ${JSON.stringify(row)}`);
}
const totalS = (performance.now() - started) / 1000;
const first = rows[0];
const last = rows[rows.length - 1];
console.log('## Story assignment (synthetic stream)\n');
console.log(`Online single-pass clusterer (src/stories), features precomputed; ${PER_DAY} articles per stream day, ~10% start a story, stories fade after 5 days.`);
console.log('Throughput is over the 10,000 articles ending at each checkpoint (assignment only; each window is generated before it is timed): per wall-clock second and per CPU second of the process. Shared machine: wall-clock numbers are noisy.\n');
console.log('| articles | articles/s (wall, last 10k) | articles per CPU-s (last 10k) | live stories | RSS MiB |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.n.toLocaleString('en-US')} | ${Math.round(r.perSec).toLocaleString('en-US')} | ${Math.round(r.perCpuSec).toLocaleString('en-US')} | ${r.live} | ${Math.round(r.rss)} |`);
if (first && last && last !== first)
  console.log(`\nThroughput ratio (last / first checkpoint): wall ${(last.perSec / first.perSec).toFixed(2)}, CPU ${(last.perCpuSec / first.perCpuSec).toFixed(2)}. Whole run (generation included): ${Math.round(totalS)} s.`);
