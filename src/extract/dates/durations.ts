/**
 * Durations: "three years" -> P3Y, "48 hours" -> PT48H, "the past three months" -> P3M, "a
 * ten-year plan" ("10-year", "two-year") -> P10Y / P2Y, "more than a decade" -> P10Y mod MORE_THAN,
 * "several weeks" -> PXW, "for years" -> PXY.
 */
import type { Extractor } from '../types.js';
import { UNITS } from './lexicon.js';
import { durationValue, glued, lowered, makeTimex, modifierBefore, readNumber, type DraftTimex } from './match.js';

const NAME = 'dates:duration';

/** Words after which "a year" / bare "years" is a duration ("for a year", "for years"). */
const DURATION_PREPS = new Set(['for', 'in', 'within', 'over', 'than', 'about', 'nearly', 'almost', 'barely', 'after', 'just', 'only', 'during', 'spent', 'took', 'lasted', 'last', 'past', 'first', 'next', 'least', 'around', 'half', 'some', 'roughly', 'to', 'through']);
const SPAN_WORDS = new Set(['past', 'last', 'next', 'first', 'previous', 'coming', 'following', 'final', 'initial', 'remaining', 'latest']);

export const durations: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const out: DraftTimex[] = [];
    const n = toks.length;
    for (let i = 0; i < n; i++) {
      const j = hyphenated(i) ?? counted(i) ?? barePlural(i);
      if (j !== null && j > i) i = j - 1;
    }
    return out;

    function emit(s: number, e: number, value: string, reason: string, mod?: string): number {
      out.push(makeTimex(doc, s, e, { extractor: NAME, type: 'DURATION', value, reasons: [reason], stated: [], mod }));
      return e;
    }

    /** "the past three", "the first nine", "more than", "nearly": the start of the span before index s. */
    function leftOf(s: number): { start: number; mod?: string } {
      let k = s;
      if (SPAN_WORDS.has(low[k - 1] ?? '') && low[k - 2] === 'the') return { start: k - 2 };
      if (low[k - 1] === 'the') return { start: k - 1 };
      if (SPAN_WORDS.has(low[k - 1] ?? '') && (low[k - 1] === 'past' || low[k - 1] === 'next')) k--;
      const m = modifierBefore(low, k);
      return m;
    }

    /** "10-year", "two-year", "24-hour": a duration used as an adjective. */
    function hyphenated(i: number): number | null {
      const w = low[i]!;
      if (/^\d{1,3}$/.test(w) && low[i + 1] === '-' && glued(toks, i + 1) && glued(toks, i + 2)) {
        // "10-year"; ages ("6-year-old", "month-old" as one token) are not tagged
        const unit = UNITS.get(low[i + 2] ?? '');
        if (!unit || low[i + 2]!.endsWith('s') && low[i + 2] !== 'hours') return null;
        const e = i + 3;
        if (low[e] === '-' && low[e + 1] === 'old' && glued(toks, e)) return null;
        const left = modifierBefore(low, i);
        return emit(left.start, e, durationValue(Number(w), unit), 'count-unit adjective', left.mod);
      }
      if (!w.includes('-')) return null;
      const parts = w.split('-');
      if (parts.length < 2) return null;
      const unitW = parts[parts.length - 1]!;
      const unit = UNITS.get(unitW);
      // "three-quarters" is a fraction, "years-long" not a count
      if (!unit || unitW.endsWith('s')) return null;
      const numParts = parts.slice(0, -1);
      const r = readNumber(numParts.length === 2 ? [numParts.join('-')] : numParts.length === 1 ? numParts : [], 0);
      if (!r || r.value === null || r.end !== 1) return null;
      const left = modifierBefore(low, i);
      return emit(left.start, i + 1, durationValue(r.value, unit), 'count-unit adjective', left.mod);
    }

    /** "three years", "48 hours", "a few days", "more than a decade", "the past two months". */
    function counted(i: number): number | null {
      const r = readNumber(low, i);
      if (!r) return null;
      let u = r.end;
      if (low[u] === 'more' || low[u] === 'full' || low[u] === 'straight' || low[u] === 'consecutive') u++;
      const unitW = low[u];
      const unit = UNITS.get(unitW ?? '');
      if (!unit) return null;
      if (unit.gran === 'quarter' && low[i] !== 'two' && low[i] !== 'three' && !/^\d/.test(low[i]!)) return null;
      if (toks[u]!.kind !== 'word') return null;
      // "60 Minutes" (a title): a capitalised unit after a digit count
      if (/^\p{Lu}/u.test(toks[u]!.text) && /^\d/.test(low[i]!)) return null;
      // a singular unit needs a count of one ("a year", "one day"); "five year" is allowed (spoken news)
      const isA = low[i] === 'a' || low[i] === 'an';
      const after = low[u + 1];
      // "52 years old": an age, not a duration (TimeML leaves ages untagged)
      // ("a year earlier" is an anchored date, read by the relative extractor; "a day earlier" a duration)
      if (after === 'ago' || (after === 'earlier' && unit.gran === 'year') || after === 'old') return null;
      // "a year" alone is a duration only after a duration word ("for a year", "nearly a decade")
      // ... or before "earlier"/"later" ("A day later, the army arrived")
      if (isA && !DURATION_PREPS.has(low[i - 1] ?? '') && after !== 'later' && after !== 'earlier') return null;
      // a year-like number is a year, not a count ("1990 years" does not occur; "in 1990, years later" does)
      if (/^(?:1[5-9]|20)\d\d$/.test(low[i]!)) return null;
      let end = u + 1;
      if (low[end] === 'and' && low[end + 1] === 'a' && low[end + 2] === 'half') {
        const v = r.value === null ? null : r.value + 0.5;
        const left = leftOf(i);
        return emit(left.start, end + 3, durationValue(v, unit), 'count + unit and a half', left.mod);
      }
      if (low[end] === '-' && low[end + 1] === 'old' && glued(toks, end)) end += 2;
      // "the two day summit": a count with a singular unit is an adjective; the article is the noun's
      const adjective = r.value !== null && r.value !== 1 && !unitW!.endsWith('s');
      const left = adjective && low[i - 1] === 'the' ? { start: i } : leftOf(i);
      return emit(left.start, end, durationValue(r.value, unit), r.value === null ? 'vague count + unit' : 'count + unit', left.mod);
    }

    /** "for years", "in months", "over decades": a bare plural unit after a duration preposition. */
    function barePlural(i: number): number | null {
      const w = low[i]!;
      if (!w.endsWith('s')) return null;
      const unit = UNITS.get(w);
      if (!unit || unit.time && w !== 'hours') return null;
      const p = low[i - 1];
      if (p !== 'for' && p !== 'within' && p !== 'over' && p !== 'after' && !(p === 'in' && low[i + 1] !== 'of')) return null;
      if (low[i + 1] === 'ago' || low[i + 1] === 'of' || low[i + 1] === 'to') return null;
      return emit(i, i + 1, durationValue(null, unit), 'bare plural unit');
    }
  },
};
