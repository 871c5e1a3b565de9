#!/usr/bin/env node
// Story assignment cost on a synthetic stream (features precomputed: this measures the clusterer
// "once extraction is done"). Stories are born at a steady rate, live a few days of stream time and
// fade; each article draws words from its story's vocabulary and a Zipf-like background, plus its
// story's names. Reports throughput in windows of 10k articles at 10k, 100k, 1M (BENCH_STORIES_MAX
// caps the stream, default 1,000,000), the late/early throughput ratio, live stories and RSS.
import { StoryClusterer } from '../dist/stories/index.js';

const MAX = Number(process.env.BENCH_STORIES_MAX ?? 1_000_000);
const WINDOW = 10_000;
const V = 200_000;
const PER_DAY = 2_000; // articles per day of stream time
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
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
const rows = [];
let windowStart = performance.now();
let assignMs = 0;
for (let i = 1; i <= MAX; i++) {
  const a = article(i);
  const t = performance.now();
  k.assignFeatures(String(i), { words: a.words, names: a.names }, a.day);
  assignMs += performance.now() - t;
  if (i % WINDOW === 0) {
    const at = checkpoints.find((c) => c === i);
    if (at) rows.push({ n: i, perSec: WINDOW / (assignMs / 1000), live: k.liveStories, rss: process.memoryUsage().rss / 2 ** 20 });
    assignMs = 0;
    windowStart = performance.now();
  }
}
void windowStart;
const first = rows[0];
const last = rows[rows.length - 1];
console.log('## Story assignment (synthetic stream)\n');
console.log(`Online single-pass clusterer (src/stories), features precomputed; ${PER_DAY} articles per stream day, ~10% start a story, stories fade after 5 days.`);
console.log('Throughput is over the 10,000 articles ending at each checkpoint (assignment time only). Shared machine: absolute numbers are noisy.\n');
console.log('| articles | articles/s (last 10k) | live stories | RSS MiB |');
console.log('|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.n.toLocaleString('en-US')} | ${Math.round(r.perSec).toLocaleString('en-US')} | ${r.live} | ${Math.round(r.rss)} |`);
if (first && last) console.log(`\nThroughput ratio (last / first checkpoint): ${(last.perSec / first.perSec).toFixed(2)}`);
