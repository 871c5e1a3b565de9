/**
 * Trains the attribution tagger (averaged structured perceptron, Viterbi over BIO role tags) on a
 * PolNeAR-format JSONL file and writes models/attribution/tagger.bin.gz. Reads the data only at run
 * time; nothing of it is copied into the repository except the learned weights.
 *
 *   nice node dist/extract/attributions/train/train.js --data ../shared/data/attribution/polnear_dev.jsonl \
 *     [--epochs 8] [--min-count 2] [--holdout 5] [--final] [--out models/attribution/tagger.bin.gz]
 *
 * The held-out split is every document whose sha1(id) first byte % 5 === 0 (about 20%): the model is
 * trained on the rest and scored there with ../shared/tools/attribution_score.py. With `--final` it is
 * then retrained on all documents (the held-out score stays the honest number, recorded in the model).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { prepareDoc, tokenIndexAt } from '../../common/text.js';
import type { Doc } from '../../types.js';
import { assemble, type RoleSpan } from '../assemble.js';
import { blockFeatures, blocksOf, HASH_BITS, NFEATURES, sentenceIndex, WordTable } from '../features.js';
import { loadModel, NTAGS, TAGS, serializeModel, viterbi, type TaggerModel } from '../model.js';
import { tagDoc, wordsOf } from '../tag.js';
import { pathToFileURL } from 'node:url';

interface GoldSpan {
  start: number;
  end: number;
  segments?: [number, number][];
}
interface GoldDoc {
  id: string;
  text: string;
  attributions: { source: GoldSpan | null; cue: GoldSpan | null; content: GoldSpan | null }[];
}

interface Example {
  ids: Int32Array;
  gold: Uint8Array;
  /** The decoder's gate (features.ts): tokens the tagger may label at all. */
  live: Uint8Array;
}

const ROLE_OF = { source: 'SRC', cue: 'CUE', content: 'CON' } as const;

function goldTags(doc: Doc, g: GoldDoc): Uint8Array {
  const n = doc.tokens.length;
  const tags = new Uint8Array(n);
  const taken = new Uint8Array(n);
  for (const a of g.attributions) {
    for (const key of ['source', 'cue', 'content'] as const) {
      const sp = a[key];
      if (!sp) continue;
      const segs = sp.segments && sp.segments.length > 0 ? sp.segments : [[sp.start, sp.end] as [number, number]];
      const role = ROLE_OF[key];
      for (const [s, e] of segs) {
        let first = true;
        for (let i = tokenIndexAt(doc.tokens, s); i < n && doc.tokens[i]!.start < e; i++) {
          if (taken[i]) {
            first = false;
            continue;
          }
          taken[i] = 1;
          tags[i] = TAGS.indexOf((first ? 'B-' : 'I-') + role as (typeof TAGS)[number]);
          first = false;
        }
      }
    }
  }
  return tags;
}


/** Deterministic PRNG (mulberry32) for shuffling. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function examplesOf(docs: GoldDoc[], words: WordTable): { ex: Example[]; prepared: { g: GoldDoc; doc: Doc; sot: Int32Array }[] } {
  const ex: Example[] = [];
  const prepared: { g: GoldDoc; doc: Doc; sot: Int32Array }[] = [];
  for (const g of docs) {
    const doc = prepareDoc({ id: g.id, text: g.text });
    const sot = sentenceIndex(doc);
    const tags = goldTags(doc, g);
    prepared.push({ g, doc, sot });
    for (const b of blocksOf(doc)) {
      const live = new Uint8Array(b.tokenEnd - b.tokenStart);
      ex.push({ ids: blockFeatures(doc, b, sot, words, live), gold: tags.slice(b.tokenStart, b.tokenEnd), live });
    }
  }
  return { ex, prepared };
}

function train(ex: Example[], epochs: number, minCount: number, log: (s: string) => void): TaggerModel {
  // Buckets seen fewer than minCount times in training are never updated (rare-feature cut-off).
  const nB = 1 << HASH_BITS;
  const counts = new Uint32Array(nB);
  for (const e of ex) for (const id of e.ids) counts[id]!++;
  const live = new Uint8Array(nB);
  let kept = 0;
  for (let i = 0; i < nB; i++) if (counts[i]! >= minCount) {
    live[i] = 1;
    kept++;
  }
  log(`feature buckets: ${kept} of ${nB} kept (count >= ${minCount})`);
  const nW = nB * NTAGS;
  const nT = (NTAGS + 1) * NTAGS;
  const w = new Float64Array(nW);
  const wu = new Float64Array(nW);
  const t = new Float64Array(nT);
  const tu = new Float64Array(nT);
  let c = 1;
  const rand = rng(17);
  const order = ex.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let wrong = 0;
    let total = 0;
    for (const oi of order) {
      const e = ex[oi]!;
      const ids = e.ids;
      const pred = viterbi(ids, NFEATURES, w, t, e.live);
      const gold = e.gold;
      total += gold.length;
      for (let k = 0; k < gold.length; k++) {
        const g = gold[k]!;
        const p = pred[k]!;
        const gPrev = k === 0 ? NTAGS : gold[k - 1]!;
        const pPrev = k === 0 ? NTAGS : pred[k - 1]!;
        // Gated tokens can only be O: nothing to learn from them (their gold role is out of reach).
        if (!e.live[k] || (k > 0 && !e.live[k - 1])) continue;
        if (g !== p) {
          wrong++;
          for (let j = k * NFEATURES; j < (k + 1) * NFEATURES; j++) {
            const f = ids[j]!;
            if (!live[f]) continue;
            w[f * NTAGS + g]! += 1;
            wu[f * NTAGS + g]! += c;
            w[f * NTAGS + p]! -= 1;
            wu[f * NTAGS + p]! -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          t[gPrev * NTAGS + g]! += 1;
          tu[gPrev * NTAGS + g]! += c;
          t[pPrev * NTAGS + p]! -= 1;
          tu[pPrev * NTAGS + p]! -= c;
        }
      }
      c++;
    }
    log(`epoch ${ep + 1}: token error ${(wrong / total).toFixed(4)}`);
  }
  const weights = new Float32Array(nW);
  for (let i = 0; i < nW; i++) weights[i] = w[i]! - wu[i]! / c;
  const trans = new Float32Array(nT);
  for (let i = 0; i < nT; i++) trans[i] = t[i]! - tu[i]! / c;
  return { bits: HASH_BITS, weights, trans, meta: {} };
}

/** Scores `model` on `prepared` docs with the shared scorer; returns its key=value summary. */
function score(model: TaggerModel, prepared: { g: GoldDoc; doc: Doc; sot: Int32Array }[], scorer: string, log: (s: string) => void): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-attr-'));
  const goldPath = join(dir, 'gold.jsonl');
  writeFileSync(goldPath, prepared.map((p) => JSON.stringify(p.g)).join('\n') + '\n');
  const out: Record<string, string> = {};
  for (const mode of ['segments', 'extract'] as const) {
    const rows = prepared.map(({ g, doc, sot }) => {
      const spans: RoleSpan[] = tagDoc(doc, model).spans;
      // 'extract': what `tri extract` writes and eval_dev.py reads (speaker, cue, first content
      // segment; each later segment of a split quote as a speakerless attribution of its own, as
      // refiners.ts continuationsRefiner adds them).
      const atts = assemble(doc, spans, sot).flatMap((a) => [
        {
          source: a.speaker ? { start: a.speaker.start, end: a.speaker.end } : null,
          cue: a.cue ? { start: a.cue.start, end: a.cue.end } : null,
          content: a.content
            ? mode === 'segments'
              ? { segments: [a.content, ...a.contentSegments].map((s) => [s.start, s.end]) }
              : { start: a.content.start, end: a.content.end }
            : null,
        },
        ...(mode === 'extract' ? a.contentSegments.map((s) => ({ source: null, cue: null, content: { start: s.start, end: s.end } })) : []),
      ]);
      return JSON.stringify({ id: g.id, attributions: atts });
    });
    const predPath = join(dir, `pred-${mode}.jsonl`);
    writeFileSync(predPath, rows.join('\n') + '\n');
    const r = spawnSync('python3', [scorer, goldPath, '--pred', predPath], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`attributions train: scorer failed: ${r.stderr}`);
    const lines = r.stdout.trim().split('\n');
    log(`held-out (${mode} content):\n` + lines.slice(-10).join('\n'));
    for (const kv of (lines[lines.length - 1] ?? '').split(' ')) {
      const [k, v] = kv.split('=');
      if (k && v) out[`${mode}_${k}`] = v;
    }
  }
  return out;
}

/** Adds `b` to every transition into a B- tag: a decode-time push towards opening more spans. */
function withBias(trans: Float32Array, b: number): Float32Array {
  const out = Float32Array.from(trans);
  for (let p = 0; p <= NTAGS; p++) for (let c = 1; c < NTAGS; c++) if (TAGS[c]!.startsWith('B-')) out[p * NTAGS + c]! += b;
  return out;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '../shared/data/attribution/polnear_dev.jsonl' },
      scorer: { type: 'string', default: '../shared/tools/attribution_score.py' },
      out: { type: 'string', default: 'models/attribution/tagger.bin.gz' },
      epochs: { type: 'string', default: '8' },
      'min-count': { type: 'string', default: '2' },
      holdout: { type: 'string', default: '5' },
      final: { type: 'boolean', default: false },
      'no-eval': { type: 'boolean', default: false },
      // Scores an existing model on the held-out split (no training): the honest number for eval/.
      'eval-only': { type: 'string' },
      // With --eval-only: also score with these decode biases for non-O tags (comma-separated).
      'bias-grid': { type: 'string' },
      // Bias added to every transition into a non-O tag before saving (raises span recall).
      bias: { type: 'string', default: '0' },
      // With --final: take the held-out scores from MODEL (a train-part model of this same code and
      // settings, written by a run without --final) instead of training and scoring the train part again.
      'heldout-from': { type: 'string' },
      // Word clusters (JSON `{word: "coarse mid fine"}`, as written by entities/train/clusters.ts),
      // stored in the model and read by the features.
      clusters: { type: 'string' },
      // Model selection without touching the held-out split: leave the held-out fold (0) out
      // entirely, train on the other folds but this one, and score (or --bias-grid) on this one.
      'tune-fold': { type: 'string' },
    },
  });
  const log = (s: string): void => void process.stderr.write(s + '\n');
  const epochs = Number(values.epochs);
  const minCount = Number(values['min-count']);
  const mod = Number(values.holdout);
  const docs = readFileSync(values.data!, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldDoc);
  const fold = (id: string): number => createHash('sha1').update(id).digest()[0]! % mod;
  const tune = values['tune-fold'] !== undefined ? Number(values['tune-fold']) : 0;
  if (!(tune >= 0 && tune < mod) || (tune !== 0 && values.final)) throw new Error('--tune-fold: 1..holdout-1, not with --final');
  const isHeld = (id: string): boolean => fold(id) === tune;
  // With --tune-fold, the real held-out fold 0 is neither trained nor scored on.
  const usable = docs.filter((d) => tune === 0 || fold(d.id) !== 0);
  const trainDocs = usable.filter((d) => !isHeld(d.id));
  const heldDocs = usable.filter((d) => isHeld(d.id));
  log(`docs: ${docs.length} (train ${trainDocs.length}, ${tune === 0 ? 'held-out' : `tuning fold ${tune}`} ${heldDocs.length})`);
  if (values['eval-only']) {
    const m = loadModel(pathToFileURL(values['eval-only']));
    const prepared = examplesOf(heldDocs, new WordTable(null)).prepared;
    for (const b of (values['bias-grid'] ?? '').split(',').filter((x) => x !== '')) {
      // Without `packed` (built from the unbiased transitions when the file was read): tag.ts repacks.
      const { packed: _packed, ...plain } = m;
      const r = score({ ...plain, trans: withBias(m.trans, Number(b)) }, prepared, values.scorer!, () => {});
      process.stdout.write(`bias ${b}: ${['source', 'cue', 'content'].map((k) => `${k}=${r[`segments_${k}_exact_f1`]}/${r[`extract_${k}_exact_f1`]}`).join(' ')}\n`);
    }
    const r = score(m, prepared, values.scorer!, log);
    const trainedOn = String(m.meta.trainedOn ?? '?');
    process.stdout.write(`trained on: ${trainedOn}\n`);
    // A model retrained on all documents has seen the held-out split: its live score there is
    // contaminated, so the honest number is the one recorded when the train-part model was scored.
    const stored = (m.meta.heldoutScores ?? {}) as Record<string, string>;
    const honest = trainedOn === 'all documents' ? stored : r;
    process.stdout.write(`live held-out score (${trainedOn === 'all documents' ? 'CONTAMINATED: model trained on all documents' : 'honest'}): ` +
      Object.entries(r).map(([k, v]) => `${k}=${v}`).join(' ') + '\n');
    process.stdout.write(Object.entries(honest).map(([k, v]) => `heldout_${k}=${v}`).join(' ') + '\n');
    return;
  }
  const bias = Number(values.bias);
  const clusters = values.clusters ? (JSON.parse(readFileSync(values.clusters, 'utf8')) as Record<string, string>) : undefined;
  const words = wordsOf({ bits: 0, weights: new Float32Array(0), trans: new Float32Array(0), meta: {}, ...(clusters ? { clusters } : {}) });
  let model: TaggerModel;
  let held: Record<string, string> = {};
  if (values['heldout-from'] && values.final) {
    const prev = loadModel(pathToFileURL(values['heldout-from']));
    held = (prev.meta.heldoutScores ?? {}) as Record<string, string>;
    log(`held-out scores taken from ${values['heldout-from']}`);
    model = prev;
  } else {
    model = train(examplesOf(trainDocs, words).ex, epochs, minCount, log);
    if (clusters) model.clusters = clusters;
    if (bias !== 0) model.trans = withBias(model.trans, bias);
    if (!values['no-eval']) held = score(model, examplesOf(heldDocs, words).prepared, values.scorer!, log);
  }
  const meta: Record<string, unknown> = {
    data: 'PolNeAR polnear_dev.jsonl (../shared/data/attribution)',
    command: `node dist/extract/attributions/train/train.js --epochs ${epochs} --min-count ${minCount} --holdout ${mod}${bias !== 0 ? ` --bias=${bias}` : ''}${tune !== 0 ? ` --tune-fold ${tune}` : ''}${values.final ? ' --final' : ''}`,
    heldout: `sha1(id)[0] % ${mod} === ${tune}: ${heldDocs.length} docs${tune !== 0 ? ' (tuning fold; fold 0 left out)' : ''}`,
    heldoutScores: held,
    trainedOn: values.final ? 'all documents' : 'train part only',
  };
  if (values.final) {
    log('retraining on all documents');
    model = train(examplesOf(docs, words).ex, epochs, minCount, log);
    if (clusters) model.clusters = clusters;
    if (bias !== 0) model.trans = withBias(model.trans, bias);
  }
  if (bias !== 0) meta.decodeBias = bias;
  model.meta = meta;
  const buf = serializeModel(model);
  writeFileSync(values.out!, buf);
  log(`wrote ${values.out} (${(buf.length / 1e6).toFixed(2)} MB)`);
}

main();
