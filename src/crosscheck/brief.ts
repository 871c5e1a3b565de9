/**
 * Extractive multi-document brief: a centroid / position hybrid with redundancy removal (MMR).
 * Sentences are scored by cosine to the story centroid (TF-IDF over the story's sentences), a
 * position prior (leads carry the news) and a length prior; then picked greedily, each pick
 * penalised by its similarity to sentences already picked, until the word or byte budget is met.
 * Every sentence keeps the index of its article and its offsets there.
 */
import { prepareDoc } from '../extract/common/text.js';
import { STOPWORDS, stem } from '../stories/features.js';
import { datelineLength, startsLine } from './dateline.js';

export interface BriefArticle {
  text: string;
  title?: string | null;
  source?: string | null;
  published?: string | null;
}

export interface BriefOptions {
  /** Word budget (whitespace tokens); the last sentence may run past it (the scorer cuts it). */
  maxWords?: number;
  /** Byte budget (UTF-8, separators not counted). */
  maxBytes?: number;
  /** Weight of relevance against redundancy in MMR (1 = no redundancy penalty). */
  lambda?: number;
  /** Weight of the position prior. */
  positionWeight?: number;
  /** Sentences more similar than this to a picked one are skipped outright. */
  maxOverlap?: number;
}

export const DEFAULT_BRIEF_OPTIONS = Object.freeze({
  maxWords: 100,
  lambda: 0.7,
  positionWeight: 0.35,
  maxOverlap: 0.6,
});

export interface BriefSentenceRef {
  text: string;
  /** Index of the article in the input list. */
  article: number;
  start: number;
  end: number;
}

interface Candidate {
  article: number;
  start: number;
  end: number;
  text: string;
  /** Position of the sentence in its article (0 = first). */
  pos: number;
  words: number;
  vec: Map<string, number>;
  norm: number;
  score: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 60;

function terms(s: string): string[] {
  const out: string[] = [];
  let w = '';
  const flush = (): void => {
    if (w.length > 1 && !STOPWORDS.has(w)) out.push(stem(w));
    w = '';
  };
  for (const ch of s.toLowerCase()) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) w += ch;
    else flush();
  }
  flush();
  return out;
}

/** True for lines that are not story prose: bylines, credits, links, calls to action, headings. */
function isBoilerplate(s: string): boolean {
  const l = s.toLowerCase();
  if (l.includes('http') || l.includes('www.') || l.includes('@') || l.includes('©') || l.includes('copyright')) return true;
  if (l.includes('click') || l.includes('subscribe') || l.includes('newsletter') || l.includes('all rights reserved')) return true;
  if (l.includes('javascript') || l.includes('cookie') || l.includes('advertisement')) return true;
  if (!/[.!?"”’']$/.test(s.trim())) return true;
  if (!/\p{Ll}/u.test(s)) return true;
  return isFragment(s) || isPhotoCaption(s);
}

/**
 * True for a run of capitalised words without prose: a heading or a broken line such as
 * "The Daily Ledgerand Evening Post." Prose has lower-case function words and verbs; two are required.
 */
function isFragment(s: string): boolean {
  let lower = 0;
  for (const m of s.matchAll(/(?:^|[\s(“"‘'])(\p{L})/gu)) {
    if (/\p{Ll}/u.test(m[1]!) && ++lower >= 2) return false;
  }
  return true;
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/**
 * Wire photo captions end in a place and a full date without a preposition before it: "... in Lakeport,
 * Freedonia March 3, 2031." Prose puts the date after "on"/"since"/"by"; captions are not the news.
 */
const CAPTION_END = new RegExp(`(?:^|\\s)([\\p{L}.]+),?\\s+(?:${MONTH_NAMES})\\s+\\d{1,2},\\s+\\d{4}\\.?\\s*$`, 'u');
const DATE_PREPOSITIONS = new Set(['on', 'since', 'by', 'until', 'till', 'from', 'to', 'of', 'before', 'after', 'in', 'at', 'and', 'or', 'than', 'through', 'between', 'for', 'as']);
export function isPhotoCaption(s: string): boolean {
  const m = CAPTION_END.exec(s);
  if (!m) return false;
  return !DATE_PREPOSITIONS.has(m[1]!.replace(/\.$/, '').toLowerCase());
}

function cosine(a: Map<string, number>, an: number, b: Map<string, number>, bn: number): number {
  if (an === 0 || bn === 0) return 0;
  let dot = 0;
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, v] of small) {
    const w = big.get(t);
    if (w !== undefined) dot += v * w;
  }
  return dot / (an * bn);
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** One line of the summary: the sentence with its inner line breaks folded to spaces. */
export function summaryLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Picks the brief's sentences. Throws on a non-positive budget; returns [] for articles without prose.
 * Example: three reports of one quake -> the lead sentence of the most central report first, then
 * sentences adding casualty figures or aftershock news, never two sentences saying the same.
 */
export function buildBrief(articles: readonly BriefArticle[], options: BriefOptions = {}): BriefSentenceRef[] {
  const maxBytes = options.maxBytes;
  const maxWords = maxBytes === undefined ? (options.maxWords ?? DEFAULT_BRIEF_OPTIONS.maxWords) : undefined;
  if (maxBytes !== undefined && !(maxBytes > 0)) throw new Error(`buildBrief: maxBytes must be > 0, got ${maxBytes}`);
  if (maxWords !== undefined && !(maxWords > 0)) throw new Error(`buildBrief: maxWords must be > 0, got ${maxWords}`);
  const lambda = options.lambda ?? DEFAULT_BRIEF_OPTIONS.lambda;
  const posW = options.positionWeight ?? DEFAULT_BRIEF_OPTIONS.positionWeight;
  const maxOverlap = options.maxOverlap ?? DEFAULT_BRIEF_OPTIONS.maxOverlap;

  // 1. Candidate sentences with raw term counts.
  const cands: Candidate[] = [];
  const df = new Map<string, number>();
  articles.forEach((a, ai) => {
    if (typeof a.text !== 'string' || a.text.length === 0) return;
    const doc = prepareDoc({ id: String(ai), text: a.text });
    let pos = 0;
    for (const s of doc.sentences) {
      // an opening dateline is not part of the sentence (at the article's or a paragraph's start)
      const opens = startsLine(a.text, s.start);
      const cut = opens ? datelineLength(a.text.slice(s.start, s.end)) : 0;
      const start = s.start + cut;
      const text = a.text.slice(start, s.end);
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words < MIN_WORDS || words > MAX_WORDS || isBoilerplate(text)) continue;
      const vec = new Map<string, number>();
      for (const t of terms(text)) vec.set(t, (vec.get(t) ?? 0) + 1);
      if (vec.size < 3) continue;
      for (const t of vec.keys()) df.set(t, (df.get(t) ?? 0) + 1);
      cands.push({ article: ai, start, end: s.end, text, pos: pos++, words, vec, norm: 0, score: 0 });
    }
  });
  if (cands.length === 0) return [];

  // 2. TF-IDF over the story's sentences; centroid = sum of unit sentence vectors.
  const n = cands.length;
  const centroid = new Map<string, number>();
  for (const c of cands) {
    let norm = 0;
    for (const [t, v] of c.vec) {
      const x = (1 + Math.log(v)) * Math.log((n + 1) / (df.get(t) ?? 1));
      c.vec.set(t, x);
      norm += x * x;
    }
    c.norm = Math.sqrt(norm);
    if (c.norm > 0) for (const [t, x] of c.vec) centroid.set(t, (centroid.get(t) ?? 0) + x / c.norm);
  }
  // Keep the centroid's heaviest terms only: the story's core vocabulary.
  const top = [...centroid].sort((a, b) => b[1] - a[1]).slice(0, 100);
  const cvec = new Map(top);
  let cnorm = 0;
  for (const [, v] of cvec) cnorm += v * v;
  cnorm = Math.sqrt(cnorm);

  // 3. Relevance = centroid cosine + position prior (+ a small preference for full-length sentences).
  for (const c of cands) {
    const rel = cosine(c.vec, c.norm, cvec, cnorm);
    const position = 1 / Math.sqrt(1 + c.pos);
    const len = Math.min(1, c.words / 20);
    c.score = (1 - posW) * rel * len + posW * position;
  }

  // 4. MMR selection until the budget is met.
  const picked: Candidate[] = [];
  const used = new Set<Candidate>();
  let words = 0;
  let bytes = 0;
  const full = (): boolean => (maxBytes !== undefined ? bytes >= maxBytes : words >= (maxWords ?? 0));
  while (!full() && used.size < cands.length) {
    let best: Candidate | null = null;
    let bestVal = -Infinity;
    for (const c of cands) {
      if (used.has(c)) continue;
      let red = 0;
      for (const p of picked) red = Math.max(red, cosine(c.vec, c.norm, p.vec, p.norm));
      if (red > maxOverlap) {
        used.add(c);
        continue;
      }
      const v = lambda * c.score - (1 - lambda) * red;
      if (v > bestVal) {
        bestVal = v;
        best = c;
      }
    }
    if (!best) break;
    used.add(best);
    picked.push(best);
    const line = summaryLine(best.text);
    words += line.split(' ').length;
    bytes += utf8Bytes(line);
  }
  return picked.map((c) => ({ text: c.text, article: c.article, start: c.start, end: c.end }));
}

/** Orders picked sentences for reading: by article date (undated last), then article, then position. */
export function orderForReading(sents: readonly BriefSentenceRef[], articles: readonly BriefArticle[]): BriefSentenceRef[] {
  const key = (s: BriefSentenceRef): string => articles[s.article]?.published ?? '\uffff';
  return [...sents].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.article - b.article || a.start - b.start));
}
