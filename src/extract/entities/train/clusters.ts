/**
 * Induces word clusters from unlabeled text for the NER features (training-time script, not used
 * at runtime). Distributional vectors: PPMI over left/right neighbours (+-1, +-2) among the most
 * frequent words, then spherical k-means on the sparse rows with 512 clusters,
 * whose centroids are clustered again into 128 and 32 (three granularities, like Brown-cluster
 * prefixes).
 *
 * Usage: node dist/extract/entities/train/clusters.js OUT.json DATA_DIR [--exclude NAME ...]
 * Reads every *.jsonl under DATA_DIR: string fields text/title/articleBody and token arrays.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../../common/text.js';
import { rng } from './rng.js';

const MIN_FREQ = 3;
const CONTEXT_WORDS = 1500;
const K = [512, 128, 32];

function listJsonl(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJsonl(p));
    else if (name.endsWith('.jsonl')) out.push(p);
  }
  return out.sort();
}

function collectTexts(value: unknown, key: string, out: string[]): void {
  if (typeof value === 'string') {
    if (key === 'text' || key === 'title' || key === 'articleBody') out.push(value);
  } else if (Array.isArray(value)) {
    if (key === 'tokens' && value.every((v) => typeof v === 'string')) out.push(value.join(' '));
    else for (const v of value) collectTexts(v, key, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectTexts(v, k, out);
  }
}

function kmeans(vecs: Float32Array, n: number, dim: number, k: number, iters: number, weights: Float64Array, rand: () => number): { assign: Int32Array; centroids: Float32Array } {
  const cent = new Float32Array(k * dim);
  // Initialise from k distinct items drawn with probability proportional to weight.
  const total = weights.reduce((a, b) => a + b, 0);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, n)) {
    let r = rand() * total;
    let i = 0;
    while (i < n - 1 && r > weights[i]!) r -= weights[i++]!;
    chosen.add(i);
  }
  [...chosen].forEach((i, c) => cent.set(vecs.subarray(i * dim, (i + 1) * dim), c * dim));
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bs = -Infinity;
      const o = i * dim;
      for (let c = 0; c < k; c++) {
        const co = c * dim;
        let s = 0;
        for (let d = 0; d < dim; d++) s += vecs[o + d]! * cent[co + d]!;
        if (s > bs) {
          bs = s;
          best = c;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const co = assign[i]! * dim;
      const o = i * dim;
      for (let d = 0; d < dim; d++) cent[co + d]! += vecs[o + d]! * Math.sqrt(weights[i]!);
    }
    for (let c = 0; c < k; c++) normalise(cent, c * dim, dim);
    process.stderr.write(`  k=${k} iter ${it + 1}: ${changed} changed\n`);
    if (changed === 0) break;
  }
  return { assign, centroids: cent };
}

/** Spherical k-means over sparse rows (CSR) with dense centroids stored column-major for speed. */
function sparseKmeans(rowPtr: Int32Array, colIdx: Int32Array, val: Float32Array, n: number, dim: number, k: number, iters: number, weights: Float64Array, rand: () => number): { assign: Int32Array; centroids: Float32Array } {
  const centT = new Float32Array(dim * k); // [dim][k]
  const total = weights.reduce((a, b) => a + b, 0);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(k, n)) {
    let r = rand() * total;
    let i = 0;
    while (i < n - 1 && r > weights[i]!) r -= weights[i++]!;
    chosen.add(i);
  }
  [...chosen].forEach((i, c) => {
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) centT[colIdx[p]! * k + c] = val[p]!;
  });
  const assign = new Int32Array(n).fill(-1);
  const scores = new Float64Array(k);
  const cent = new Float32Array(k * dim);
  for (let it = 0; it < iters; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      scores.fill(0);
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const v = val[p]!;
        const o = colIdx[p]! * k;
        for (let c = 0; c < k; c++) scores[c]! += v * centT[o + c]!;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (scores[c]! > scores[best]!) best = c;
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const co = assign[i]! * dim;
      const w = Math.sqrt(weights[i]!);
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) cent[co + colIdx[p]!]! += val[p]! * w;
    }
    for (let c = 0; c < k; c++) normalise(cent, c * dim, dim);
    for (let c = 0; c < k; c++) for (let d = 0; d < dim; d++) centT[d * k + c] = cent[c * dim + d]!;
    process.stderr.write(`  sparse k=${k} iter ${it + 1}: ${changed} changed\n`);
    if (changed === 0) break;
  }
  return { assign, centroids: cent };
}

function normalise(v: Float32Array, o: number, dim: number): void {
  let s = 0;
  for (let d = 0; d < dim; d++) s += v[o + d]! * v[o + d]!;
  const z = Math.sqrt(s) || 1;
  for (let d = 0; d < dim; d++) v[o + d]! /= z;
}

function main(argv: string[]): void {
  const [outPath, dataDir, ...rest] = argv;
  if (!outPath || !dataDir) throw new Error('clusters: usage: clusters.js OUT.json DATA_DIR [--exclude NAME ...]');
  const exclude = rest.filter((a) => a !== '--exclude');
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const file of listJsonl(dataDir)) {
    if (exclude.some((x) => file.includes(x))) continue;
    const before = texts.length;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const found: string[] = [];
      collectTexts(JSON.parse(line) as unknown, '', found);
      for (const t of found) {
        if (seen.has(t)) continue;
        seen.add(t);
        texts.push(t);
      }
    }
    process.stderr.write(`${file}: ${texts.length - before} texts\n`);
  }
  // Token ids, case-sensitive.
  const ids = new Map<string, number>();
  const words: string[] = [];
  const freq: number[] = [];
  const stream: number[] = [];
  for (const t of texts) {
    stream.push(-1);
    for (const tok of tokenize(t)) {
      let id = ids.get(tok.text);
      if (id === undefined) {
        id = words.length;
        ids.set(tok.text, id);
        words.push(tok.text);
        freq.push(0);
      }
      freq[id]!++;
      stream.push(id);
    }
  }
  stream.push(-1);
  process.stderr.write(`${stream.length} tokens, ${words.length} types\n`);
  // Context vocabulary: the most frequent lowercased forms.
  const lowFreq = new Map<string, number>();
  words.forEach((w, i) => lowFreq.set(w.toLowerCase(), (lowFreq.get(w.toLowerCase()) ?? 0) + freq[i]!));
  const ctxWords = [...lowFreq.entries()].sort((a, b) => b[1] - a[1]).slice(0, CONTEXT_WORDS).map((e) => e[0]);
  const ctxId = new Map(ctxWords.map((w, i) => [w, i]));
  const tokCtx = words.map((w) => ctxId.get(w.toLowerCase()) ?? -1);
  const vocab: number[] = [];
  const vocabIndex = new Int32Array(words.length).fill(-1);
  words.forEach((_, i) => {
    if (freq[i]! >= MIN_FREQ) {
      vocabIndex[i] = vocab.length;
      vocab.push(i);
    }
  });
  const V = vocab.length;
  const D = CONTEXT_WORDS * 4;
  // Pair codes (vocab index * D + context dim), sorted then run-length counted.
  const codes: number[] = [];
  const offsets = [-2, -1, 1, 2];
  for (let p = 0; p < stream.length; p++) {
    const id = stream[p]!;
    if (id < 0) continue;
    const v = vocabIndex[id]!;
    if (v < 0) continue;
    for (let k = 0; k < 4; k++) {
      const q = p + offsets[k]!;
      const cid = stream[q] ?? -1;
      // Do not look across document boundaries.
      if (cid < 0) continue;
      if (offsets[k] === -2 && stream[p - 1]! < 0) continue;
      if (offsets[k] === 2 && stream[p + 1]! < 0) continue;
      const c = tokCtx[cid]!;
      if (c < 0) continue;
      codes.push(v * D + k * CONTEXT_WORDS + c);
    }
  }
  const sorted = Float64Array.from(codes).sort();
  process.stderr.write(`${V} vocabulary words, ${sorted.length} context pairs\n`);
  const rowTotal = new Float64Array(V);
  const colTotal = new Float64Array(D);
  for (const code of sorted) {
    rowTotal[Math.floor(code / D)]!++;
    colTotal[code % D]!++;
  }
  const N = sorted.length;
  // Sparse PPMI rows (CSR), L2-normalised. No projection: k-means runs on the sparse rows directly.
  const rowPtr = new Int32Array(V + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  let i = 0;
  let row = 0;
  while (i < N) {
    const code = sorted[i]!;
    let j = i;
    while (j < N && sorted[j] === code) j++;
    const count = j - i;
    const v = Math.floor(code / D);
    const c = code % D;
    while (row < v) rowPtr[++row] = cols.length;
    const pmi = Math.log((count * N) / (rowTotal[v]! * Math.pow(colTotal[c]!, 0.75) * Math.pow(N, 0.25)));
    if (pmi > 0) {
      cols.push(c);
      vals.push(pmi);
    }
    i = j;
  }
  while (row < V) rowPtr[++row] = cols.length;
  const colIdx = Int32Array.from(cols);
  const val = Float32Array.from(vals);
  for (let v = 0; v < V; v++) {
    let s = 0;
    for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) s += val[p]! * val[p]!;
    const z = Math.sqrt(s) || 1;
    for (let p = rowPtr[v]!; p < rowPtr[v + 1]!; p++) val[p]! /= z;
  }
  process.stderr.write(`${val.length} non-zero PPMI entries\n`);
  const rand = rng(17);
  const weights = Float64Array.from(vocab, (id) => Math.log(1 + freq[id]!));
  const fine = sparseKmeans(rowPtr, colIdx, val, V, D, K[0]!, 10, weights, rand);
  const cw = new Float64Array(K[0]!).fill(1);
  const mid = kmeans(fine.centroids, K[0]!, D, K[1]!, 10, cw, rand);
  const coarse = kmeans(fine.centroids, K[0]!, D, K[2]!, 10, cw, rand);
  const out: Record<string, string> = {};
  for (let v = 0; v < V; v++) {
    const f = fine.assign[v]!;
    out[words[vocab[v]!]!] = `a${coarse.assign[f]!} b${mid.assign[f]!} c${f}`;
  }
  writeFileSync(outPath, JSON.stringify(out));
  process.stderr.write(`wrote ${V} words to ${outPath}\n`);
}

main(process.argv.slice(2));
