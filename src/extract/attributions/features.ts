/**
 * Token features for the attribution tagger, shared by inference and the training script so both see
 * exactly the same input. A document is tagged paragraph by paragraph (quotes and reported speech can
 * run over sentence ends but rarely over paragraph breaks).
 */
import type { Doc } from '../types.js';
import { CUE_WORDS } from './lexicon.js';

/** A run of tokens between line breaks: the unit the tagger decodes. */
export interface Block {
  /** Index of the first token and one past the last, in `Doc.tokens`. */
  tokenStart: number;
  tokenEnd: number;
}

/** Splits a document into blocks at line breaks (paragraphs; titles are their own block). */
export function blocksOf(doc: Doc): Block[] {
  const out: Block[] = [];
  let first = 0;
  const toks = doc.tokens;
  for (let i = 1; i < toks.length; i++) {
    if (toks[i]!.newlineBefore) {
      out.push({ tokenStart: first, tokenEnd: i });
      first = i;
    }
  }
  if (toks.length > first) out.push({ tokenStart: first, tokenEnd: toks.length });
  return out;
}

const OPEN_QUOTES = new Set(['“', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '»']);

function shapeOf(s: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < s.length && out.length < 6; i++) {
    const ch = s[i]!;
    const code = s.charCodeAt(i);
    let c: string;
    // ASCII fast path (same classes as the general test below, without allocating per character).
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = ch;
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function isCapWord(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90 && s.length > 1;
}

function bucket(d: number): number {
  if (d <= 3) return d;
  if (d <= 6) return 4;
  if (d <= 10) return 7;
  if (d <= 20) return 11;
  return 21;
}

/**
 * Hashed feature ids for every token of a block: `NFEATURES` per token, flat (token k's features are
 * `out[k * NFEATURES ... (k + 1) * NFEATURES)`). Example: in `He said the plan "will work."` the
 * token `plan` fires the word "plan", "a cue word two tokens to the left", "after the cue", "not in a
 * quote", ... Integers and hashing instead of feature strings: no string building per token.
 */
export function blockFeatures(
  doc: Doc,
  block: Block,
  sentenceOfToken: Int32Array,
  words: WordTable = new WordTable(null),
  live: Uint8Array | null = null,
  entries: Int32Array | null = null,
): Int32Array {
  const toks = doc.tokens;
  const n = block.tokenEnd - block.tokenStart;
  // Per-token word entries (memoised per word form in `words`: no string work for known words).
  const wi = new Int32Array(n);
  const cue = new Uint8Array(n);
  const inQ = new Uint8Array(n);
  const qEdge = new Uint8Array(n);
  words.reserve(n);
  let open = false;
  for (let k = 0; k < n; k++) {
    const t = toks[block.tokenStart + k]!;
    const e = words.entry(t);
    wi[k] = e;
    cue[k] = words.cue[e]!; // read after entry(): the table may have grown
    const tx = t.text;
    // Typewriter-style doubled quotes (''Yes,'' he said; ``Yes''): two adjacent one-character tokens
    // that act as one '"'; the second of the pair copies the first's marks.
    if ((tx === "'" || tx === '`') && k + 1 < n) {
      const nx = toks[block.tokenStart + k + 1]!;
      if (nx.text === tx && nx.start === t.end) {
        if (tx === '`' || !open) {
          open = true;
          qEdge[k] = qEdge[k + 1] = 1;
          inQ[k] = inQ[k + 1] = 1;
        } else {
          inQ[k] = inQ[k + 1] = 1;
          open = false;
          qEdge[k] = qEdge[k + 1] = 2;
        }
        wi[k + 1] = e;
        k++;
        continue;
      }
    }
    if (OPEN_QUOTES.has(tx) || (tx === '"' && !open)) {
      open = true;
      qEdge[k] = 1;
      inQ[k] = 1;
    } else if (CLOSE_QUOTES.has(tx) || (tx === '"' && open)) {
      inQ[k] = open ? 1 : 0;
      open = false;
      qEdge[k] = 2;
    } else inQ[k] = open ? 1 : 0;
  }
  const wMark = words.mark;
  // Nearest cue word to the left and right within the same sentence; first cue of each sentence.
  // Also: how many commas lie between the token and that cue, and whether "that" follows the left cue.
  const leftD = new Int32Array(n).fill(-1);
  const rightD = new Int32Array(n).fill(-1);
  const leftC = new Uint8Array(n);
  const rightC = new Uint8Array(n);
  const thatL = new Uint8Array(n);
  let lastCue = -1;
  let lastSent = -1;
  let commas = 0;
  let that = 0;
  for (let k = 0; k < n; k++) {
    const s = sentenceOfToken[block.tokenStart + k]!;
    if (s !== lastSent) {
      lastCue = -1;
      lastSent = s;
    }
    if (lastCue >= 0) {
      leftD[k] = k - lastCue;
      leftC[k] = commas > 2 ? 2 : commas;
      thatL[k] = that;
    }
    const mk = wMark[wi[k]!]!;
    if (mk === MARK_COMMA) commas++;
    else if (mk === MARK_THAT && lastCue >= 0) that = 1;
    if (cue[k]) {
      lastCue = k;
      commas = 0;
      that = 0;
    }
  }
  lastCue = -1;
  lastSent = -1;
  commas = 0;
  for (let k = n - 1; k >= 0; k--) {
    const s = sentenceOfToken[block.tokenStart + k]!;
    if (s !== lastSent) {
      lastCue = -1;
      lastSent = s;
    }
    if (lastCue >= 0) {
      rightD[k] = lastCue - k;
      rightC[k] = commas > 2 ? 2 : commas;
    }
    if (wMark[wi[k]!] === MARK_COMMA) commas++;
    if (cue[k]) {
      lastCue = k;
      commas = 0;
    }
  }
    const out = new Int32Array(n * NFEATURES);
  const hw = new Int32Array(n);
  const hs = new Int32Array(n);
  const hx3 = new Int32Array(n);
  const hx2 = new Int32Array(n);
  // Word classes (mid, fine cluster hashes); 0 for words without a class.
  const hc1 = new Int32Array(n);
  const hc2 = new Int32Array(n);
  const wh = words.hashes;
  for (let k = 0; k < n; k++) {
    const b = wi[k]! * WORD_HASHES;
    hw[k] = wh[b]!;
    hs[k] = wh[b + 1]!;
    hx3[k] = wh[b + 2]!;
    hx2[k] = wh[b + 3]!;
    hc1[k] = wh[b + 4]!;
    hc2[k] = wh[b + 5]!;
  }
  if (entries) entries.set(wi);
  // Distance to the nearest quote mark on each side (within the block), for quote-bounded content.
  const qL = new Int32Array(n).fill(-1);
  const qR = new Int32Array(n).fill(-1);
  let lastQ = -1;
  for (let k = 0; k < n; k++) {
    if (lastQ >= 0) qL[k] = k - lastQ;
    if (qEdge[k]) lastQ = k;
  }
  lastQ = -1;
  for (let k = n - 1; k >= 0; k--) {
    if (lastQ >= 0) qR[k] = lastQ - k;
    if (qEdge[k]) lastQ = k;
  }
  // Capitalised runs of two or more words (name-like), and sentences that hold a quote mark.
  const capRun = new Uint8Array(n);
  for (let k = 0; k < n; ) {
    let j = k;
    while (j < n && isCapWord(toks[block.tokenStart + j]!.text)) j++;
    if (j - k >= 2) capRun.fill(1, k, j);
    k = j > k ? j : k + 1;
  }
  const sentQuote = new Uint8Array(n);
  for (let k = 0; k < n; ) {
    const si = sentenceOfToken[block.tokenStart + k]!;
    let j = k;
    let has = 0;
    let gate = inQ[k]!;
    while (j < n && sentenceOfToken[block.tokenStart + j] === si) {
      if (qEdge[j]) has = 1;
      if (cue[j] || qEdge[j] || wMark[wi[j]!] === MARK_COLON) gate = 1;
      j++;
    }
    sentQuote.fill(has, k, j);
    if (live) live.fill(gate, k, j);
    k = j;
  }
  const W = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : hw[k]!);
  const S = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : hs[k]!);
  for (let k = 0; k < n; k++) {
    // Gated tokens (see `live`) are decoded as O whatever their features: leave them at 0.
    if (live && !live[k]) continue;
    const gi = block.tokenStart + k;
    const si = sentenceOfToken[gi]!;
    const sent = doc.sentences[si];
    const posInSent = sent ? gi - sent.tokenStart : 0;
    const toEnd = sent ? sent.tokenEnd - 1 - gi : 0;
    const l = leftD[k]!;
    const r = rightD[k]!;
    // rel: 0 no cue word in the sentence, 1 before the first, 2 after the last, 3 between two.
    const rel = l < 0 ? (r < 0 ? 0 : 1) : r < 0 ? 2 : 3;
    const q = inQ[k]!;
    const cl = l < 0 ? 99 : bucket(l);
    const cr = r < 0 ? 99 : bucket(r);
    const lc = l < 0 ? 0 : hw[k - l]!;
    const rc = r < 0 ? 0 : hw[k + r]!;
    const o = k * NFEATURES;
    out[o + 0] = feat(5, W(k - 1), 0, 0);
    out[o + 1] = feat(6, W(k + 1), 0, 0);
    out[o + 2] = feat(7, W(k - 2), 0, 0);
    out[o + 3] = feat(8, W(k + 2), 0, 0);
    out[o + 4] = feat(9, W(k - 1), hw[k]!, 0);
    out[o + 5] = feat(10, hw[k]!, W(k + 1), 0);
    out[o + 6] = feat(11, S(k - 1), hs[k]!, S(k + 1));
    out[o + 7] = feat(12, q, 0, 0);
    out[o + 8] = feat(13, qEdge[k]!, 0, 0);
    out[o + 9] = feat(14, rel, 0, 0);
    out[o + 10] = feat(15, q, rel, 0);
    out[o + 11] = feat(16, cl, 0, 0);
    out[o + 12] = feat(17, cr, 0, 0);
    out[o + 13] = feat(18, cl, cr, 0);
    out[o + 14] = feat(19, bucket(posInSent), 0, 0);
    out[o + 15] = feat(20, bucket(toEnd), 0, 0);
    out[o + 16] = feat(21, cue[k]!, k > 0 ? cue[k - 1]! : 2, k + 1 < n ? cue[k + 1]! : 2);
    out[o + 17] = feat(22, q, hw[k]!, 0);
    out[o + 18] = feat(23, rel, hx3[k]!, 0);
    out[o + 19] = feat(24, lc, leftC[k]!, thatL[k]!);
    out[o + 20] = feat(25, rc, rightC[k]!, 0);
    out[o + 21] = feat(26, leftC[k]!, rightC[k]!, q);
    out[o + 22] = feat(27, hs[k]!, cr, 0);
    out[o + 23] = feat(28, k > 0 ? qEdge[k - 1]! : 3, 0, 0);
    out[o + 24] = feat(29, k + 1 < n ? qEdge[k + 1]! : 3, 0, 0);
    const first = sent ? sent.tokenStart - block.tokenStart : 0;
    out[o + 25] = feat(30, first >= 0 && first < n ? hw[first]! : BOS, rel, 0);
    out[o + 26] = feat(31, W(k - 1), W(k + 1), 0);
    out[o + 27] = feat(32, qL[k]! < 0 ? 99 : bucket(qL[k]!), qR[k]! < 0 ? 99 : bucket(qR[k]!), q);
    out[o + 28] = feat(33, hs[k]!, posInSent === 0 ? 1 : 0, 0);
    out[o + 29] = feat(34, W(k - 3), 0, 0);
    out[o + 30] = feat(35, W(k + 3), 0, 0);
    out[o + 31] = feat(36, capRun[k]!, rel, cr);
    out[o + 32] = feat(37, sentQuote[k]!, rel, q);
    out[o + 33] = feat(38, r < 0 ? 0 : W(k + r - 1), cr, 0);
    out[o + 34] = feat(39, l < 0 ? 0 : W(k - l + 1), cl, 0);
    out[o + 35] = feat(41, hc1[k]!, rel, 0);
    out[o + 36] = feat(42, k > 0 ? hc1[k - 1]! : BOS, k + 1 < n ? hc1[k + 1]! : EOS, 0);
    out[o + 37] = feat(43, hc1[k]!, q, cr);
    // Word-only templates last: inference sums their weights once per word (WordTable.intrinsicSums).
    if (entries) continue;
    out[o + 38] = feat(0, 0, 0, 0);
    out[o + 39] = feat(1, hw[k]!, 0, 0);
    out[o + 40] = feat(2, hs[k]!, 0, 0);
    out[o + 41] = feat(3, hx3[k]!, 0, 0);
    out[o + 42] = feat(4, hx2[k]!, 0, 0);
    out[o + 43] = feat(40, hc2[k]!, 0, 0);
  }
  return out;
}

const MARK_COMMA = 1;
const MARK_THAT = 2;
const MARK_COLON = 3;
/** Hashes stored per word entry: word, shape, 3- and 2-letter suffix, mid and fine class. */
const WORD_HASHES = 6;
/** A table holding more entries than this starts afresh (bounds memory on endless input). */
const MAX_WORDS = 1 << 18;

/**
 * Per-word-form memo of everything the features need from a token's text alone (lowercased word,
 * shape and suffix hashes, word classes, cue-word flag, punctuation marks), so a known word costs
 * one map lookup instead of lowercasing, shaping and hashing. One table per model (it holds the
 * model's word classes); results never depend on what is memoised.
 */
export class WordTable {
  hashes = new Int32Array(WORD_HASHES * 1024);
  cue = new Uint8Array(1024);
  mark = new Uint8Array(1024);
  private readonly index = new Map<string, number>();
  private size = 0;

  constructor(private readonly classes: WordClasses | null) {}

  /** The entry of token `t` (keyed by its text and whether it is a word or number). */
  entry(t: { text: string; kind: string }): number {
    const wordish = t.kind === 'word' || t.kind === 'number';
    const key = wordish ? t.text : '\u0000' + t.text;
    const got = this.index.get(key);
    if (got !== undefined) return got;
    const e = this.size++;
    if (e >= this.cue.length) this.grow();
    const w = t.text.toLowerCase();
    const b = e * WORD_HASHES;
    const h = this.hashes;
    h[b] = strHash(w);
    h[b + 1] = strHash(wordish ? shapeOf(t.text) : t.text);
    h[b + 2] = strHash(w, w.length > 3 ? w.length - 3 : 0);
    h[b + 3] = strHash(w, w.length > 2 ? w.length - 2 : 0);
    const c = this.classes ? (this.classes.get(t.text) ?? this.classes.get(w)) : undefined;
    h[b + 4] = c ? c[1]! : 0;
    h[b + 5] = c ? c[2]! : 0;
    this.cue[e] = CUE_WORDS.has(w) ? 1 : 0;
    this.mark[e] = w === ',' ? MARK_COMMA : w === 'that' ? MARK_THAT : w === ':' ? MARK_COLON : 0;
    this.index.set(key, e);
    return e;
  }

  /** Makes room for `n` new entries; called before a block, never inside (entries stay valid). */
  reserve(n: number): void {
    if (this.size + n > MAX_WORDS) {
      this.index.clear();
      this.size = 0;
      this.sumsReady.fill(0);
    }
  }

  /** Per entry: the summed weight rows (8 per entry) of its word-only features; see intrinsicSums. */
  sums = new Float64Array(0);
  private sumsReady = new Uint8Array(0);

  /**
   * Offset in `sums` of entry `e`'s summed weights over its word-only features (the templates after
   * NCONTEXT), from packed weight rows of 8 (model.ts). Only for a table used with one fixed model
   * (tag.ts keeps one per model): the sums are computed once per word.
   */
  intrinsicSums(e: number, rows: Int16Array): number {
    if (e >= this.sumsReady.length) {
      const n = Math.max(this.cue.length, e + 1);
      const s = new Float64Array(n * 8);
      s.set(this.sums);
      this.sums = s;
      const r = new Uint8Array(n);
      r.set(this.sumsReady);
      this.sumsReady = r;
    }
    const off = e * 8;
    if (!this.sumsReady[e]) {
      const b = e * WORD_HASHES;
      const h = this.hashes;
      const ids = [feat(0, 0, 0, 0), feat(1, h[b]!, 0, 0), feat(2, h[b + 1]!, 0, 0), feat(3, h[b + 2]!, 0, 0), feat(4, h[b + 3]!, 0, 0), feat(40, h[b + 5]!, 0, 0)];
      const s = this.sums;
      s.fill(0, off, off + 8);
      for (const id of ids) for (let c = 0; c < 8; c++) s[off + c]! += rows[id * 8 + c]!;
      this.sumsReady[e] = 1;
    }
    return off;
  }

  private grow(): void {
    const n = this.cue.length * 2;
    const h = new Int32Array(WORD_HASHES * n);
    h.set(this.hashes);
    this.hashes = h;
    const c = new Uint8Array(n);
    c.set(this.cue);
    this.cue = c;
    const m = new Uint8Array(n);
    m.set(this.mark);
    this.mark = m;
  }
}

/** Features per token (fixed: every template fires once, with "none" values where absent). */
export const NFEATURES = 44;
/**
 * The first NCONTEXT features of a token depend on its context; the rest on the word alone (bias,
 * word, shape, suffixes, fine class), so inference can sum their weights once per word.
 */
export const NCONTEXT = 38;
/** log2 of the number of hashed feature buckets. */
export const HASH_BITS = 20;
const MASK = (1 << HASH_BITS) - 1;
const BOS = 0x5bd1e995;
const EOS = 0x1b873593;

/** FNV-1a over the UTF-16 code units of `s` from `from` (suffixes without slicing). */
function strHash(s: string, from = 0): number {
  let h = 0x811c9dc5;
  for (let i = from; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Hashes a template id and up to three values into a feature bucket (hashing trick). */
function feat(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 1, 0x9e3779b1);
  h = Math.imul(h ^ a, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h ^ b, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h ^ c, 0x27d4eb2f);
  h ^= h >>> 15;
  return h & MASK;
}

/**
 * Word classes for the tagger: word (exact form, or lowercased) -> hashed class ids at three
 * granularities (coarse, mid, fine). Built from the clusters stored in the model header
 * (`{"said": "a6 b47 c246"}`), so unseen verbs of saying share weights with seen ones.
 */
export type WordClasses = ReadonlyMap<string, Int32Array>;

/** Builds word classes from `word -> "id id id"` records (ids hashed once, here). */
export function wordClassesFrom(clusters: Readonly<Record<string, string>>): WordClasses {
  const ids = new Map<string, number>();
  const out = new Map<string, Int32Array>();
  for (const [w, v] of Object.entries(clusters)) {
    const parts = v.split(' ');
    const a = new Int32Array(3);
    for (let i = 0; i < 3 && i < parts.length; i++) {
      const p = parts[i]!;
      let h = ids.get(p);
      if (h === undefined) {
        h = strHash(p) | 1;
        ids.set(p, h);
      }
      a[i] = h;
    }
    out.set(w, a);
  }
  return out;
}

/** For each token, the index of its sentence (tokens outside any sentence get the previous one). */
export function sentenceIndex(doc: Doc): Int32Array {
  const out = new Int32Array(doc.tokens.length);
  let s = 0;
  for (let i = 0; i < doc.tokens.length; i++) {
    while (s + 1 < doc.sentences.length && doc.sentences[s]!.tokenEnd <= i) s++;
    out[i] = s;
  }
  return out;
}
