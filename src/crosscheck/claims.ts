/**
 * Claims: figures stated by articles (from QuantityMentions), with what they measure, the hedge,
 * the time they refer to, who said them and which outlet they are credited to. The measure is the
 * counted thing when the figures extractor found it, else the content words around the figure
 * ("the longest range of ATACMS is 100 km" -> range, atacms); its dimension comes from the unit.
 */
import { prepareDoc, sentenceAt } from '../extract/common/text.js';
import { STOPWORDS, stem } from '../stories/features.js';
import type { AttributionMention, Claim, Extraction, QuantityMention, Span, TimexMention } from '../types.js';
import { datelineLength, startsLine } from './dateline.js';

/** One article of a story with what extraction found in it. */
export interface CrossArticle {
  id: string;
  text: string;
  title?: string | null;
  source?: string | null;
  published?: string | null;
  url?: string | null;
  /** Set when the article is a near-duplicate (syndicated copy) of another one. */
  duplicateOf?: string | null;
  extraction: Extraction | null;
}

/** A claim plus what alignment needs: dimension, measure terms, origin. */
export interface ClaimInfo extends Claim {
  /** "length", "area", "count", "money", "percent", "duration", or the unit itself. */
  dimension: string;
  /** Stemmed content words naming what is measured. */
  terms: string[];
  /** The sentence's measure words nearest the figure first (after and before it in turn), for labels. */
  near: string[];
  /** Stem -> a surface form of it in the sentence ("atacm" -> "ATACMS"), for labels. */
  surfaces: Map<string, string>;
  /** Stemmed last word of the counted thing ("Russian towns and villages" -> "villag"), or null. */
  head: string | null;
  /** Head words of the counted thing, split at "and" ("missiles and drones" -> [missil], [drone]). */
  parts: string[][];
  /**
   * The class the counted thing names as a whole, when it does ("communities", "towns and villages"
   * and "settlements" all count settlements; "troops" and "soldiers" both count troops), else null.
   * A single specific word ("towns") names no class: 12 towns are not 12 settlements.
   */
  headClass: string | null;
  /**
   * What happened to what is counted, from the nearest event word around the figure ("11 people
   * died" -> died; "5,000 people who had left their homes" -> displaced), or null. Counts of the
   * same thing with different events are different measures.
   */
  event: string | null;
  /** The speaker as a resolved entity (canonical name), when the attribution names one. */
  speakerEntity: string | null;
  /** Where the figure comes from: a cited outlet, else a named speaker, else the article's outlet, else the article id. */
  origin: string;
}

const DIMENSIONS: Record<string, string> = {
  km: 'length', m: 'length', mi: 'length', cm: 'length', mm: 'length', ft: 'length',
  km2: 'area', 'sq mi': 'area', ha: 'area', acre: 'area', m2: 'area',
  '': 'count', '%': 'percent', day: 'duration', hour: 'duration', year: 'duration', month: 'duration',
  USD: 'money', EUR: 'money', GBP: 'money', kg: 'mass', t: 'mass', lb: 'mass',
};

/** Units that measure time spans: they are rarely cross-checkable claims ("for six to eight days"). */
const SKIP_DIMENSIONS = new Set(['duration']);

function contentTerms(s: string, surfaces?: Map<string, string>): string[] {
  const out: string[] = [];
  for (const raw of s.split(/[^\p{L}\p{N}]+/u)) {
    const w = raw.toLowerCase();
    if (w.length > 1 && !STOPWORDS.has(w) && !/^\d/.test(w)) {
      const st = stem(w);
      out.push(st);
      if (surfaces && !surfaces.has(st)) surfaces.set(st, raw);
    }
  }
  return out;
}

/**
 * Counted-thing classes for aligning differently worded counts of the same thing. `generic` words
 * name the whole class; `members` are kinds within it, which name the class only when two or more
 * are coordinated ("towns and villages"). Synonym classes list all their words as generic.
 */
const HEAD_CLASSES: Record<string, { generic: string[]; members: string[] }> = {
  settlements: { generic: ['settlements', 'communities', 'localities'], members: ['towns', 'villages', 'hamlets', 'cities'] },
  people: { generic: ['people', 'persons', 'individuals'], members: [] },
  troops: { generic: ['troops', 'soldiers', 'servicemen', 'servicemembers', 'service members'], members: [] },
  deaths: { generic: ['deaths', 'fatalities', 'dead'], members: [] },
  injured: { generic: ['injured', 'wounded', 'injuries'], members: [] },
};
const lastStem = (phrase: string): string => stem(phrase.split(' ').pop()!);
const GENERIC_HEADS = new Map<string, string>();
const MEMBER_HEADS = new Map<string, string>();
for (const [name, c] of Object.entries(HEAD_CLASSES)) {
  for (const w of c.generic) GENERIC_HEADS.set(lastStem(w), name);
  for (const w of c.members) MEMBER_HEADS.set(lastStem(w), name);
}

/** Event words by class (see ClaimInfo.event); matched after stemming. */
const EVENT_CLASSES: Record<string, string[]> = {
  died: ['died', 'dead', 'killed', 'killing', 'death', 'deaths', 'fatalities', 'perished', 'toll'],
  injured: ['injured', 'wounded', 'hurt', 'injuries', 'hospitalised', 'hospitalized'],
  missing: ['missing', 'unaccounted'],
  displaced: ['evacuated', 'evacuation', 'displaced', 'fled', 'homeless', 'homes', 'sheltering', 'shelters'],
  detained: ['arrested', 'detained', 'arrests', 'detentions', 'captured', 'jailed'],
  rescued: ['rescued', 'saved'],
};
const EVENT_OF = new Map<string, string>();
for (const [name, words] of Object.entries(EVENT_CLASSES)) for (const w of words) EVENT_OF.set(stem(w), name);
/** Event class -> the stems that name it (labels do not repeat them). */
export const EVENT_WORDS = new Map(Object.entries(EVENT_CLASSES).map(([name, words]) => [name, words.map(stem)]));

/** Where a claim's evidence sentence starts: after an opening dateline ("KESTREL FALLS, Brenmark —"), unless the figure is in it. */
function evidenceStart(text: string, start: number, end: number, figure: number): number {
  if (!startsLine(text, start)) return start;
  const cut = start + datelineLength(text.slice(start, end));
  return figure >= cut ? cut : start;
}

/** Stems of `before` (nearest last) and `after` (nearest first), nearest to the figure first. */
function nearestFirst(before: readonly string[], after: readonly string[]): string[] {
  const out: string[] = [];
  for (let d = 0; d < Math.max(before.length, after.length); d++) {
    if (after[d] !== undefined) out.push(after[d]!);
    if (before[before.length - 1 - d] !== undefined) out.push(before[before.length - 1 - d]!);
  }
  return [...new Set(out)];
}

/** The event class of the nearest event word to a figure: `before` and `after` are stems, nearest last / first. */
export function nearestEvent(before: readonly string[], after: readonly string[]): string | null {
  for (let d = 0; d < Math.max(before.length, after.length); d++) {
    const a = after[d] !== undefined ? EVENT_OF.get(after[d]!) : undefined;
    if (a) return a;
    const b = before[before.length - 1 - d] !== undefined ? EVENT_OF.get(before[before.length - 1 - d]!) : undefined;
    if (b) return b;
  }
  return null;
}

/** The class a counted phrase names as a whole (see ClaimInfo.headClass). */
export function headClass(head: string | null, partHeads: readonly string[][]): string | null {
  if (head === null) return null;
  const generic = GENERIC_HEADS.get(head);
  if (generic) return generic;
  if (partHeads.length < 2) return null;
  const classes = new Set(partHeads.map((p) => MEMBER_HEADS.get(p[p.length - 1]!) ?? GENERIC_HEADS.get(p[p.length - 1]!) ?? null));
  const only = [...classes][0];
  return classes.size === 1 && only ? only : null;
}

/** Stemmed last word of a counted phrase, stopwords included ("people" is a fine head). */
function headWord(counted: string): string | null {
  const ws = counted.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const last = ws[ws.length - 1];
  return last ? stem(last) : null;
}

function parts(counted: string | undefined): string[][] {
  if (!counted) return [];
  const ps = counted
    .toLowerCase()
    .split(/\band\b|,|&/)
    .map((p) => contentTerms(p))
    .filter((p) => p.length > 0);
  return ps.length > 1 ? ps.map((p) => [p[p.length - 1]!]) : [];
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Claims of one article. A figure's sentence, its measure terms (counted thing, else a window of
 * content words around it) and its attribution (an attribution whose content covers the figure or
 * that sits in its sentence; else a citation within the two sentences before: "..., reported The
 * Wall Street Journal. The forces have advanced at least 20 miles").
 */
export function articleClaims(a: CrossArticle): ClaimInfo[] {
  const x = a.extraction;
  if (!x || x.quantities.length === 0) return [];
  const doc = prepareDoc({ id: a.id, text: a.text });
  const sents = doc.sentences;
  const attrs: Array<{ m: AttributionMention; sent: number }> = [];
  for (const m of x.attributions) {
    const anchor = m.cue ?? m.speaker ?? m.content;
    if (anchor) attrs.push({ m, sent: sentenceAt(sents, anchor.start) });
  }
  const out: ClaimInfo[] = [];
  x.quantities.forEach((q: QuantityMention, i) => {
    const si = sentenceAt(sents, q.start);
    const s = si >= 0 ? sents[si]! : { start: q.start, end: q.end };
    const unit = q.normalized?.unit ?? q.unit;
    const dimension = DIMENSIONS[unit] ?? unit;
    if (SKIP_DIMENSIONS.has(dimension)) return;
    // Measure terms: the counted thing plus up to 6 content words each side within the sentence.
    const surfaces = new Map<string, string>();
    // an opening dateline is neither evidence nor measure words
    const from = evidenceStart(a.text, s.start, s.end, q.start);
    const before = contentTerms(a.text.slice(from, q.start), surfaces).slice(-6);
    const after = contentTerms(a.text.slice(q.end, s.end), surfaces).slice(0, 6);
    const terms = [...(q.counted ? contentTerms(q.counted.text) : []), ...before, ...after];
    if (terms.length === 0) return;
    // Attribution: inside the figure's sentence first, then a citation just before it.
    let speaker: string | null = null;
    let speakerEntity: string | null = null;
    let cites: string | null = null;
    const here = attrs.filter((t) => t.sent === si);
    const inContent = here.find((t) => t.m.content && t.m.content.start <= q.start && q.end <= t.m.content.end);
    const covering = inContent ?? here[0];
    if (covering) {
      speaker = covering.m.speakerCanonical ?? covering.m.speaker?.text ?? null;
      // the origin only when the figure is what they said ("Venn, who scored 31 goals, said he was proud" is not Venn's figure)
      speakerEntity = covering === inContent || !covering.m.content ? (covering.m.speakerCanonical ?? null) : null;
      cites = covering.m.cites ?? null;
    }
    if (cites === null && si >= 0) {
      const prior = attrs.filter((t) => t.sent < si && t.sent >= si - 2 && t.m.cites).pop();
      if (prior) cites = prior.m.cites ?? null;
    }
    const time = timeOf(x.timexes, s.start, s.end);
    const head = q.counted ? headWord(q.counted.text) : null;
    const partHeads = parts(q.counted?.text);
    const measure = q.counted?.text ?? [...before.slice(-3), ...after.slice(0, 1)].map((t) => surfaces.get(t) ?? t).join(' ');
    out.push({
      id: `${a.id}#q${i}`,
      articleId: a.id,
      measure,
      value: q.value,
      unit: q.unit,
      qualifier: q.qualifier ?? '=',
      normalized: q.normalized ?? null,
      time,
      speaker,
      cites,
      span: { start: q.start, end: q.end, text: q.text },
      sentence: span(a.text, from, s.end),
      dimension,
      terms: [...new Set(terms)],
      near: nearestFirst(before, after),
      surfaces,
      head,
      parts: partHeads,
      headClass: headClass(head, partHeads),
      event: dimension === 'count' ? nearestEvent(before, after) : null,
      speakerEntity,
      origin: cites ?? speakerEntity ?? a.source ?? a.id,
    });
  });
  return out;
}

/** The resolved date (TIMEX3 value) of the first DATE timex in a sentence, or null. */
function timeOf(timexes: readonly TimexMention[], start: number, end: number): string | null {
  for (const t of timexes) if (t.type === 'DATE' && t.start >= start && t.end <= end && /^\d{4}/.test(t.value)) return t.value;
  return null;
}
