/**
 * Relative dates: deictic ones resolved against the reference at once ("yesterday", "last week",
 * "earlier this year", "two months ago", "June last year"), the vague REF values ("now" ->
 * PRESENT_REF, "recently" -> PAST_REF, "the coming days" -> FUTURE_REF), and anchored ones left as
 * drafts for the anchor refiner ("a year earlier", "the next day", "the following year").
 */
import type { DatePart } from '../../types.js';
import type { Extractor } from '../types.js';
import { deictic, fmtDay, fmtMonth, isValidDate, SEASON_ORDER, weekday, type Gran } from './calendar.js';
import { MONTHS, SEASONS, UNITS } from './lexicon.js';
import { isCapitalized, lowered, makeTimex, readNumber, refDate, type Draft, type DraftTimex } from './match.js';

const NAME = 'dates:relative';

const PRESENT_WORDS = new Set(['now', 'currently', 'nowadays', 'presently', 'current']);
const PAST_WORDS = new Set(['recently', 'lately', 'recent']);
const FUTURE_WORDS = new Set(['soon', 'future']);
const PERIOD_NOUNS: ReadonlyMap<string, Gran> = new Map([
  ['year', 'year'], ['month', 'month'], ['week', 'week'], ['weekend', 'weekend'], ['quarter', 'quarter'], ['decade', 'decade'], ['century', 'century'],
]);
const DECADE_WORDS: ReadonlyMap<string, string> = new Map([
  ['twenties', '192'], ['thirties', '193'], ['forties', '194'], ['fifties', '195'], ['sixties', '196'], ['seventies', '197'], ['eighties', '198'], ['nineties', '199'],
]);
const MODALS = new Set(['will', "'ll", 'would', 'could', 'may', 'might', 'can', 'should', 'must']);
const PLURAL_PERIODS = new Set(['years', 'months', 'weeks', 'days', 'decades']);

export const relativeDates: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc, ctx) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const ref = refDate(ctx);
    const out: DraftTimex[] = [];
    const n = toks.length;
    const add = (i: number, j: number, type: 'DATE' | 'TIME' | 'DURATION', value: string, reason: string, stated: DatePart[], extra: { mod?: string; draft?: Draft; implied?: DatePart[] } = {}): number => {
      out.push(makeTimex(doc, i, j, { extractor: NAME, type, value, reasons: [reason], stated, implied: extra.implied ?? (ref ? ['year', 'month', 'day'] : []), mod: extra.mod, draft: extra.draft, anchor: extra.draft ? undefined : ref ? ctx.reference!.value.slice(0, 10) : undefined }));
      return j;
    };
    for (let i = 0; i < n; i++) {
      const w = low[i]!;
      const j = matchAt(i, w);
      if (j > i) i = j - 1;
    }
    return out;

    /** Position word before i ("early", "late", "earlier", "later", "mid"): start index and mod. */
    function posBefore(i: number, dayLike = false): { start: number; mod?: string } {
      const p = low[i - 1];
      if (dayLike && (p === 'earlier' || p === 'later')) return { start: i };
      if (low[i - 3] === 'the' && low[i - 1] === 'of') {
        const q = low[i - 2];
        if (q === 'end' || q === 'close') return { start: i - 3, mod: 'END' };
        if (q === 'beginning' || q === 'start') return { start: i - 3, mod: 'START' };
        if (q === 'middle') return { start: i - 3, mod: 'MID' };
      }
      if (p === 'early' || p === 'earlier') return { start: i - 1, mod: 'START' };
      if (p === 'late' || p === 'later') return { start: i - 1, mod: 'END' };
      if (p === 'mid' || p === 'mid-') return { start: i - 1, mod: 'MID' };
      return { start: i };
    }

    function matchAt(i: number, w: string): number {
      switch (w) {
        case 'today':
        case 'tonight': {
          const pos = posBefore(i, true);
          if (w === 'tonight') return add(pos.start, i + 1, 'TIME', ref ? `${deictic(ref, 'day', 0)}TNI` : 'XXXX-XX-XXTNI', 'word: tonight', ['part_of_day'], { mod: pos.mod });
          return add(pos.start, i + 1, 'DATE', deictic(ref, 'day', 0), 'word: today', [], { mod: pos.mod });
        }
        case 'yesterday':
        case 'tomorrow': {
          const pos = posBefore(i, true);
          const d = w === 'yesterday' ? -1 : 1;
          const pod = partOfDay(i + 1);
          if (pod) return add(pos.start, i + 2, 'TIME', `${deictic(ref, 'day', d)}T${pod}`, `word: ${w} + part of day`, ['part_of_day'], { mod: pos.mod });
          return add(pos.start, i + 1, 'DATE', deictic(ref, 'day', d), `word: ${w}`, [], { mod: pos.mod });
        }
        case 'this': {
          const pod = partOfDay(i + 1);
          if (pod) {
            const pos = posBefore(i);
            return add(pos.start, i + 2, 'TIME', `${deictic(ref, 'day', 0)}T${pod}`, 'this + part of day', ['part_of_day'], { mod: pos.mod });
          }
          return periodRel(i, 0);
        }
        case 'last':
          if (low[i + 1] === 'night') return add(i, i + 2, 'TIME', `${deictic(ref, 'day', -1)}TNI`, 'last night', ['part_of_day']);
          return periodRel(i, -1);
        case 'next':
        case 'coming':
          return periodRel(i, 1);
        case 'past': {
          // "in past years" (no article): like "in recent years"
          if (low[i - 1] !== 'the' && low[i - 1] !== 'this' && (low[i + 1] === 'years' || low[i + 1] === 'decades')) return add(i, i + 2, 'DATE', 'PAST_REF', 'past + periods', []);
          if (low[i - 1] === 'the' && (low[i - 2] === 'in' || low[i - 2] === 'of') && !UNITS.has(low[i + 1] ?? '') && readNumber(low, i + 1) === null)
            return add(i - 1, i + 1, 'DATE', 'PAST_REF', 'the past', []);
          // "this past weekend" = last weekend
          const j = periodRel(i, -1);
          if (j > i && low[i - 1] === 'this' && out.length > 0) {
            const last = out.pop()!;
            out.push(makeTimex(doc, i - 1, j, { extractor: NAME, type: last.type, value: last.value, reasons: ['this past + period'], stated: last.stated, implied: last.implied, mod: last.mod }));
          }
          return j;
        }
        case 'day':
          // "Islam will one day be ...": an indefinite future day
          if (low[i - 1] === 'one' && MODALS.has(low[i - 2] ?? '')) return add(i - 1, i + 1, 'DATE', 'FUTURE_REF', 'modal + one day', []);
          // "the day before", "the day after": anchored one-day shifts
          if (low[i - 1] === 'the' && (low[i + 1] === 'before' || low[i + 1] === 'after') && (low[i + 2] === '.' || low[i + 2] === ',' || low[i + 2] === undefined)) {
            const n = low[i + 1] === 'after' ? 1 : -1;
            return add(i - 1, i + 2, 'DATE', deictic(ref, 'day', n), `the day ${low[i + 1]}`, [], { draft: { kind: 'shift', unit: 'day', n, keep: false } });
          }
          return i;
        case 'future':
          // "in future quarters", "future years": like "the coming years"
          if (low[i - 1] !== 'the' && (PLURAL_PERIODS.has(low[i + 1] ?? '') || low[i + 1] === 'quarters')) return add(i, i + 2, 'DATE', 'FUTURE_REF', 'future + periods', []);
          if (low[i - 1] === 'near' && low[i - 2] === 'the') return add(i - 2, i + 1, 'DATE', 'FUTURE_REF', 'the near future', []);
          if (low[i - 1] === 'the') return add(i - 1, i + 1, 'DATE', 'FUTURE_REF', 'the future', []);
          return i;
        case 'ago':
          return ago(i);
        case 'weekend':
          if (low[i - 1] === 'the' && !(low[i - 2] === 'this' || low[i - 2] === 'last' || low[i - 2] === 'next')) {
            // "over the weekend": the weekend just gone, unless the reference falls on it;
            // "ahead of the weekend", "until the weekend": the coming one
            const wd = ref ? weekday(ref) : 0;
            const ahead = (low[i - 2] === 'of' && low[i - 3] === 'ahead') || low[i - 2] === 'before' || low[i - 2] === 'until' || low[i - 2] === 'till';
            return add(i - 1, i + 1, 'DATE', deictic(ref, 'weekend', wd >= 6 || ahead ? 0 : -1), ahead ? 'the coming weekend' : 'the weekend', []);
          }
          return i;
        case 'earlier':
        case 'later':
        case 'before':
          return yearShift(i, w);
        case 'year-earlier':
        case 'year-ago':
        case 'year-before':
          return yearAdj(i);
        case 'following':
        case 'previous':
        case 'prior':
        case 'same':
          return anchoredNext(i, w);
        case 'that':
          // "that year", "that day": the period of the last date mentioned
          if (low[i + 1] === 'year' || low[i + 1] === 'day' || low[i + 1] === 'month' || low[i + 1] === 'week') {
            if (toks[i + 2] && (toks[i + 2]!.kind === 'word' && !['when', ',', 'and', 'in', 'the', 'he', 'she', 'they', 'it'].includes(low[i + 2]!))) return i;
            const unit = low[i + 1] as 'year' | 'day' | 'month' | 'week';
            return add(i, i + 2, 'DATE', deictic(ref, unit, 0), `that ${unit}`, [], { draft: { kind: 'shift', unit, n: 0, keep: false } });
          }
          return i;
        case 'year':
          return theYear(i);
        case 'year-end':
          // "by year-end", "since year-end": the (reference) year, closing
          return add(i, i + 1, 'DATE', deictic(ref, 'year', 0), 'year-end', [], { mod: 'END' });
        case 'end': {
          // "by year end", "by year's end"
          const s = low[i - 1] === 'year' ? i - 1 : low[i - 1] === "'s" && low[i - 2] === 'year' ? i - 2 : -1;
          if (s < 0 || low[s - 1] === 'the' || low[s - 1] === 'fiscal') return i;
          return add(s, i + 1, 'DATE', deictic(ref, 'year', 0), 'year end', [], { mod: 'END' });
        }
        case 'term':
          // "in the near term", "over the short term", "in the long term": the future
          if ((low[i - 1] === 'near' || low[i - 1] === 'short' || low[i - 1] === 'long') && low[i - 2] === 'the') return add(i - 2, i + 1, 'DATE', 'FUTURE_REF', `the ${low[i - 1]} term`, []);
          return i;
        case 'days':
          // "these days": the present
          if (low[i - 1] === 'these') return add(i - 1, i + 1, 'DATE', 'PRESENT_REF', 'these days', []);
          return i;
        case 'mid-afternoon':
        case 'midafternoon':
        case 'mid-morning':
        case 'midmorning':
        case 'afternoon':
        case 'morning': {
          // "mid-afternoon yesterday", "in mid afternoon": a part of the (named) day
          const bare = w === 'afternoon' || w === 'morning';
          if (bare && low[i - 1] !== 'mid') return i;
          const start = bare ? i - 1 : i;
          const pod = w.endsWith('afternoon') ? 'AF' : 'MO';
          const nx = low[i + 1];
          const d = nx === 'yesterday' ? -1 : nx === 'tomorrow' ? 1 : 0;
          const end = nx === 'yesterday' || nx === 'tomorrow' || nx === 'today' ? i + 2 : i + 1;
          return add(start, end, 'TIME', `${deictic(ref, 'day', d)}T${pod}`, 'mid part of day', ['part_of_day']);
        }
        case 'date':
          // "at a later date": an unspecified future
          if (low[i - 1] === 'later' && low[i - 2] === 'a') return add(i - 2, i + 1, 'DATE', 'FUTURE_REF', 'a later date', []);
          return i;
        case 'ahead': {
          // "in the weeks ahead": a vague stretch of the coming weeks
          const u = UNITS.get(low[i - 1] ?? '');
          if (!u || !PLURAL_PERIODS.has(low[i - 1]!) || low[i - 2] !== 'the') return i;
          return add(i - 2, i + 1, 'DURATION', u.gran === 'decade' ? 'PXDE' : `PX${u.letter}`, 'the periods ahead', []);
        }
        case 'period':
          // "the latest period" (financial copy): the quarter being reported
          if (low[i - 1] === 'latest' && low[i - 2] === 'the') return add(i - 2, i + 1, 'DATE', deictic(ref, 'quarter', -1), 'the latest period', []);
          return i;
        default:
          break;
      }
      // "the nineties", "the Eighties": decades in words (20th century)
      const dec = DECADE_WORDS.get(w);
      if (dec !== undefined && low[i - 1] === 'the') return add(i - 1, i + 1, 'DATE', dec, 'decade in words', ['year']);
      if (PRESENT_WORDS.has(w)) {
        if (w === 'current' && !(toks[i + 1]?.kind === 'word')) return i;
        // "the current quarter", "the current fiscal year"
        const fiscal = low[i + 1] === 'fiscal' ? 1 : 0;
        if (w === 'current' && PERIOD_NOUNS.has(low[i + 1 + fiscal] ?? '')) {
          const g = PERIOD_NOUNS.get(low[i + 1 + fiscal]!)!;
          const start = low[i - 1] === 'the' ? i - 1 : i;
          return add(start, i + 2 + fiscal, 'DATE', deictic(ref, g, 0), 'the current period', []);
        }
        // "the then current price": the past
        if (w === 'current' && low[i - 1] === 'then') return add(i - 1, i + 1, 'DATE', 'PAST_REF', 'then current', []);
        // "now that ..." still speaks of the present (TimeBank tags it); "from now" belongs to a duration
        if (w === 'now' && (low[i - 1] === 'from' || low[i + 1] === ',' && i > 0 && low[i - 1] === '.')) return i;
        return add(w === 'now' && low[i - 1] === 'right' ? i - 1 : i, i + 1, 'DATE', 'PRESENT_REF', `word: ${w}`, []);
      }
      if (PAST_WORDS.has(w)) {
        if (w === 'recent') {
          // "recent years" -> PAST_REF; "recent weeks" -> a vague duration; a bare "recent" is too loose
          const u = UNITS.get(low[i + 1] ?? '');
          if (!u || !PLURAL_PERIODS.has(low[i + 1]!)) return i;
          if (u.gran === 'year' || u.gran === 'decade') return add(i, i + 2, 'DATE', 'PAST_REF', 'recent + periods', []);
          return add(i, i + 2, 'DURATION', `PX${u.letter}`, 'recent + periods', []);
        }
        return add(w === 'recently' && low[i - 1] === 'more' ? i - 1 : i, i + 1, 'DATE', 'PAST_REF', `word: ${w}`, []);
      }
      if (FUTURE_WORDS.has(w)) {
        if (w === 'soon' && (low[i - 1] === 'as' || low[i + 1] === 'as' || low[i + 1] === 'after')) return i;
        return add(i, i + 1, 'DATE', 'FUTURE_REF', `word: ${w}`, []);
      }
      return i;
    }

    function partOfDay(j: number): string | null {
      const w = low[j];
      if (w === 'morning') return 'MO';
      if (w === 'afternoon') return 'AF';
      if (w === 'evening') return 'EV';
      if (w === 'night') return 'NI';
      return null;
    }

    /** "this year", "last week", "next month", "the past year", "the coming days", "June last year". */
    function periodRel(i: number, dir: number): number {
      const nx = low[i + 1] ?? '';
      let start = i;
      let mod: string | undefined;
      const hasThe = low[i - 1] === 'the' && (low[i] === 'past' || low[i] === 'coming' || low[i] === 'last' || low[i] === 'next');
      if (hasThe) start = i - 1;
      else {
        const pos = posBefore(i);
        start = pos.start;
        mod = pos.mod;
      }
      // "the coming days/weeks/months" -> FUTURE_REF
      if (low[i] === 'coming' && (PLURAL_PERIODS.has(nx) || nx === 'quarters')) return add(start, i + 2, 'DATE', 'FUTURE_REF', 'the coming periods', []);
      // "the next few days", "the past several weeks": vague durations
      if ((nx === 'few' || nx === 'several') && PLURAL_PERIODS.has(low[i + 2] ?? '') && hasThe) {
        const u = UNITS.get(low[i + 2]!)!;
        return add(start, i + 3, 'DURATION', u.gran === 'decade' ? 'PXDE' : `PX${u.letter}`, 'the last/next few periods', []);
      }
      if (hasThe && low[i] === 'next' && nx === 'day') return anchoredNext(i, 'next');
      const g = PERIOD_NOUNS.get(nx);
      if (g !== undefined) {
        // "the next year" / "the following week" in a narrative: anchored, not deictic
        if (hasThe && low[i] === 'next' && g !== 'weekend') return anchoredNext(i, 'next');
        if (g === 'weekend' && low[i] === 'this' && low[i - 1] === 'the') return i;
        // a quoted title: ABC's "This Week"
        if (isCapitalized(toks[i + 1]) && isCapitalized(toks[i]) && (low[i - 1] === '"' || low[i - 1] === '``' || low[i - 1] === '“')) return i;
        // "June last year" / "March this year"
        const mBefore = MONTHS.get(low[start - 1] ?? '');
        if (g === 'year' && mBefore !== undefined && isCapitalized(toks[start - 1]) && ref) {
          const y = ref.y + dir;
          return add(start - 1, i + 2, 'DATE', fmtMonth(y, mBefore), 'month + relative year', ['month'], { implied: ['year'] });
        }
        let value: string;
        if (g === 'weekend') value = weekend(dir);
        else value = deictic(ref, g, dir);
        return add(start, i + 2, 'DATE', value, `${low[i]} + ${nx}`, [], { mod });
      }
      const month = MONTHS.get(nx);
      if (month !== undefined && isCapitalized(toks[i + 1]) && ref) {
        // "last May" = the latest May before the reference month; "next March" the first after it
        let y = ref.y;
        if (dir < 0 && month >= ref.m) y--;
        if (dir > 0 && month <= ref.m) y++;
        // "last Oct. 23": the day goes with it
        const dayW = low[i + 2] ?? '';
        if (/^(?:[1-9]|[12]\d|3[01])$/.test(dayW)) {
          const day = Number(dayW);
          const key = month * 100 + day;
          const refKey = ref.m * 100 + ref.d;
          let yd = ref.y;
          if (dir < 0 && key >= refKey) yd--;
          if (dir > 0 && key <= refKey) yd++;
          if (isValidDate(yd, month, day)) return add(start, i + 3, 'DATE', fmtDay({ y: yd, m: month, d: day }), `${low[i]} + month day`, ['month', 'day'], { mod, implied: ['year'] });
        }
        return add(start, i + 2, 'DATE', fmtMonth(y, month), `${low[i]} + month`, ['month'], { mod, implied: ['year'] });
      }
      const season = SEASONS.get(nx);
      if (season !== undefined) {
        if (!ref) return add(start, i + 2, 'DATE', `XXXX-${season}`, `${low[i]} + season`, ['season'], { mod });
        const si = SEASON_ORDER.indexOf(season as (typeof SEASON_ORDER)[number]);
        // seasons as consecutive three-month blocks numbered from December (WI 0, SP 1, SU 2, FA 3);
        // winter belongs to the year it starts in December: Jan-Feb winter is the previous year's
        const cur = Math.floor((12 * ref.y + ref.m) / 3);
        const yearOf = (b: number): number => Math.floor(b / 4) - (b % 4 === 0 ? 1 : 0);
        let y: number;
        // "last fall": the latest fall before the current season; "next spring": the first after it
        if (dir < 0) y = yearOf(cur - 1 - ((cur - 1 - si) % 4 + 4) % 4);
        else if (dir > 0) y = yearOf(cur + 1 + ((si - cur - 1) % 4 + 4) % 4);
        else y = season === 'WI' ? yearOf(cur % 4 === 0 ? cur : cur + ((4 - (cur % 4)) % 4)) : ref.y;
        return add(start, i + 2, 'DATE', `${String(y).padStart(4, '0')}-${season}`, `${low[i]} + season`, ['season'], { mod, implied: ['year'] });
      }
      return i;
    }

    function weekend(dir: number): string {
      if (!ref) return 'XXXX-WXX-WE';
      return deictic(ref, 'weekend', dir);
    }

    /** "two years ago", "three weeks ago", "years ago" (PAST_REF). */
    function ago(i: number): number {
      const unitW = low[i - 1] ?? '';
      const unit = UNITS.get(unitW);
      if (!unit) return i;
      // find the count before the unit: "two", "a few", "several", "twenty four"
      let k = i - 2;
      let value: number | null | undefined;
      let start = i - 1;
      for (let back = 1; back <= 3 && k - back + 1 >= 0; back++) {
        const s = i - 1 - back;
        const r = readNumber(low, s);
        if (r && r.end === i - 1) {
          value = r.value;
          start = s;
        }
      }
      k = start;
      if (value === undefined) {
        // "years ago" without a count
        if (!unitW.endsWith('s')) return i;
        value = null;
      }
      const mb = modBefore(k);
      if (value === null) return add(mb.start, i + 1, 'DATE', 'PAST_REF', 'vague + ago', [], { mod: mb.mod });
      if (!Number.isInteger(value)) return i;
      const gran: Gran | null = unit.gran === 'decade' ? 'year' : unit.gran === 'century' ? 'year' : unit.gran === 'hour' || unit.gran === 'minute' || unit.gran === 'second' ? null : unit.gran;
      if (gran === null) return i;
      const count = value * unit.mult;
      if (gran === 'year' && value === 1 && unit.mult === 1) {
        return add(mb.start, i + 1, 'DATE', deictic(ref, 'year', -1), 'a year ago', [], { mod: mb.mod, draft: { kind: 'shift', unit: 'year', n: -1, keep: true } });
      }
      return add(mb.start, i + 1, 'DATE', deictic(ref, gran, -count), 'count + ago', [], { mod: mb.mod });
    }

    function modBefore(k: number): { start: number; mod?: string } {
      const p = low[k - 1];
      if (p === 'about' || p === 'some' || p === 'nearly' || p === 'almost' || p === 'around' || p === 'roughly' || p === 'approximately') return { start: k - 1, mod: 'APPROX' };
      if (p === 'than' && (low[k - 2] === 'more' || low[k - 2] === 'less')) return { start: k - 2, mod: low[k - 2] === 'more' ? 'MORE_THAN' : 'LESS_THAN' };
      return { start: k };
    }

    /** "the year", "the fiscal year", "the full year": the reference year, or a one-year duration after "for". */
    function theYear(i: number): number {
      let s = i - 1;
      if (low[s] === 'fiscal' || low[s] === 'full' || low[s] === 'calendar') s--;
      if (low[s] !== 'the') return i;
      const nx = low[i + 1] ?? '';
      if (nx === 'before' || nx === 'after' || nx === 'ago' || nx === 'earlier' || nx === 'later' || nx === "'s" || nx === 'of' || nx === 'when' || nx === 'that' || nx === 'in') return i;
      if (toks[i + 1]?.kind === 'number' || nx === 'two' || nx === 'end') return i;
      const p = low[s - 1] ?? '';
      // "the year ended March 31", "in the fiscal year ending June 30": a twelve-month period
      // closed by its end date; "for the year" alone is the current (fiscal) year
      if (nx === 'ended' || nx === 'ending') return add(s, i + 1, 'DURATION', 'P1Y', 'the year ended (duration)', []);
      if (p === 'over' || p === 'during' || p === 'throughout' || p === 'through' || p === 'within') return add(s, i + 1, 'DURATION', 'P1Y', 'the year (duration)', []);
      return add(s, i + 1, 'DATE', deictic(ref, 'year', 0), 'the year', []);
    }

    /** "a year earlier", "a year later", "two years earlier": anchored year shifts. */
    function yearShift(i: number, w: string): number {
      const u = low[i - 1];
      if (u !== 'year' && u !== 'years') return i;
      const r = readNumber(low, i - 2);
      let start: number;
      let count: number;
      if (r && r.end === i - 1 && r.value !== null && Number.isInteger(r.value)) {
        start = i - 2;
        count = r.value;
      } else if (low[i - 2] === 'a' || low[i - 2] === 'one') {
        start = i - 2;
        count = 1;
      } else return i;
      if (w === 'before' && low[i + 1] !== '.' && low[i + 1] !== ',') return i;
      const n = w === 'later' ? count : -count;
      return add(start, i + 1, 'DATE', deictic(ref, 'year', n), `a year ${w}`, [], { draft: { kind: 'shift', unit: 'year', n, keep: true } });
    }

    /** "year-earlier", "the year-ago quarter", "the year-earlier period". */
    function yearAdj(i: number): number {
      let start = i;
      let end = i + 1;
      const nx = low[i + 1];
      if (low[i - 1] === 'the' && (nx === 'quarter' || nx === 'period')) {
        start = i - 1;
        end = i + 2;
      }
      return add(start, end, 'DATE', deictic(ref, 'year', -1), 'year-earlier', [], { draft: { kind: 'shift', unit: 'year', n: -1, keep: true } });
    }

    /** "the next day", "the following year", "the previous week", "the same day", "the day before". */
    function anchoredNext(i: number, w: string): number {
      if (low[i - 1] !== 'the') return i;
      const nx = low[i + 1] ?? '';
      const unit = nx === 'day' || nx === 'week' || nx === 'month' || nx === 'year' ? nx : null;
      if (!unit) return i;
      const n = w === 'next' || w === 'following' ? 1 : w === 'same' ? 0 : -1;
      return add(i - 1, i + 2, 'DATE', deictic(ref, unit, n), `the ${w} ${unit}`, [], { draft: { kind: 'shift', unit, n, keep: false } });
    }
  },
};

