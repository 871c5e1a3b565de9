/**
 * Alignment and verdicts: claims on the same measure across articles (same dimension after unit
 * normalisation, and either the same counted thing or at least two shared measure words), judged
 * as agree / refine / contradict; sums of parts checked against totals (consistent-aggregate);
 * origins collapsed across syndicated copies and citation chains.
 */
import type { ClaimGroup, Verdict } from '../types.js';
import { stem } from '../stories/features.js';
import { EVENT_WORDS, type ClaimInfo, type CrossArticle } from './claims.js';

/** Relative tolerance of an exact figure ("20 miles" vs "32 km": 32.19 km). */
const EXACT_TOLERANCE = 0.05;
/** Relative spread of a hedged figure ("about 300 km"). */
const ABOUT_TOLERANCE = 0.2;
/** Measure words two claims must share to be about the same thing (without a shared counted thing). */
const MIN_SHARED_TERMS = 2;

export interface Interval {
  lo: number;
  hi: number;
}

/** A stated count that is not a round number is exact: 74 villages are not 70. */
function exactCount(c: Pick<ClaimInfo, 'value' | 'qualifier'> & { dimension?: string }, v: number): boolean {
  return c.dimension === 'count' && (c.qualifier === '=' || c.qualifier === undefined) && Number.isInteger(v) && v % 100 !== 0;
}

/**
 * The values a claim allows, in its normalised unit: "at least 20 mi" -> [32.19, inf). An exact
 * figure allows a 5% rounding margin (unit conversion, "1,000 troops"), except a count that is not
 * a round number.
 */
export function claimInterval(c: Pick<ClaimInfo, 'value' | 'normalized' | 'qualifier'> & { dimension?: string }): Interval {
  const v = c.normalized?.value ?? c.value;
  if (Array.isArray(v)) return { lo: Math.min(v[0], v[1]), hi: Math.max(v[0], v[1]) };
  if (exactCount(c, v)) return { lo: v, hi: v };
  switch (c.qualifier) {
    case '>':
      return { lo: v * (1 - EXACT_TOLERANCE), hi: Infinity };
    case '<':
      return { lo: 0, hi: v * (1 + EXACT_TOLERANCE) };
    case '~':
      return { lo: v * (1 - ABOUT_TOLERANCE), hi: v * (1 + ABOUT_TOLERANCE) };
    default:
      return { lo: v * (1 - EXACT_TOLERANCE), hi: v * (1 + EXACT_TOLERANCE) };
  }
}

function width(i: Interval): number {
  return i.hi - i.lo;
}

/** Verdict between two claims on one measure. */
export function pairVerdict(a: ClaimInfo, b: ClaimInfo): 'agree' | 'refine' | 'contradict' {
  const x = claimInterval(a);
  const y = claimInterval(b);
  if (x.hi < y.lo || y.hi < x.lo) return 'contradict';
  const same = Math.abs(x.lo - y.lo) <= 1e-9 * Math.max(1, Math.abs(x.lo)) && x.hi === y.hi;
  if (same) return 'agree';
  const xInY = x.lo >= y.lo && x.hi <= y.hi;
  const yInX = y.lo >= x.lo && y.hi <= x.hi;
  // One figure is strictly more precise than the other and within it ("more than 200" vs "210").
  if ((xInY || yInX) && (!Number.isFinite(width(x)) || !Number.isFinite(width(y)) || Math.abs(width(x) - width(y)) > 0.5 * Math.min(width(x), width(y)) + 1e-9))
    return 'refine';
  return 'agree';
}

/**
 * Whether two claims measure the same thing. Counts need the same counted head ("74 towns" and
 * "74 villages" are not one measure) or heads naming the same class as a whole ("74 towns and
 * villages" and "74 communities"); other dimensions need two shared measure words
 * ("range", "atacm" in "the longest range of ATACMS is 100 km" / "ATACMS have a range of about 300 km").
 */
export function sameMeasure(a: ClaimInfo, b: ClaimInfo): boolean {
  if (a.dimension !== b.dimension) return false;
  if (a.head !== null && b.head !== null && a.head !== b.head && (a.headClass === null || a.headClass !== b.headClass)) return false;
  if (a.dimension === 'count' && (a.head === null || b.head === null)) return false;
  // "11 people died" and "5,000 people left their homes" count different things
  if (a.event !== null && b.event !== null && a.event !== b.event) return false;
  const bt = new Set(b.terms);
  let shared = 0;
  for (const t of a.terms) if (bt.has(t)) shared++;
  return shared >= MIN_SHARED_TERMS;
}

const CITATION_CUE = /\b(?:according to|per|told|reported|reports|cited|citing|quoted)\b/i;

/**
 * Origin of an article's claim: the outlet it cites, else the named person or body who said it, else
 * the article's outlet, following syndicated copies to the original article.
 */
function originOf(c: ClaimInfo, byId: Map<string, CrossArticle>): string {
  if (c.cites) return c.cites;
  // Fallback for outlets the attribution extractor does not know: another article's outlet named in
  // the claim's sentence with a citation cue ("..., according to the Coast Wire").
  const own = byId.get(c.articleId)?.source ?? null;
  for (const a of byId.values()) {
    const name = a.source;
    if (!name || name === own || name.length < 3) continue;
    const i = c.sentence.text.toLowerCase().indexOf(name.toLowerCase());
    if (i >= 0 && CITATION_CUE.test(c.sentence.text)) {
      c.cites = name;
      return name;
    }
  }
  // A named speaker is the origin: two outlets quoting the same commander are one source.
  if (c.speakerEntity) return c.speakerEntity;
  let a = byId.get(c.articleId);
  const seen = new Set<string>();
  while (a?.duplicateOf && !seen.has(a.id)) {
    seen.add(a.id);
    const parent = byId.get(a.duplicateOf);
    if (!parent) return `article:${a.duplicateOf}`;
    a = parent;
  }
  return a?.source ?? `article:${a?.id ?? c.articleId}`;
}

function strip(c: ClaimInfo): ClaimGroup['claims'][number] {
  const { dimension: _d, terms: _t, parts: _p, origin: _o, head: _h, headClass: _hc, event: _ev, speakerEntity: _se, surfaces: _s, ...claim } = c;
  return claim;
}

/** Words of time, which say when rather than what is measured: left out of labels. */
const TIME_WORDS = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night overnight dawn noon ' +
    'today yesterday tomorrow week weekend month year day hour minute january february march april may june july ' +
    'august september october november december').split(' ').map(stem),
);

/**
 * A label for a group: the counted thing if any claim has one, with what happened to it ("people
 * died", when every claim says so), then the three measure words all claims share that stand nearest
 * the figure, in sentence order; without a counted thing, the first three shared words. Time words are
 * left out: "people died (spillway, collapsed)", "range (ATACMS)", "Ukrainian forces advanced".
 */
function groupLabel(g: readonly ClaimInfo[]): string {
  const counted = g.find((c) => c.head !== null);
  let shared = new Set(g[0]!.terms);
  for (const c of g.slice(1)) shared = new Set(c.terms.filter((t) => shared.has(t)));
  const event = g.every((c) => c.event === g[0]!.event) ? g[0]!.event : null;
  const base = counted ? `${counted.measure}${event && !counted.measure.endsWith(event) ? ' ' + event : ''}` : '';
  const skip = new Set([...(counted?.terms.slice(0, counted.measure.split(/\s+/).length) ?? []), ...TIME_WORDS, ...(event ? EVENT_WORDS.get(event) ?? [] : [])]);
  const words = (ts: readonly string[]): string[] => ts.map((t) => g[0]!.surfaces.get(t) ?? t);
  // Without a counted thing the shared words are the label: the first three, read as a phrase.
  if (!base) return words([...shared].filter((t) => !TIME_WORDS.has(t)).slice(0, 3)).join(' ') || g[0]!.measure;
  // Beside one, the three that stand nearest the figure, in sentence order.
  const nearest = new Set(g[0]!.near.filter((t) => shared.has(t) && !skip.has(t)).slice(0, 3));
  const extra = words(g[0]!.terms.filter((t) => nearest.has(t)));
  return extra.length > 0 ? `${base} (${extra.join(', ')})` : base;
}

function fmt(c: ClaimInfo): string {
  const v = Array.isArray(c.value) ? `${c.value[0]}-${c.value[1]}` : String(c.value);
  const q = c.qualifier === '>' ? 'at least ' : c.qualifier === '<' ? 'up to ' : c.qualifier === '~' ? 'about ' : '';
  return `${q}${v}${c.unit ? ' ' + c.unit : ''} (${c.articleId})`;
}

/**
 * Groups claims from different articles on the same measure and judges each group. Claims that no
 * other article states stay out of the groups (a lone figure is neither confirmed nor contradicted).
 */
export function alignClaims(claims: readonly ClaimInfo[], articles: readonly CrossArticle[]): ClaimGroup[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  for (const c of claims) c.origin = originOf(c, byId);
  // Greedy single-link grouping in reading order.
  const groups: ClaimInfo[][] = [];
  for (const c of claims) {
    // Compared with the group's first claim only, so groups do not drift by chaining.
    const g = groups.find((g) => sameMeasure(c, g[0]!));
    if (g) g.push(c);
    else groups.push([c]);
  }
  const out: ClaimGroup[] = [];
  for (const g of groups) {
    if (new Set(g.map((c) => c.articleId)).size < 2) continue;
    let verdict: Verdict = 'agree';
    const notes: string[] = [];
    for (let i = 0; i < g.length; i++)
      for (let j = i + 1; j < g.length; j++) {
        const a = g[i]!;
        const b = g[j]!;
        if (a.articleId === b.articleId) continue;
        const v = pairVerdict(a, b);
        if (v === 'contradict') {
          verdict = 'contradict';
          notes.push(`${fmt(a)} vs ${fmt(b)}`);
        } else if (v === 'refine' && verdict === 'agree') verdict = 'refine';
      }
    const sources = [...new Set(g.map((c) => c.origin))];
    out.push({
      measure: groupLabel(g),
      verdict,
      claims: g.map(strip),
      independentSources: sources,
      explanation:
        verdict === 'contradict'
          ? `figures do not overlap: ${notes.join('; ')}`
          : `${verdict === 'refine' ? 'compatible, one more precise' : 'figures agree'}: ${g.map(fmt).join(', ')}; ${sources.length} independent origin${sources.length === 1 ? '' : 's'}`,
    });
  }
  out.push(...aggregates(claims));
  return out;
}

/**
 * Totals against sums of parts: "more than 200 missiles and drones" vs "120 missiles" + "90 drones"
 * stated together in one sentence (any article): consistent-aggregate when the sum fits the total.
 */
function aggregates(claims: readonly ClaimInfo[]): ClaimGroup[] {
  const out: ClaimGroup[] = [];
  for (const total of claims) {
    if (total.parts.length < 2 || Array.isArray(total.value)) continue;
    const bySentence = new Map<string, ClaimInfo[]>();
    for (const c of claims) {
      if (c === total || c.dimension !== total.dimension) continue;
      const k = `${c.articleId}:${c.sentence.start}`;
      (bySentence.get(k) ?? bySentence.set(k, []).get(k)!).push(c);
    }
    for (const cs of bySentence.values()) {
      const picked: ClaimInfo[] = [];
      for (const p of total.parts) {
        const hit = cs.find((c) => !picked.includes(c) && c.terms.some((t) => p.includes(t)));
        if (hit) picked.push(hit);
      }
      if (picked.length !== total.parts.length) continue;
      let lo = 0;
      let hi = 0;
      for (const c of picked) {
        const iv = claimInterval(c);
        lo += iv.lo;
        hi += iv.hi;
      }
      const t = claimInterval(total);
      const ok = !(hi < t.lo || t.hi < lo);
      const sum = picked.reduce((s, c) => s + (typeof c.value === 'number' ? c.value : c.value[0]), 0);
      out.push({
        measure: total.measure,
        verdict: ok ? 'consistent-aggregate' : 'contradict',
        claims: [total, ...picked].map(strip),
        independentSources: [...new Set([total, ...picked].map((c) => c.origin))],
        explanation: `${fmt(total)} vs parts ${picked.map(fmt).join(' + ')} = ${sum}: ${ok ? 'the parts add up within the hedges' : 'the parts do not add up'}`,
      });
      break;
    }
  }
  return out;
}
