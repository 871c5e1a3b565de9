#!/usr/bin/env node
// Tuning aid for the story clusterer (not part of `npm run eval`): runs the built clusterer in-process
// on the dev stream of ../shared/data/clustering (same interleaving as eval_dev.py stories) for a grid
// of options and prints pairwise / BCubed F1 per setting. Reads the data at run time only.
// usage: node eval/tune-stories.mjs '{"threshold":[0.2,0.3]}' [--errors] [--duc|--mn] [--no-prior|--oracle-idf]
//        node eval/tune-stories.mjs --baseline   (the plain TF-IDF single-pass baseline, thresholds swept)
import { readFileSync, existsSync } from 'node:fs';
import { StoryClusterer, loadIdfPrior } from '../dist/stories/index.js';

const dir = '../shared/data/clustering';
if (!existsSync(dir)) {
  console.log('tune-stories: ../shared/data not found; skipped');
  process.exit(0);
}
const jl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const a = jl(`${dir}/duc2004_dev.jsonl`);
const b = jl(`${dir}/multinews200_dev.jsonl`);
const stream = [];
for (let i = 0; i < Math.max(a.length, b.length); i++) {
  if (i < a.length) stream.push(a[i]);
  if (i < b.length) stream.push(b[i]);
}
const only = process.argv.includes('--duc') ? a : process.argv.includes('--mn') ? b : stream;

export function pairScores(gold, sys) {
  const c2 = (n) => (n * (n - 1)) / 2;
  const cont = new Map(), gs = new Map(), ps = new Map();
  for (const [id, g] of gold) {
    const p = sys.get(id);
    cont.set(g + '\u0000' + p, (cont.get(g + '\u0000' + p) ?? 0) + 1);
    gs.set(g, (gs.get(g) ?? 0) + 1);
    ps.set(p, (ps.get(p) ?? 0) + 1);
  }
  let tp = 0, tpfp = 0, tpfn = 0, bp = 0, br = 0;
  for (const [k, v] of cont) {
    tp += c2(v);
    const [g, p] = k.split('\u0000');
    bp += (v * v) / ps.get(p);
    br += (v * v) / gs.get(g);
  }
  for (const v of ps.values()) tpfp += c2(v);
  for (const v of gs.values()) tpfn += c2(v);
  const P = tp / tpfp, R = tp / tpfn, n = gold.size;
  const BP = bp / n, BR = br / n;
  return { P, R, F1: (2 * P * R) / (P + R), b3: (2 * BP * BR) / (BP + BR), k: ps.size };
}

// --baseline: the plain single-pass TF-IDF cosine baseline of issue 6, re-implemented here for
// comparison: lowercase word tokens (2+ word characters, our stopword list), raw term counts, smoothed
// IDF fitted on the whole stream (in-sample, as a baseline author would), L2-normalised vectors, each
// article joins the story whose centroid is most similar if the cosine clears the threshold.
if (process.argv.includes('--baseline')) {
  const { STOPWORDS } = await import('../dist/stories/index.js');
  const vecs = only.map((r) => {
    const m = new Map();
    for (const x of r.text.toLowerCase().matchAll(/\b\w{2,}\b/g)) if (!STOPWORDS.has(x[0])) m.set(x[0], (m.get(x[0]) ?? 0) + 1);
    return m;
  });
  const df = new Map();
  for (const m of vecs) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const units = vecs.map((m) => {
    const v = new Map();
    let n = 0;
    for (const [t, c] of m) {
      const x = c * (Math.log((1 + only.length) / (1 + df.get(t))) + 1);
      v.set(t, x);
      n += x * x;
    }
    n = Math.sqrt(n) || 1;
    for (const [t, x] of v) v.set(t, x / n);
    return v;
  });
  for (const th of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4]) {
    const cents = [];
    const gold = new Map(), sys = new Map();
    only.forEach((r, i) => {
      const u = units[i];
      let best = -1, bs = th;
      cents.forEach((c, j) => {
        let d = 0;
        for (const [t, x] of u) d += x * (c.v.get(t) ?? 0);
        const cos = c.n > 0 ? d / c.n : 0;
        if (cos >= bs) { bs = cos; best = j; }
      });
      if (best < 0) { cents.push({ v: new Map(), n: 0 }); best = cents.length - 1; }
      const c = cents[best];
      for (const [t, x] of u) c.v.set(t, (c.v.get(t) ?? 0) + x);
      let n = 0;
      for (const x of c.v.values()) n += x * x;
      c.n = Math.sqrt(n);
      gold.set(r.id, String(r.cluster));
      sys.set(r.id, String(best));
    });
    const s = pairScores(gold, sys);
    const half = (rows) => pairScores(new Map(rows.map((r) => [r.id, gold.get(r.id)])), new Map(rows.map((r) => [r.id, sys.get(r.id)])));
    const h1 = half(only.slice(0, only.length >> 1)), h2 = half(only.slice(only.length >> 1));
    console.log(`baseline threshold=${th} P=${s.P.toFixed(3)} R=${s.R.toFixed(3)} F1=${s.F1.toFixed(3)} b3=${s.b3.toFixed(3)} k=${s.k} h1_F1=${h1.F1.toFixed(3)} h2_F1=${h2.F1.toFixed(3)}`);
  }
  process.exit(0);
}

const grid = JSON.parse(process.argv[2] ?? '{}');

const keys = Object.keys(grid);
const combos = keys.reduce((acc, k) => acc.flatMap((c) => grid[k].map((v) => ({ ...c, [k]: v }))), [{}]);
for (const opts of combos) {
  const k = new StoryClusterer(opts);
  const prior = process.argv.includes('--no-prior') ? null : loadIdfPrior();
  if (prior) k.setPrior(prior.docs, prior.words, prior.names);
  if (process.argv.includes('--oracle-idf')) {
    const { articleFeatures } = await import('../dist/stories/index.js');
    const w = new Map(), nm = new Map();
    for (const r of only) { const f = articleFeatures(r.text, r.title); for (const t of f.words.keys()) w.set(t, (w.get(t) ?? 0) + 1); for (const t of f.names.keys()) nm.set(t, (nm.get(t) ?? 0) + 1); }
    k.setPrior(only.length, w, nm);
  }
  const gold = new Map(), sys = new Map();
  for (const r of only) {
    gold.set(r.id, String(r.cluster));
    sys.set(r.id, k.assign({ id: r.id, text: r.text, title: r.title, published: r.date }).story);
  }
  const s = pairScores(gold, sys);
  // Halves of the stream scored apart: choose settings on one half, check them on the other.
  const half = (rows) => pairScores(new Map(rows.map((r) => [r.id, gold.get(r.id)])), new Map(rows.map((r) => [r.id, sys.get(r.id)])));
  const h1 = half(only.slice(0, only.length >> 1)), h2 = half(only.slice(only.length >> 1));
  console.log(JSON.stringify(opts), `P=${s.P.toFixed(3)} R=${s.R.toFixed(3)} F1=${s.F1.toFixed(3)} b3=${s.b3.toFixed(3)} k=${s.k} h1_F1=${h1.F1.toFixed(3)} h2_F1=${h2.F1.toFixed(3)}`);
  if (process.argv.includes('--errors')) {
    // system clusters mixing gold clusters, and gold clusters split
    const bySys = new Map();
    for (const [id, p] of sys) (bySys.get(p) ?? bySys.set(p, []).get(p)).push(gold.get(id));
    for (const [p, gs] of bySys) if (new Set(gs).size > 1) console.log('mixed', p, gs.join(' '));
    const byGold = new Map();
    for (const [id, g] of gold) (byGold.get(g) ?? byGold.set(g, []).get(g)).push(sys.get(id));
    for (const [g, ps] of byGold) if (new Set(ps).size > 1) console.log('split', g, ps.join(' '));
  }
}
