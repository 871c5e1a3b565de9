#!/usr/bin/env node
// Trains the background document frequencies of the story clusterer (models/story-idf.json) so that
// IDF is informative from the first article of a stream. Counts, per document, the clusterer's own
// features (src/stories/features.ts, built into dist/) over news text in ../shared/data that is NOT
// the story-clustering or summarization data (so their evaluation stays out-of-sample):
// CoNLL-2003 train (Reuters 1996), TempEval-3 train, PolNeAr dev, the four geo sets, the two quantity sets.
// Keeps terms seen in >= 2 documents. Only term -> count pairs are written (no text).
// usage (from the repo root, after `npx tsc -p tsconfig.build.json`): node models/train-story-idf.mjs
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { articleFeatures } from '../dist/stories/features.js';

const D = '../shared/data';
if (!existsSync(D)) {
  console.error('train-story-idf: ../shared/data not found');
  process.exit(1);
}
const jl = (p) => readFileSync(`${D}/${p}`, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const docs = [];
const conll = new Map();
for (const s of jl('ner/conll2003_train.jsonl')) conll.set(s.doc, (conll.get(s.doc) ?? '') + s.tokens.join(' ') + '\n');
docs.push(...conll.values());
for (const p of ['tempeval3/train.jsonl', 'attribution/polnear_dev.jsonl', 'geo/geovirus_dev.jsonl', 'geo/geowebnews_dev.jsonl', 'geo/lgl_dev.jsonl', 'geo/trnews_dev.jsonl', 'quantities/newsquant_dev.jsonl', 'quantities/recognizers_dev.jsonl'])
  for (const d of jl(p)) if (typeof d.text === 'string') docs.push(d.text);
const words = new Map();
const names = new Map();
for (const t of docs) {
  const f = articleFeatures(t);
  for (const k of f.words.keys()) words.set(k, (words.get(k) ?? 0) + 1);
  for (const k of f.names.keys()) names.set(k, (names.get(k) ?? 0) + 1);
}
const keep = (m) => [...m].filter(([, v]) => v >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = { note: 'document frequencies for the story clusterer; see models/train-story-idf.mjs', docs: docs.length, words: keep(words), names: keep(names) };
writeFileSync(new URL('./story-idf.json', import.meta.url), JSON.stringify(out));
console.log(`docs=${docs.length} words=${out.words.length} names=${out.names.length}`);
