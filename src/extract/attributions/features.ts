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
export function blockFeatures(doc: Doc, block: Block, sentenceOfToken: Int32Array): Int32Array {
  const toks = doc.tokens;
  const n = block.tokenEnd - block.tokenStart;
  const lw: string[] = new Array<string>(n);
  const shape: string[] = new Array<string>(n);
  const cue = new Uint8Array(n);
  const inQ = new Uint8Array(n);
  const qEdge = new Uint8Array(n);
  let open = false;
  for (let k = 0; k < n; k++) {
    const t = toks[block.tokenStart + k]!;
    const l = t.text.toLowerCase();
    lw[k] = l;
    shape[k] = t.kind === 'word' || t.kind === 'number' ? shapeOf(t.text) : t.text;
    if (CUE_WORDS.has(l)) cue[k] = 1;
    const tx = t.text;
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
    if (lw[k] === ',') commas++;
    else if (lw[k] === 'that' && lastCue >= 0) that = 1;
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
    if (lw[k] === ',') commas++;
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
  for (let k = 0; k < n; k++) {
    const w = lw[k]!;
    hw[k] = strHash(w);
    hs[k] = strHash(shape[k]!);
    hx3[k] = strHash(w, w.length > 3 ? w.length - 3 : 0);
    hx2[k] = strHash(w, w.length > 2 ? w.length - 2 : 0);
  }
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
    while (j < n && sentenceOfToken[block.tokenStart + j] === si) {
      if (qEdge[j]) has = 1;
      j++;
    }
    sentQuote.fill(has, k, j);
    k = j;
  }
  const W = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : hw[k]!);
  const S = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : hs[k]!);
  for (let k = 0; k < n; k++) {
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
    out[o] = feat(0, 0, 0, 0);
    out[o + 1] = feat(1, hw[k]!, 0, 0);
    out[o + 2] = feat(2, hs[k]!, 0, 0);
    out[o + 3] = feat(3, hx3[k]!, 0, 0);
    out[o + 4] = feat(4, hx2[k]!, 0, 0);
    out[o + 5] = feat(5, W(k - 1), 0, 0);
    out[o + 6] = feat(6, W(k + 1), 0, 0);
    out[o + 7] = feat(7, W(k - 2), 0, 0);
    out[o + 8] = feat(8, W(k + 2), 0, 0);
    out[o + 9] = feat(9, W(k - 1), hw[k]!, 0);
    out[o + 10] = feat(10, hw[k]!, W(k + 1), 0);
    out[o + 11] = feat(11, S(k - 1), hs[k]!, S(k + 1));
    out[o + 12] = feat(12, q, 0, 0);
    out[o + 13] = feat(13, qEdge[k]!, 0, 0);
    out[o + 14] = feat(14, rel, 0, 0);
    out[o + 15] = feat(15, q, rel, 0);
    out[o + 16] = feat(16, cl, 0, 0);
    out[o + 17] = feat(17, cr, 0, 0);
    out[o + 18] = feat(18, cl, cr, 0);
    out[o + 19] = feat(19, bucket(posInSent), 0, 0);
    out[o + 20] = feat(20, bucket(toEnd), 0, 0);
    out[o + 21] = feat(21, cue[k]!, k > 0 ? cue[k - 1]! : 2, k + 1 < n ? cue[k + 1]! : 2);
    out[o + 22] = feat(22, q, hw[k]!, 0);
    out[o + 23] = feat(23, rel, hx3[k]!, 0);
    out[o + 24] = feat(24, lc, leftC[k]!, thatL[k]!);
    out[o + 25] = feat(25, rc, rightC[k]!, 0);
    out[o + 26] = feat(26, leftC[k]!, rightC[k]!, q);
    out[o + 27] = feat(27, hs[k]!, cr, 0);
    out[o + 28] = feat(28, k > 0 ? qEdge[k - 1]! : 3, 0, 0);
    out[o + 29] = feat(29, k + 1 < n ? qEdge[k + 1]! : 3, 0, 0);
    const first = sent ? sent.tokenStart - block.tokenStart : 0;
    out[o + 30] = feat(30, first >= 0 && first < n ? hw[first]! : BOS, rel, 0);
    out[o + 31] = feat(31, W(k - 1), W(k + 1), 0);
    out[o + 32] = feat(32, qL[k]! < 0 ? 99 : bucket(qL[k]!), qR[k]! < 0 ? 99 : bucket(qR[k]!), q);
    out[o + 33] = feat(33, hs[k]!, posInSent === 0 ? 1 : 0, 0);
    out[o + 34] = feat(34, W(k - 3), 0, 0);
    out[o + 35] = feat(35, W(k + 3), 0, 0);
    out[o + 36] = feat(36, capRun[k]!, rel, cr);
    out[o + 37] = feat(37, sentQuote[k]!, rel, q);
    out[o + 38] = feat(38, r < 0 ? 0 : W(k + r - 1), cr, 0);
    out[o + 39] = feat(39, l < 0 ? 0 : W(k - l + 1), cl, 0);
  }
  return out;
}

/** Features per token (fixed: every template fires once, with "none" values where absent). */
export const NFEATURES = 40;
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
