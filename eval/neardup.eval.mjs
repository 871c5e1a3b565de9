#!/usr/bin/env node
// Near-duplicate detection (src/ingest/fingerprint.ts), measured on ../shared/data/clustering:
//  - positives: perturbed copies (trimmed, boilerplate added, lines re-wrapped, new headline, all
//    four) of every text, looked up in an index of all originals: found = the right original;
//  - hard negatives: every multinews article looked up among the OTHER articles of its own story
//    (same event, other outlets): any match is a false positive;
//  - the pairs the detector finds inside duc2004_dev.jsonl when ingested in order (AP re-sends),
//    listed by id and similarity for inspection (no text).
// Recall and false positives are also swept over thresholds (the detector's similarity is exact
// containment of word shingles, so the sweep is the same detector at other cut-offs).
// Prints metrics; last line key=value. Skips when ../shared is absent. Needs `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from '../bench/rng.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dataDir = join(root, '..', 'shared', 'data', 'clustering');
if (!existsSync(dataDir)) {
  console.log('neardup: ../shared/data/clustering not found; skipped');
  console.log('neardup_skipped=1');
  process.exit(0);
}
const fpPath = join(root, 'dist', 'ingest', 'fingerprint.js');
if (!existsSync(fpPath)) {
  console.error('neardup: dist/ingest/fingerprint.js missing: run `npm run build` first');
  process.exit(1);
}
const { NearDupIndex, fingerprint, shingleSet, setSimilarity, NEAR_DUP_THRESHOLD } = await import(pathToFileURL(fpPath).href);

const load = (f) => readFileSync(join(dataDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const duc = load('duc2004_dev.jsonl');
const multi = load('multinews200_dev.jsonl');
const all = [...duc.map((d) => ({ ...d, set: 'duc' })), ...multi.map((d) => ({ ...d, set: 'multinews' }))];

// Deterministic PRNG so the numbers are reproducible.
const rnd = mulberry32(20260322);
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];

// Boilerplate of the kinds outlets add around syndicated copy (written here, not from the data).
const HEADERS = ['(Valley Wire) --', 'ADVERTISEMENT', 'Listen to this article', 'Share this story on social media', 'Updated 2 hours ago | 4 min read'];
const FOOTERS = [
  'Copyright 2026 Valley Wire. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Sign up for our morning newsletter to get the top stories delivered to your inbox.',
  'Reporting by staff; editing by the news desk. Our standards: the Trust Principles.',
  'Related coverage: more stories from our correspondents around the world. Follow us for live updates.',
  'Associated Press writers contributed to this report.',
];
const HEADLINES = ['Officials respond as crisis deepens', 'What we know so far', 'Live: latest on the developing story', 'Residents react to the news', 'Explainer: why it matters'];

const sentences = (t) => t.split(/(?<=[.!?]["”’)]?)\s+/).filter(Boolean);
function trim(t) {
  // Syndicated copies are cut from the bottom: keep the first 40-80% of sentences.
  const s = sentences(t);
  return s.slice(0, Math.max(1, Math.round(s.length * (0.4 + 0.4 * rnd())))).join(' ');
}
const boilerplate = (t) => `${pick(HEADERS)}\n\n${t}\n\n${pick(FOOTERS)}\n\n${pick(FOOTERS)}`;
function rewrap(t) {
  const width = 50 + Math.floor(rnd() * 30);
  const out = [];
  let line = '';
  for (const w of t.split(/\s+/)) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  out.push(line);
  return out.join('\n');
}
const headline = (t) => `${pick(HEADLINES)}\n\n${t}`;
const PERTURB = {
  trim,
  boilerplate,
  rewrap,
  headline,
  all: (t) => headline(rewrap(boilerplate(trim(t)))),
};

const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const textOf = new Map(all.map((d) => [d.id, d.text]));
const loadText = (id) => textOf.get(id) ?? null;

// ---- positives: perturbed copies against an index of every original
const index = new NearDupIndex({ threshold: 0.01, loadText });
for (const d of all) index.add(d.id, fingerprint(d.text));
const showMisses = process.argv.includes('--misses');
const isCopy = (a, b) => setSimilarity(shingleSet(textOf.get(a) ?? ''), shingleSet(textOf.get(b) ?? '')).containment >= NEAR_DUP_THRESHOLD;
const pos = {}; // kind -> [{ok at threshold t}]
const posSims = [];
let wrong = 0;
let tooShort = 0;
for (const d of all) {
  for (const [kind, f] of Object.entries(PERTURB)) {
    const copy = f(d.text);
    const m = await index.find(copy);
    if (m === null && fingerprint(copy).shingles < 8) tooShort++;
    // The data holds real copies (AP re-sends): matching a copy of the original is right too.
    const right = m !== null && (m.id === d.id || isCopy(d.id, m.id));
    const sim = right ? m.similarity : 0;
    if (m && !right && m.similarity >= NEAR_DUP_THRESHOLD) wrong++;
    if (!right && showMisses) console.log(`  miss ${kind} ${d.id} (${d.text.split(/\s+/).length} words) -> ${m ? `${m.id} ${m.similarity.toFixed(2)}` : 'no candidate'}`);
    (pos[kind] ??= []).push(sim);
    posSims.push(sim);
  }
}

// ---- hard negatives: each multinews article among the other articles of its story
const byCluster = new Map();
for (const d of multi) byCluster.set(d.cluster, [...(byCluster.get(d.cluster) ?? []), d]);
const negSims = [];
const flagged = [];
for (const d of multi) {
  const mates = byCluster.get(d.cluster).filter((x) => x.id !== d.id);
  if (mates.length === 0) continue;
  const idx = new NearDupIndex({ threshold: 0.01, loadText });
  for (const x of mates) idx.add(x.id, fingerprint(x.text));
  const m = await idx.find(d.text);
  negSims.push(m ? m.similarity : 0);
  if (m && m.similarity >= 0.3) flagged.push({ id: d.id, matched: m.id, similarity: m.similarity });
}

// ---- DUC 2004: pairs found when ingested in date/id order (AP re-sends)
const ducSorted = [...duc].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
const ducIdx = new NearDupIndex({ loadText });
const ducPairs = [];
for (const d of ducSorted) {
  const m = await ducIdx.find(d.text);
  if (m) {
    const orig = duc.find((x) => x.id === m.id);
    ducPairs.push({ id: d.id, duplicateOf: m.id, similarity: m.similarity, sameCluster: orig?.cluster === d.cluster });
  }
  ducIdx.add(d.id, fingerprint(d.text));
}

// ---- report
const rate = (xs, t) => xs.filter((s) => s >= t).length / Math.max(1, xs.length);
const f3 = (x) => x.toFixed(3);
console.log(`texts: ${duc.length} duc2004 + ${multi.length} multinews; ${posSims.length} perturbed copies; ${negSims.length} hard negatives (same-story articles of other outlets)`);
console.log(`\nrecall by perturbation at threshold ${NEAR_DUP_THRESHOLD}:`);
for (const [kind, sims] of Object.entries(pos)) console.log(`  ${kind.padEnd(12)} ${f3(rate(sims, NEAR_DUP_THRESHOLD))}  (n=${sims.length})`);
console.log(`copies matched to the wrong original: ${wrong}; copies too short to fingerprint: ${tooShort}`);
console.log('\nthreshold sweep (same detector, other cut-offs):');
console.log('  threshold  recall  hard-neg FP rate  precision*');
const posN = posSims.length;
for (const t of thresholds) {
  const tp = posSims.filter((s) => s >= t).length;
  const fp = negSims.filter((s) => s >= t).length;
  console.log(`  ${t.toFixed(2).padEnd(9)}  ${f3(tp / posN)}   ${f3(fp / Math.max(1, negSims.length)).padEnd(16)}  ${f3(tp / Math.max(1, tp + fp))}`);
}
console.log('  * precision over the perturbed copies plus the hard negatives (one lookup each)');
console.log(`\nhard negatives with similarity >= 0.3 (for inspection; some may be real syndicated copies):`);
for (const f of flagged.sort((a, b) => b.similarity - a.similarity)) console.log(`  ${f.id} ~ ${f.matched}  ${f3(f.similarity)}`);
console.log(`\nduc2004_dev near-duplicate pairs found in ingest order (${ducPairs.length}):`);
for (const p of ducPairs) console.log(`  ${p.id} -> ${p.duplicateOf}  similarity ${f3(p.similarity)}${p.sameCluster ? '' : '  (different DUC cluster)'}`);

const recall = rate(posSims, NEAR_DUP_THRESHOLD);
const fpRate = rate(negSims, NEAR_DUP_THRESHOLD);
const tp = posSims.filter((s) => s >= NEAR_DUP_THRESHOLD).length;
const fp = negSims.filter((s) => s >= NEAR_DUP_THRESHOLD).length + wrong;
console.log(
  `\nneardup_threshold=${NEAR_DUP_THRESHOLD} neardup_recall=${f3(recall)} neardup_precision=${f3(tp / Math.max(1, tp + fp))} ` +
    `hardneg_fp_rate=${f3(fpRate)} wrong_original=${wrong} duc_pairs=${ducPairs.length}`,
);
