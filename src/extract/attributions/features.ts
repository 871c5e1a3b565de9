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
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function bucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 6) return '4';
  if (d <= 10) return '7';
  if (d <= 20) return '11';
  return '21';
}

/**
 * Feature strings for every token of a block, in order. Example: in `He said the plan "will work."`
 * the token `plan` gets `w=plan`, `cl=2` (a cue word two tokens to the left), `rel=after`, `q=0`...
 */
export function blockFeatures(doc: Doc, block: Block, sentenceOfToken: Int32Array): string[][] {
  const toks = doc.tokens;
  const n = block.tokenEnd - block.tokenStart;
  const lw: string[] = new Array<string>(n);
  const shape: string[] = new Array<string>(n);
  const cue = new Uint8Array(n);
  const inQ = new Uint8Array(n);
  const qEdge: string[] = new Array<string>(n).fill('');
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
      qEdge[k] = 'open';
      inQ[k] = 1;
    } else if (CLOSE_QUOTES.has(tx) || (tx === '"' && open)) {
      inQ[k] = open ? 1 : 0;
      open = false;
      qEdge[k] = 'close';
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
  const out: string[][] = new Array<string[]>(n);
  const at = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : lw[k]!);
  const shp = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : shape[k]!);
  for (let k = 0; k < n; k++) {
    const gi = block.tokenStart + k;
    const si = sentenceOfToken[gi]!;
    const sent = doc.sentences[si];
    const posInSent = sent ? gi - sent.tokenStart : 0;
    const toEnd = sent ? sent.tokenEnd - 1 - gi : 0;
    const w = lw[k]!;
    const rel = leftD[k]! < 0 ? (rightD[k]! < 0 ? 'none' : 'before') : rightD[k]! < 0 ? 'after' : 'between';
    const q = inQ[k] ? '1' : '0';
    const sufx = w.length > 3 ? w.slice(-3) : w;
    const f: string[] = [
      'b',
      'w=' + w,
      's=' + shape[k],
      'x3=' + sufx,
      'x2=' + (w.length > 2 ? w.slice(-2) : w),
      'w-1=' + at(k - 1),
      'w+1=' + at(k + 1),
      'w-2=' + at(k - 2),
      'w+2=' + at(k + 2),
      'w-1w=' + at(k - 1) + '|' + w,
      'ww+1=' + w + '|' + at(k + 1),
      'sss=' + shp(k - 1) + '|' + shape[k] + '|' + shp(k + 1),
      'q=' + q,
      'qe=' + qEdge[k],
      'rel=' + rel,
      'qrel=' + q + rel,
      'cl=' + (leftD[k]! < 0 ? '-' : bucket(leftD[k]!)),
      'cr=' + (rightD[k]! < 0 ? '-' : bucket(rightD[k]!)),
      'clr=' + (leftD[k]! < 0 ? '-' : bucket(leftD[k]!)) + '|' + (rightD[k]! < 0 ? '-' : bucket(rightD[k]!)),
      'ps=' + bucket(posInSent),
      'pe=' + bucket(toEnd),
      'cue=' + cue[k] + '|' + (k > 0 ? cue[k - 1] : 0) + '|' + (k + 1 < n ? cue[k + 1] : 0),
      'qw=' + q + w,
      'rw=' + rel + '|' + sufx,
      'lc=' + (leftD[k]! < 0 ? '-' : lw[k - leftD[k]!]) + '|' + leftC[k] + thatL[k],
      'rc=' + (rightD[k]! < 0 ? '-' : lw[k + rightD[k]!]) + '|' + rightC[k],
      'cc=' + leftC[k] + '|' + rightC[k] + '|' + q,
      'scr=' + shape[k] + '|' + (rightD[k]! < 0 ? '-' : bucket(rightD[k]!)),
    ];
    if (k > 0 && qEdge[k - 1]) f.push('pq=' + qEdge[k - 1]);
    if (k + 1 < n && qEdge[k + 1]) f.push('nq=' + qEdge[k + 1]);
    out[k] = f;
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
