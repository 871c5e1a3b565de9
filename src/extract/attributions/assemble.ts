/**
 * From role spans to attributions: every cue becomes one attribution; each content span joins the
 * nearest cue (so `"A," he said, "B"` gives one cue with two content segments) and each source span
 * the nearest cue that has no source yet. Distances are in tokens; crossing a sentence end costs
 * extra, because a speaker almost always sits in the cue's own sentence.
 */
import type { Span } from '../../types.js';
import type { Doc } from '../types.js';
import { TAGS } from './model.js';

export type Role = 'SRC' | 'CUE' | 'CON';

/** A role span in token indices (`end` exclusive) of `Doc.tokens`. */
export interface RoleSpan {
  role: Role;
  start: number;
  end: number;
}

export interface AssembledAttribution {
  speaker: Span | null;
  cue: Span | null;
  content: Span | null;
  /** Further content segments after the first (quotes split by "he said"). */
  contentSegments: Span[];
}

/** Per tag index: its role (null for O) and whether it opens a span (B-). */
const ROLE_OF_TAG: readonly (Role | null)[] = TAGS.map((t) => (t === 'O' ? null : (t.slice(2) as Role)));
const OPENS: readonly boolean[] = TAGS.map((t) => t.startsWith('B-'));

/** Reads role spans off a BIO tag sequence that starts at token `offset`. */
export function spansFromTags(tags: ArrayLike<number>, offset: number, out: RoleSpan[] = []): RoleSpan[] {
  let cur: RoleSpan | null = null;
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!;
    const role = ROLE_OF_TAG[t] ?? null;
    if (role === null) {
      cur = null;
      continue;
    }
    if (OPENS[t] || !cur || cur.role !== role) {
      cur = { role, start: offset + k, end: offset + k + 1 };
      out.push(cur);
    } else cur.end = offset + k + 1;
  }
  return out;
}

const FINAL = new Set(['.', '!', '?']);

/**
 * Sentence-initial "According to X, Y.": when the tagger runs the source on past the comma
 * ("the Times, the talks collapsed"), the comma ends the source and the rest of the sentence is the
 * content (unless the tagger already found content there).
 */
export function splitAccordingTo(doc: Doc, spans: readonly RoleSpan[], sentenceOfToken: Int32Array): RoleSpan[] {
  const out: RoleSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    const prev = out[out.length - 1];
    const isAccording =
      prev?.role === 'CUE' && prev.end === s.start && doc.tokens[prev.start]!.text.toLowerCase() === 'according' && s.role === 'SRC';
    let comma = -1;
    if (isAccording) {
      for (let k = s.start; k < s.end; k++) if (doc.tokens[k]!.text === ',') {
        comma = k;
        break;
      }
    }
    if (comma <= s.start) {
      out.push(s);
      continue;
    }
    out.push({ role: 'SRC', start: s.start, end: comma });
    const sent = doc.sentences[sentenceOfToken[s.start]!];
    let end = sent ? sent.tokenEnd : s.end;
    const next = spans[i + 1];
    if (next && next.start < end) end = next.start;
    if (end > comma + 1 && FINAL.has(doc.tokens[end - 1]!.text)) end--;
    if (end > comma + 1) out.push({ role: 'CON', start: comma + 1, end });
  }
  return out;
}

const QUOTES = new Set(['"', '“', '”', '«', '»', "'", '‘', '’']);
/** At most this many tokens may follow the cue in the sentence ("said on Tuesday."). */
const MAX_TAIL = 6;

/**
 * The classic unquoted news pattern "The convoy was delayed by two days, the ministry said.": when
 * the source sits right after a comma, the cue follows it and the sentence ends soon after, the
 * content is everything from the sentence start to that comma. Returns null when the pattern does not
 * apply or the tagger's own content already covers that stretch differently (e.g. quotes).
 */
function frontContent(doc: Doc, cue: RoleSpan, src: RoleSpan | null, found: readonly RoleSpan[], sentenceOfToken: Int32Array): RoleSpan | null {
  if (!src || src.end !== cue.start) return null;
  const comma = src.start - 1;
  const sent = doc.sentences[sentenceOfToken[cue.start]!];
  if (!sent || comma <= sent.tokenStart || doc.tokens[comma]!.text !== ',') return null;
  if (sent.tokenEnd - cue.end > MAX_TAIL) return null;
  for (let k = sent.tokenStart; k < comma; k++) if (QUOTES.has(doc.tokens[k]!.text)) return null;
  const want: RoleSpan = { role: 'CON', start: sent.tokenStart, end: comma };
  for (const c of found) if (c.start < want.start || c.end > want.end) return null;
  return want;
}

/** At most this many tokens may be added at the end of a content (tailContent). */
const TAIL_MAX = 8;
/**
 * Reported speech runs to the end of its sentence: "He said the plan failed, which surprised no
 * one." When the content after the cue stops short of the sentence end, no other role span and no
 * quote mark follows it there and the rest is at most TAIL_MAX tokens, the content is extended to
 * the sentence end (without its final punctuation).
 */
function tailContent(doc: Doc, cue: RoleSpan, c: RoleSpan, spans: readonly RoleSpan[], sentenceOfToken: Int32Array): RoleSpan | null {
  if (c.start < cue.end) return null;
  const si = sentenceOfToken[cue.start]!;
  if (sentenceOfToken[c.end - 1] !== si) return null;
  const sent = doc.sentences[si];
  if (!sent) return null;
  let end = sent.tokenEnd;
  while (end > c.end && FINAL.has(doc.tokens[end - 1]!.text)) end--;
  if (end <= c.end || end - c.end > TAIL_MAX) return null;
  for (let k = c.end; k < end; k++) if (QUOTES.has(doc.tokens[k]!.text)) return null;
  for (const s of spans) if (s !== c && s.start < end && s.end > c.end) return null;
  return { role: 'CON', start: c.start, end };
}

/** At most this many tokens may be added at the start of a content (headContent). */
const HEAD_MAX = 6;
/**
 * The mirror of tailContent for content before its cue: "In March, the plan failed, she said."
 * When the content stops short of the sentence start by at most HEAD_MAX tokens, with no quote mark
 * and no other role span there, it starts at the sentence start.
 */
function headContent(doc: Doc, cue: RoleSpan, c: RoleSpan, spans: readonly RoleSpan[], sentenceOfToken: Int32Array): RoleSpan | null {
  if (c.end > cue.start) return null;
  const si = sentenceOfToken[cue.start]!;
  if (sentenceOfToken[c.start] !== si) return null;
  const sent = doc.sentences[si];
  if (!sent) return null;
  const start = sent.tokenStart;
  if (start >= c.start || c.start - start > HEAD_MAX) return null;
  for (let k = start; k < c.start; k++) if (QUOTES.has(doc.tokens[k]!.text)) return null;
  for (const s of spans) if (s !== c && s.start < c.start && s.end > start) return null;
  return { role: 'CON', start, end: c.end };
}

/**
 * A second cue of the same speaker: "He said the plan failed, adding that ..." and "She said X and
 * warned that ...". When a cue has no source, opens with an -ing word right after a comma, or comes
 * right after "and", "but" or "also", and an earlier cue of the same sentence has a source before it, both cues share
 * that source (the annotation repeats the speaker span for each attribution).
 */
export function shareSources(doc: Doc, cues: readonly RoleSpan[], sources: (RoleSpan | null)[], sentenceOfToken: Int32Array): void {
  for (let i = 1; i < cues.length; i++) {
    if (sources[i]) continue;
    const q = cues[i]!;
    const w = doc.tokens[q.start]!.text.toLowerCase();
    const prev = q.start > 0 ? doc.tokens[q.start - 1]!.text.toLowerCase() : '';
    const linked = (prev === ',' && w.length > 4 && w.endsWith('ing')) || prev === 'and' || prev === 'but' || prev === 'also';
    if (!linked) continue;
    const si = sentenceOfToken[q.start]!;
    for (let j = i - 1; j >= 0 && sentenceOfToken[cues[j]!.start] === si; j--) {
      const s = sources[j];
      if (!s) continue;
      if (s.end <= cues[j]!.start) sources[i] = s;
      break;
    }
  }
}

/** Adverbs that sit between a speaker and its verb and belong to the cue ("Cruz also said"). */
const CUE_ADVERBS = new Set(['also', 'then', 'later', 'once', 'subsequently', 'previously', 'both', 'all']);
/** Lowercase words ending in -ly that are not adverbs ("the family said"). */
const LY_NOUNS = new Set(['family', 'ally', 'rally', 'supply', 'assembly', 'monopoly', 'anomaly', 'bully', 'homily', 'reply', 'belly', 'jelly', 'lily', 'fly']);

function isCueAdverb(w: string): boolean {
  if (CUE_ADVERBS.has(w)) return true;
  const c = w.charCodeAt(0);
  return c >= 97 && c <= 122 && w.length > 4 && w.endsWith('ly') && !LY_NOUNS.has(w);
}

/**
 * Speaker / cue boundary conventions (PolNeAR): an adverb between the speaker and the verb belongs
 * to the cue ("[Cruz] [gingerly said]", "[Officials] [also told]"); an appositive speaker keeps the
 * comma that closes it ("[Ana Lima, the regional governor,] [said]"), a plain one does not.
 * Returns the adjusted source and cue (token spans; new objects when changed).
 */
export function speakerEdges(doc: Doc, src: RoleSpan, cue: RoleSpan): { src: RoleSpan; cue: RoleSpan } {
  const toks = doc.tokens;
  if (src.end === cue.start && src.end - src.start > 1 && isCueAdverb(toks[src.end - 1]!.text)) {
    return { src: { ...src, end: src.end - 1 }, cue: { ...cue, start: src.end - 1 } };
  }
  let inner = false;
  for (let k = src.start + 1; k < src.end - 1; k++) if (toks[k]!.text === ',') inner = true;
  if (inner && src.end + 1 === cue.start && toks[src.end]!.text === ',') return { src: { ...src, end: src.end + 1 }, cue };
  if (!inner && src.end === cue.start && src.end - src.start > 1 && toks[src.end - 1]!.text === ',') return { src: { ...src, end: src.end - 1 }, cue };
  return { src, cue };
}

/** Cost of crossing into another sentence when attaching a span to a cue. */
const SENTENCE_PENALTY = 12;
/** Farther than this (in tokens, penalties included) a span is not attached to a cue. */
const MAX_DISTANCE = 60;

function gap(a: RoleSpan, b: RoleSpan): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

/**
 * Groups the role spans of one document into attributions. `sentenceOfToken` maps token index to
 * sentence index (features.ts `sentenceIndex`).
 */
export function assemble(doc: Doc, tagged: readonly RoleSpan[], sentenceOfToken: Int32Array): AssembledAttribution[] {
  const spans = splitAccordingTo(doc, tagged, sentenceOfToken);
  const cues = spans.filter((s) => s.role === 'CUE');
  const dist = (a: RoleSpan, b: RoleSpan): number => {
    const sa = sentenceOfToken[a.start]!;
    const sb = sentenceOfToken[b.start]!;
    const sEndA = sentenceOfToken[a.end - 1]!;
    const sEndB = sentenceOfToken[b.end - 1]!;
    const sameSentence = sa <= sEndB && sb <= sEndA;
    return gap(a, b) + (sameSentence ? 0 : SENTENCE_PENALTY * Math.min(Math.abs(sa - sb), Math.abs(sEndA - sEndB) + 1));
  };
  const toSpan = (s: RoleSpan): Span => {
    const a = doc.tokens[s.start]!;
    const b = doc.tokens[s.end - 1]!;
    return { start: a.start, end: b.end, text: doc.text.slice(a.start, b.end) };
  };
  const contents: RoleSpan[][] = cues.map(() => []);
  const sources: (RoleSpan | null)[] = cues.map(() => null);
  const loose: RoleSpan[] = [];
  // Only cues within MAX_DISTANCE tokens can win (distance >= token gap): scan outwards from the
  // span's position in the sorted cue list, so the work stays linear in practice.
  const near = (s: RoleSpan, visit: (i: number) => void): void => {
    let lo = 0;
    let hi = cues.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cues[mid]!.start < s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && s.start - cues[i]!.end <= MAX_DISTANCE; i--) visit(i);
    for (let i = lo; i < cues.length && cues[i]!.start - s.end <= MAX_DISTANCE; i++) visit(i);
  };
  for (const c of spans) {
    if (c.role !== 'CON') continue;
    let best = -1;
    let bestD = MAX_DISTANCE + 1;
    near(c, (i) => {
      const d = dist(c, cues[i]!);
      if (d < bestD || (d === bestD && i < best)) {
        bestD = d;
        best = i;
      }
    });
    if (best >= 0) contents[best]!.push(c);
    else loose.push(c);
  }
  // Sources: greedy one-to-one by distance, so "X said ... and Y said ..." keeps both speakers.
  const pairs: { d: number; s: RoleSpan; i: number }[] = [];
  for (const s of spans) {
    if (s.role !== 'SRC') continue;
    near(s, (i) => {
      const d = dist(s, cues[i]!);
      if (d <= MAX_DISTANCE) pairs.push({ d, s, i });
    });
  }
  pairs.sort((x, y) => x.d - y.d || x.s.start - y.s.start || x.i - y.i);
  const usedSrc = new Set<RoleSpan>();
  for (const p of pairs) {
    if (usedSrc.has(p.s) || sources[p.i]) continue;
    sources[p.i] = p.s;
    usedSrc.add(p.s);
  }
  shareSources(doc, cues, sources, sentenceOfToken);
  const out: AssembledAttribution[] = cues.map((q, i) => {
    const front = frontContent(doc, q, sources[i] ?? null, contents[i]!, sentenceOfToken);
    if (front) contents[i] = [front];
    const sorted = contents[i]!.sort((a, b) => a.start - b.start);
    const head = sorted[0];
    if (head) {
      const ext = headContent(doc, q, head, spans, sentenceOfToken);
      if (ext) sorted[0] = ext;
    }
    const last = sorted[sorted.length - 1];
    if (last) {
      const ext = tailContent(doc, q, last, spans, sentenceOfToken);
      if (ext) sorted[sorted.length - 1] = ext;
    }
    const segs = sorted.map(toSpan);
    let src = sources[i];
    let cue = q;
    if (src) ({ src, cue } = speakerEdges(doc, src, q));
    return { speaker: src ? toSpan(src) : null, cue: toSpan(cue), content: segs[0] ?? null, contentSegments: segs.slice(1) };
  });
  for (const c of loose) out.push({ speaker: null, cue: null, content: toSpan(c), contentSegments: [] });
  return out;
}
