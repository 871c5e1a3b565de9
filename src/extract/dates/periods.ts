/**
 * Calendar periods other than days: quarters ("the third quarter" -> 2024-Q3, "third-quarter",
 * "Q3 2024", "the fiscal first quarter", "the latest quarter"), halves ("the first half of 1990" ->
 * 1990-H1) and seasons ("the summer of 1990" -> 1990-SU, "in the spring"). Quarters and seasons
 * without a year carry a draft for the tense refiner.
 */
import type { DatePart } from '../../types.js';
import type { Extractor } from '../types.js';
import { deictic, fmtYear, quarterOf } from './calendar.js';
import { ORDINALS, SEASONS } from './lexicon.js';
import { glued, lowered, makeTimex, refDate, type Draft, type DraftTimex } from './match.js';

const NAME = 'dates:period';

const YEAR_RE = /^(?:1\d|20)\d\d$/;
const QTOKEN_RE = /^q([1-4])$/;
const HTOKEN_RE = /^h([12])$/;
const FY_RE = /^fy(\d{4}|\d{2})$/;
const TRIGGERS = new Set(['latest', 'last', 'previous', 'past', 'recent', 'quarter']);
const SEASON_PREPS = new Set(['in', 'during', 'by', 'this', 'last', 'next', 'until', 'through', 'since', 'early', 'late', 'over', 'into', 'throughout', 'before', 'after', 'for']);

export const periods: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc, ctx) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const ref = refDate(ctx);
    const out: DraftTimex[] = [];
    const n = toks.length;
    const emit = (i: number, j: number, value: string, reason: string, stated: DatePart[], draft?: Draft, type: 'DATE' | 'DURATION' = 'DATE'): number => {
      out.push(makeTimex(doc, i, j, { extractor: NAME, type, value, reasons: [reason], stated, implied: draft ? ['year'] : [], draft }));
      return j;
    };
    for (let i = 0; i < n; i++) {
      // keyword trigger: digits, "q3", ordinals, hyphenated words and a few period words
      const w = low[i]!;
      const c = w.charCodeAt(0);
      if (!((c >= 48 && c <= 57) || c === 113 || c === 102 || c === 104 || ORDINALS.has(w) || TRIGGERS.has(w) || SEASONS.has(w) || w.includes('-'))) continue;
      const j = quarter(i) ?? season(i);
      if (j !== null && j > i) i = j - 1;
    }
    return out;

    /** Optional "of 1990" / "of fiscal 1990" / "1990" after index j: year and end, or null. */
    function yearAfter(j: number): { y: number; end: number } | null {
      let k = j;
      if (low[k] === 'of') k++;
      if (low[k] === 'fiscal') k++;
      if (YEAR_RE.test(low[k] ?? '') && !(low[k + 1] === 's' && glued(toks, k + 1))) return { y: Number(low[k]), end: k + 1 };
      return null;
    }

    /** Left context: "the", "fiscal", "this year's", "1990's". */
    function leftOfQuarter(i: number): { start: number; y?: number } {
      let s = i;
      if (low[s - 1] === 'fiscal') s--;
      if (low[s - 1] === "'s" && YEAR_RE.test(low[s - 2] ?? '')) {
        const y = Number(low[s - 2]);
        s -= 2;
        if (low[s - 1] === 'fiscal') s--;
        if (low[s - 1] === 'the') s--;
        return { start: s, y };
      }
      if (low[s - 1] === "'s" && low[s - 2] === 'year' && (low[s - 3] === 'this' || low[s - 3] === 'last' || low[s - 3] === 'next') && ref) {
        const y = ref.y + (low[s - 3] === 'last' ? -1 : low[s - 3] === 'next' ? 1 : 0);
        return { start: s - 3, y };
      }
      if (low[s - 1] === 'the') s--;
      return { start: s };
    }

    function quarter(i: number): number | null {
      const w = low[i]!;
      let ord: number | undefined;
      let end = i + 1;
      let half = false;
      // "FY2024", "FY 2024", "FY24": a fiscal year
      const fy = FY_RE.exec(w);
      if (fy || (w === 'fy' && YEAR_RE.test(low[i + 1] ?? ''))) {
        const yv = fy ? fy[1]! : low[i + 1]!;
        const y = yv.length === 2 ? 2000 + Number(yv) : Number(yv);
        return emit(i, fy ? i + 1 : i + 2, fmtYear(y), 'fiscal year', ['year']);
      }
      // "H1 2024"
      const ht = HTOKEN_RE.exec(w);
      if (ht && YEAR_RE.test(low[i + 1] ?? '')) return emit(i, i + 2, `${low[i + 1]}-H${ht[1]}`, 'half of year', ['month', 'year']);
      const qt = QTOKEN_RE.exec(w);
      // "the 1988 third quarter", "the 1988 quarter" (the quarter being reported, a year before)
      if (YEAR_RE.test(w) && low[i - 1] === 'the') {
        const y = Number(w);
        const o = ORDINALS.get(low[i + 1] ?? '');
        if (o !== undefined && o <= 4 && low[i + 2] === 'quarter') return emit(i - 1, i + 3, `${fmtYear(y)}-Q${o}`, 'year + quarter', ['quarter', 'year']);
        // "in the 1988 period": the comparison period of that year
        if (low[i + 1] === 'period') return emit(i - 1, i + 2, fmtYear(y), 'year + period', ['year']);
        if (low[i + 1] === 'quarter' && ref) return emit(i - 1, i + 2, `${fmtYear(y)}-Q${quarterOf(ref.m) === 1 ? 4 : quarterOf(ref.m) - 1}`, 'year + quarter', ['year']);
        return null;
      }
      if (w === 'last' && low[i + 1] === 'half' && low[i - 1] === 'the') {
        ord = 2;
        end = i + 2;
        half = true;
      } else if (qt) ord = Number(qt[1]);
      else if (w.endsWith('-quarter') || w.endsWith('-half')) {
        half = w.endsWith('-half');
        ord = ORDINALS.get(w.slice(0, w.lastIndexOf('-')));
      } else if (w.startsWith('fiscal-') && ORDINALS.has(w.slice(7)) && (low[i + 1] === 'quarter' || low[i + 1] === 'half')) {
        // "the fiscal-first quarter": one hyphenated token before the noun
        ord = ORDINALS.get(w.slice(7));
        end = i + 2;
        half = low[i + 1] === 'half';
      } else if (ORDINALS.has(w) && (low[i + 1] === 'quarter' || low[i + 1] === 'half' || (low[i + 1] === 'fiscal' && low[i + 2] === 'quarter'))) {
        ord = ORDINALS.get(w);
        end = low[i + 1] === 'fiscal' ? i + 3 : i + 2;
        half = low[end - 1] === 'half';
      } else if ((w === 'latest' || w === 'last' || w === 'previous' || w === 'past' || w === 'recent') && low[i + 1] === 'quarter') {
        // "the latest quarter": the last completed quarter before the reference
        let s = i;
        if (low[s - 1] === 'most') s--;
        if (low[s - 1] === 'fiscal') s--;
        if (low[s - 1] !== 'the' && w !== 'last') return null;
        if (low[s - 1] === 'the') s--;
        return emit(s, i + 2, deictic(ref, 'quarter', -1), 'latest quarter', ['quarter']);
      } else if (w === 'quarter' && low[i - 1] === 'the' && low[i + 1] !== 'of' && !ORDINALS.has(low[i + 1] ?? '') && low[i + 1] !== 'century') {
        // "in the quarter": the quarter being reported (the last completed one)
        return emit(i - 1, i + 1, deictic(ref, 'quarter', -1), 'the quarter', ['quarter']);
      } else return null;
      if (ord === undefined || ord < 1 || ord > (half ? 2 : 4)) return null;
      if (!half && !qt && end === i + 1 && low[i - 1] === 'the' && low[i + 1] === 'of' && !YEAR_RE.test(low[i + 2] ?? '')) return null;
      // "third quarter" needs the word "quarter" (already ensured) or the hyphenated token
      // "the third-quarter results": the article belongs to the noun, not to the hyphenated adjective
      const left = qt ? { start: i } : w.includes('-') && !w.startsWith('fiscal-') && low[i - 1] === 'the' ? { start: i } : leftOfQuarter(i);
      let y = left.y;
      const ya = yearAfter(end);
      if (ya && y === undefined) {
        y = ya.y;
        end = ya.end;
      }
      const code = half ? `H${ord}` : `Q${ord}`;
      if (y !== undefined) return emit(left.start, end, `${fmtYear(y)}-${code}`, half ? 'half of year' : 'quarter of year', [half ? 'month' : 'quarter', 'year']);
      if (half) return emit(left.start, end, ref ? `${fmtYear(ref.y)}-${code}` : `XXXX-${code}`, 'half', ['month']);
      return emit(left.start, end, `XXXX-${code}`, 'quarter', ['quarter'], { kind: 'quarter', q: ord });
    }

    function season(i: number): number | null {
      const code = SEASONS.get(low[i]!);
      if (code === undefined) return null;
      if (low[i] === 'fall' && low[i - 1] !== 'the' && low[i - 1] !== 'this' && low[i - 1] !== 'last' && low[i - 1] !== 'next' && low[i - 1] !== 'early' && low[i - 1] !== 'late') return null;
      let start = i;
      let end = i + 1;
      const ya = yearAfter(i + 1);
      if (low[start - 1] === 'the') start--;
      if (low[start - 1] === 'early' || low[start - 1] === 'late') start--;
      if (ya) return emit(start, ya.end, `${fmtYear(ya.y)}-${code}`, 'season of year', ['season', 'year']);
      // bare seasons need a date preposition: "in the spring", "during the summer"
      if (YEAR_RE.test(low[i - 1] ?? '')) return null; // "1990 summer": the year extractor has it
      const p = low[start - 1];
      if (p === undefined || !SEASON_PREPS.has(p)) return null;
      if (p === 'this' || p === 'last' || p === 'next') return null; // relative extractor
      end = i + 1;
      return emit(start, end, `XXXX-${code}`, 'season', ['season'], { kind: 'season', season: code, dir: 0 });
    }
  },
};
