#!/usr/bin/env node
// Whole `tri extract` pipeline speed: articles/s (wall and CPU time, one core) of createPipeline() from dist/
// on news-length texts. Reads the texts of ../shared/data/clustering/*.jsonl (third-party data, read only,
// nothing copied) when present, otherwise generated invented articles. Needs `npm run build`.
// Usage: node bench/pipeline.bench.mjs [--limit N] [--rounds R]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const arg = (name, def) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const limit = arg('--limit', 300);
const rounds = arg('--rounds', 2);
const { createPipeline } = await import(pathToFileURL(join(root, 'dist', 'extract', 'pipeline.js')).href);

const dataDir = join(root, '..', 'shared', 'data', 'clustering');
let articles = [];
let source = 'invented';
if (existsSync(dataDir)) {
  for (const f of readdirSync(dataDir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dataDir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line);
      if (typeof d.text === 'string' && d.text.length > 0) articles.push({ id: String(d.id), text: d.text, published: d.date ?? undefined });
    }
  }
  source = '../shared/data/clustering/*.jsonl';
}
if (articles.length === 0) {
  const S = [
    'Anna Kovalenko told reporters on Tuesday that the ministry would send 120 more staff to the region.',
    '"We are not leaving," Pavlo Brann said, "and we will rebuild the bridge before winter."',
    'Officials at Acme Energy said the repairs in Lviv would cost about $40 million by March 2025.',
    'Traffic on the main road resumed shortly after noon, and most shops reopened by evening.',
  ];
  for (let i = 0; i < 300; i++) {
    const paras = [];
    for (let k = 0; k < 6; k++) paras.push(Array.from({ length: 5 }, (_, j) => S[(i + k + j) % S.length]).join(' '));
    articles.push({ id: `g${i}`, text: paras.join('\n\n'), published: '2024-08-06' });
  }
}
articles = articles.slice(0, limit);
const chars = articles.reduce((s, a) => s + a.text.length, 0);

const pipeline = createPipeline();
for (const a of articles.slice(0, 20)) pipeline.extract(a); // warm-up (models load here)

let best = null;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let tokens = 0;
  for (const a of articles) tokens += pipeline.run(a).doc.tokens.length;
  const wall = (performance.now() - t0) / 1000;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  if (!best || cpu < best.cpu) best = { wall, cpu, tokens };
}
console.log(`source: ${source}; ${articles.length} articles, ${(chars / articles.length).toFixed(0)} chars and ${(best.tokens / articles.length).toFixed(0)} tokens each on average; best of ${rounds} rounds`);
console.log(`articles/s (CPU time): ${(articles.length / best.cpu).toFixed(1)}`);
console.log(`articles/s (wall):     ${(articles.length / best.wall).toFixed(1)}`);
console.log(`tokens/s (CPU time):   ${(best.tokens / best.cpu / 1000).toFixed(0)}k`);
console.log(`load average: ${loadavg()[0].toFixed(1)}; target >= 300 articles/s per core`);
