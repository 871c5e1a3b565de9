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

/** Reads role spans off a BIO tag sequence that starts at token `offset`. */
export function spansFromTags(tags: ArrayLike<number>, offset: number): RoleSpan[] {
  const out: RoleSpan[] = [];
  let cur: RoleSpan | null = null;
  for (let k = 0; k < tags.length; k++) {
    const tag = TAGS[tags[k]!] ?? 'O';
    if (tag === 'O') {
      cur = null;
      continue;
    }
    const role = tag.slice(2) as Role;
    if (tag.startsWith('B-') || !cur || cur.role !== role) {
      cur = { role, start: offset + k, end: offset + k + 1 };
      out.push(cur);
    } else cur.end = offset + k + 1;
  }
  return out;
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
export function assemble(doc: Doc, spans: readonly RoleSpan[], sentenceOfToken: Int32Array): AssembledAttribution[] {
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
  for (const c of spans) {
    if (c.role !== 'CON') continue;
    let best = -1;
    let bestD = MAX_DISTANCE + 1;
    cues.forEach((q, i) => {
      const d = dist(c, q);
      if (d < bestD) {
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
    cues.forEach((q, i) => {
      const d = dist(s, q);
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
  const out: AssembledAttribution[] = cues.map((q, i) => {
    const segs = contents[i]!.sort((a, b) => a.start - b.start).map(toSpan);
    const src = sources[i];
    return { speaker: src ? toSpan(src) : null, cue: toSpan(q), content: segs[0] ?? null, contentSegments: segs.slice(1) };
  });
  for (const c of loose) out.push({ speaker: null, cue: null, content: toSpan(c), contentSegments: [] });
  return out;
}
