/**
 * Absolute calendar dates: "6 August 2024", "Aug. 6, 2024", "Friday, Aug. 7", "August 1988",
 * "2024-08-06", "08/06/2024", years in date context ("in 1990", "fiscal 1989"), decades
 * ("the 1990s" -> 199), centuries ("the 20th century" -> 19), spelled years ("nineteen ninety-six").
 * Months without a year carry a draft for the tense refiner ("in May" -> XXXX-05 until resolved).
 */
import type { DatePart } from '../../types.js';
import type { Doc, Extractor } from '../types.js';
import { fmtDay, fmtMonth, fmtYear, isValidDate } from './calendar.js';
import { AMBIGUOUS_MONTHS, MONTHS, NUMBER_WORDS, ORDINALS, TENS, WEEKDAYS } from './lexicon.js';
import { glued, isCapitalized, lowered, makeTimex, perDocument, type DraftTimex } from './match.js';

const NAME = 'dates:absolute';

/** Words after which a bare year or an ambiguous month ("May") reads as a date. */
const DATE_PREPS = new Set([
  'in', 'since', 'by', 'of', 'from', 'to', 'until', 'till', 'through', 'during', 'before', 'after', 'early', 'late', 'mid',
  'on', 'for', 'and', 'or', 'between', 'last', 'next', 'this', 'fiscal', 'around', 'circa', 'end', 'beginning', 'start',
  'middle', 'throughout', 'spring', 'summer', 'fall', 'autumn', 'winter', 'as', 'year', 'that', 'than', '-', '–', 'at', 'within',
]);

/** Capitalised words that may precede a year without making it part of a name. */
const FUNCTION_CAPS = new Set([
  'in', 'since', 'by', 'of', 'from', 'to', 'until', 'through', 'during', 'before', 'after', 'the', 'and', 'or', 'for', 'early',
  'late', 'fiscal', 'between', 'on', 'at', 'as', 'but', 'until', 'throughout', 'spring', 'summer', 'fall', 'autumn', 'winter',
  'mid', 'end', 'year', 'that', 'then', 'also', 'even', 'only', 'not', 'about', 'around', 'circa',
]);

/** Words before a number that make it a quantity, not a year. */
const QUANTITY_BEFORE = new Set(['than', 'about', 'nearly', 'almost', 'over', 'some', 'approximately', 'roughly', 'up', 'no.', '#', '$', '€', '£', 'number', 'no', 'flight', 'route', 'room', 'page', 'copyright', '©', 'boeing', 'airbus', 'model', 'type', 'version']);

const YEAR_RE = /^(?:1\d|20)\d\d$/;
const DAY_RE = /^(?:[1-9]|[12]\d|3[01])$/;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
const ORD_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
/** Tokens that may follow the second day of "April 24 and 25". */
const COORD_CLOSERS = new Set(['.', ',', ';', ':', ')', '"', "''", '--', 'at', 'in', 'on', 'when', 'and', 'respectively']);

const isYear = (w: string | undefined): boolean => w !== undefined && YEAR_RE.test(w);

/** Its drafts depend on the document alone: inference and extraction share them (perDocument). */
export const absoluteDates: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract: (doc) => perDocument(NAME, doc, () => findAbsolute(doc)),
};

function findAbsolute(doc: Doc): DraftTimex[] {
  const toks = doc.tokens;
  const low = lowered(toks);
  const out: DraftTimex[] = [];
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const w = low[i]!;
    // keyword trigger: only digits, month names, "the", "'", "mid-…" and number words can start a date
    const c = w.charCodeAt(0);
    const digit = c >= 48 && c <= 57;
    let r: { m: DraftTimex; end: number } | null = null;
    if (digit) r = matchDayFirst(i) ?? matchNumeric(i) ?? matchYear(i) ?? matchCentury(i);
    else if (MONTHS.has(w) || w.startsWith('mid-') || w.startsWith('early-') || w.startsWith('late-')) r = matchMonthFirst(i);
    else if (w === 'the') r = matchDayFirst(i) ?? matchCentury(i);
    else if (w === "'") r = matchYear(i);
    else if (w === 'nineteen' || w === 'eighteen' || w === 'two') r = matchSpelledYear(i);
    else if (CENTURY_ORD.has(w)) r = matchCentury(i);
    if (r) {
      out.push(r.m);
      i = r.end;
      // "April 24 and 25": the second day of a coordinated pair takes the first one's month
      const second = coordinatedDay(r.m, i);
      if (second) {
        out.push(second.m);
        i = second.end;
      }
      continue;
    }
    i++;
  }
  return out;

  /**
   * "April 24 and 25", "May 3 or 4": a bare day right after a month-day joined by "and"/"or" and
   * closing the phrase (punctuation, a preposition or a year follows, never a noun: "May 3 and 4
   * people"). A year after the second day belongs to both.
   */
  function coordinatedDay(first: DraftTimex, j: number): { m: DraftTimex; end: number } | null {
    if (low[j] !== 'and' && low[j] !== 'or') return null;
    const d = first.draft;
    const full = /^(\d{4})-(\d{2})-\d{2}$/.exec(first.value);
    const month = d?.kind === 'month' && d.day !== undefined ? d.month : full ? Number(full[2]) : undefined;
    if (month === undefined || !first.stated.includes('day') || first.stated.includes('weekday')) return null;
    const day = readDay(j + 1);
    if (!day) return null;
    const after = low[day.end];
    const y = full ? null : readYear(day.end);
    if (!y && after !== undefined && !COORD_CLOSERS.has(after)) return null;
    const year = full ? Number(full[1]) : y?.year;
    const end = y ? y.end : day.end;
    const stated: DatePart[] = year !== undefined ? ['day', 'month', 'year'] : ['day'];
    const implied: DatePart[] = year !== undefined ? [] : ['year', 'month'];
    if (year !== undefined) {
      if (!isValidDate(year, month, day.day)) return null;
      if (y && first.draft?.kind === 'month' && isValidDate(year, month, first.draft.day!)) {
        // the year closing the pair dates the first day too
        first.value = fmtDay({ y: year, m: month, d: first.draft.day! });
        first.stated.push('year');
        first.implied = first.implied.filter((p) => p !== 'year');
        first.draft = undefined;
      }
      return { m: makeTimex(doc, j + 1, end, { extractor: NAME, type: 'DATE', value: fmtDay({ y: year, m: month, d: day.day }), reasons: ['pattern: coordinated day'], stated, implied: ['month'] }), end };
    }
    const value = `XXXX-${String(month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    return {
      m: makeTimex(doc, j + 1, day.end, { extractor: NAME, type: 'DATE', value, reasons: ['pattern: coordinated day'], stated, implied, draft: { kind: 'month', month, day: day.day, suffix: '' } }),
      end,
    };
  }

  /** Reads "DAY[th]" at j; returns day and next index. */
  function readDay(j: number): { day: number; end: number } | null {
    const d = low[j];
    if (d === undefined || !DAY_RE.test(d)) return null;
    let end = j + 1;
    if (ORD_SUFFIX.has(low[end] ?? '') && glued(toks, end)) end++;
    return { day: Number(d), end };
  }

  /** Reads ", 2024" or " 2024" at j; returns year and next index. */
  function readYear(j: number): { year: number; end: number } | null {
    let k = j;
    if (low[k] === ',') k++;
    if (isYear(low[k]) && !(low[k + 1] === '-' && glued(toks, k + 1))) return { year: Number(low[k]), end: k + 1 };
    if (low[k] === "'" && /^\d\d$/.test(low[k + 1] ?? '') && glued(toks, k + 1)) {
      const yy = Number(low[k + 1]);
      return { year: yy >= 30 ? 1900 + yy : 2000 + yy, end: k + 2 };
    }
    const sp = spelledYear(k);
    if (sp) return { year: sp.year, end: sp.end };
    return null;
  }

  /** Leftward extension over a weekday ("Friday, Aug. 7") and position words ("early May", "the end of May"). */
  function leftOf(i0: number): { start: number; mod?: string; weekday?: number } {
    let s = i0;
    let weekdayN: number | undefined;
    const p1 = low[s - 1];
    if (p1 === ',' && WEEKDAYS.has(low[s - 2] ?? '')) {
      weekdayN = WEEKDAYS.get(low[s - 2]!);
      s -= 2;
    } else if (p1 !== undefined && WEEKDAYS.has(p1)) {
      weekdayN = WEEKDAYS.get(p1);
      s -= 1;
    }
    const pos = positionBefore(s);
    const res: { start: number; mod?: string; weekday?: number } = { start: pos.start };
    if (pos.mod !== undefined) res.mod = pos.mod;
    if (weekdayN !== undefined) res.weekday = weekdayN;
    return res;
  }

  function positionBefore(s: number): { start: number; mod?: string } {
    const p1 = low[s - 1];
    if (p1 === 'early') return { start: s - 1, mod: 'START' };
    if (p1 === 'late') return { start: s - 1, mod: 'END' };
    if (p1 === 'mid' || p1 === 'mid-') return { start: s - 1, mod: 'MID' };
    if (p1 === 'of' && low[s - 3] === 'the') {
      const p2 = low[s - 2];
      if (p2 === 'end' || p2 === 'close') return { start: s - 3, mod: 'END' };
      if (p2 === 'beginning' || p2 === 'start') return { start: s - 3, mod: 'START' };
      if (p2 === 'middle') return { start: s - 3, mod: 'MID' };
    }
    return { start: s };
  }

  function monthOk(j: number, hasMore: boolean): boolean {
    const t = toks[j]!;
    const w = low[j]!;
    if (!isCapitalized(t)) return false;
    if (!AMBIGUOUS_MONTHS.has(w)) return true;
    if (hasMore) return true;
    const p = low[j - 1];
    return p !== undefined && DATE_PREPS.has(p) && p !== 'and' && p !== 'or' && p !== 'that' && p !== 'to' && p !== 'as';
  }

  function matchMonthFirst(j: number): { m: DraftTimex; end: number } | null {
    let w = low[j]!;
    let midWord = false;
    let posMod = 'MID';
    // "late-November", "early-March": one hyphenated token
    const pos = /^(early|late)-(.+)$/.exec(w);
    if (pos) {
      if (!MONTHS.has(pos[2]!) || pos[2]!.length <= 3) return null;
      w = pos[2]!;
      midWord = true;
      posMod = pos[1] === 'early' ? 'START' : 'END';
    } else if (w.startsWith('mid-')) {
      const rest = w.slice(4);
      if (MONTHS.has(rest)) {
        w = rest;
        midWord = true;
      } else if (isYear(rest) || /^\d{4}s$/.test(rest)) {
        return yearLike(j, rest, 'MID', j, j + 1);
      } else return null;
    }
    const month = MONTHS.get(w);
    if (month === undefined) return null;
    if (w.length <= 3 && !toks[j]!.text.endsWith('.') && w !== 'may') {
      // bare "Jan" / "Dec" without a period: only before a day or year
      if (!DAY_RE.test(low[j + 1] ?? '') && !isYear(low[j + 1])) return null;
    }
    const day = readDay(j + 1);
    let end = j + 1;
    let dayN: number | undefined;
    let year: number | undefined;
    if (day && !(low[day.end] === '-' && glued(toks, day.end))) {
      dayN = day.day;
      end = day.end;
      const y = readYear(end);
      if (y) {
        year = y.year;
        end = y.end;
      }
    } else {
      const y = low[j + 1] === 'of' ? readYear(j + 2) : low[j + 1] === ',' ? null : readYear(j + 1);
      if (y) {
        year = y.year;
        end = y.end;
      }
    }
    if (!midWord && !monthOk(j, dayN !== undefined || year !== undefined)) return null;
    const left = midWord ? { start: j, mod: posMod } : leftOf(j);
    const stated: DatePart[] = ['month'];
    if (dayN !== undefined) stated.push('day');
    if (year !== undefined) stated.push('year');
    if ('weekday' in left && left.weekday !== undefined) stated.push('weekday');
    const base = { extractor: NAME, type: 'DATE' as const, stated, mod: left.mod };
    if (year !== undefined && dayN !== undefined) {
      if (!isValidDate(year, month, dayN)) return null;
      return { m: makeTimex(doc, left.start, end, { ...base, value: fmtDay({ y: year, m: month, d: dayN }), reasons: ['pattern: month day year'] }), end };
    }
    if (year !== undefined) {
      return { m: makeTimex(doc, left.start, end, { ...base, value: fmtMonth(year, month), reasons: ['pattern: month year'] }), end };
    }
    const draft = dayN !== undefined ? { kind: 'month' as const, month, day: dayN, suffix: '' } : { kind: 'month' as const, month, suffix: '' };
    const value = dayN !== undefined ? `XXXX-${String(month).padStart(2, '0')}-${String(dayN).padStart(2, '0')}` : `XXXX-${String(month).padStart(2, '0')}`;
    return {
      m: makeTimex(doc, left.start, end, { ...base, value, reasons: [dayN !== undefined ? 'pattern: month day' : 'pattern: month'], implied: ['year'], draft }),
      end,
    };
  }

  function matchDayFirst(j: number): { m: DraftTimex; end: number } | null {
    // "6 August 2024", "the 6th of August"
    let k = j;
    const start = j;
    if (low[k] === 'the') k++;
    const day = readDay(k);
    if (!day) return null;
    let mi = day.end;
    if (low[mi] === 'of') mi++;
    const month = MONTHS.get(low[mi] ?? '');
    if (month === undefined || !isCapitalized(toks[mi])) return null;
    if (start !== k && day.end === k + 1) return null; // "the 6 August": unusual, skip the article
    const y = readYear(mi + 1);
    const stated: DatePart[] = ['day', 'month'];
    if (y) {
      if (!isValidDate(y.year, month, day.day)) return null;
      stated.push('year');
      return { m: makeTimex(doc, start, y.end, { extractor: NAME, type: 'DATE', value: fmtDay({ y: y.year, m: month, d: day.day }), reasons: ['pattern: day month year'], stated }), end: y.end };
    }
    const value = `XXXX-${String(month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    return {
      m: makeTimex(doc, start, mi + 1, { extractor: NAME, type: 'DATE', value, reasons: ['pattern: day month'], stated, implied: ['year'], draft: { kind: 'month', month, day: day.day, suffix: '' } }),
      end: mi + 1,
    };
  }

  function matchNumeric(j: number): { m: DraftTimex; end: number } | null {
    const w = low[j]!;
    let m = ISO_RE.exec(w);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (!isValidDate(y, mo, d) || y < 1000) return null;
      return { m: makeTimex(doc, j, j + 1, { extractor: NAME, type: 'DATE', value: fmtDay({ y, m: mo, d }), reasons: ['pattern: ISO date'], stated: ['year', 'month', 'day'] }), end: j + 1 };
    }
    m = SLASH_RE.exec(w);
    if (m) {
      let a = Number(m[1]);
      let b = Number(m[2]);
      let y = Number(m[3]);
      if (m[3]!.length === 2) y += y >= 30 ? 1900 : 2000;
      // US order (month/day) unless the first part cannot be a month
      if (a > 12 && b <= 12) [a, b] = [b, a];
      if (!isValidDate(y, a, b)) return null;
      return { m: makeTimex(doc, j, j + 1, { extractor: NAME, type: 'DATE', value: fmtDay({ y, m: a, d: b }), reasons: ['pattern: numeric date'], stated: ['year', 'month', 'day'] }), end: j + 1 };
    }
    return null;
  }

  /** A year, decade ("1990s") or year with a prefix word at token j. */
  function matchYear(j: number): { m: DraftTimex; end: number } | null {
    const w = low[j]!;
    // "'90s"
    if (w === "'" && /^\d0$/.test(low[j + 1] ?? '') && low[j + 2] === 's' && glued(toks, j + 1) && glued(toks, j + 2)) {
      const yy = Number(low[j + 1]);
      const dec = String(yy >= 30 ? 190 + yy / 10 : 200 + yy / 10);
      return decade(j, j + 3, dec);
    }
    if (!isYear(w)) return null;
    if (low[j + 1] === 's' && glued(toks, j + 1)) {
      if (!w.endsWith('0')) return null;
      return decade(j, j + 2, w.slice(0, 3));
    }
    return yearLike(j, w, undefined, j, j + 1);
  }

  function decade(j: number, end: number, value: string): { m: DraftTimex; end: number } {
    let start = j;
    let mod: string | undefined;
    const p = low[start - 1];
    if (p === 'early' || p === 'late' || p === 'mid' || p === 'mid-') {
      mod = p === 'early' ? 'START' : p === 'late' ? 'END' : 'MID';
      start--;
    }
    if (low[start - 1] === 'the') start--;
    return { m: makeTimex(doc, start, end, { extractor: NAME, type: 'DATE', value, reasons: ['pattern: decade'], stated: ['year'], mod }), end };
  }

  function yearLike(j: number, w: string, mod0: string | undefined, s0: number, e0: number): { m: DraftTimex; end: number } | null {
    if (w.endsWith('s')) {
      const v = w.slice(0, 3);
      return { m: makeTimex(doc, s0, e0, { extractor: NAME, type: 'DATE', value: v, reasons: ['pattern: decade'], stated: ['year'], mod: mod0 }), end: e0 };
    }
    const prev = low[s0 - 1];
    const next = low[e0];
    const prevTok = toks[s0 - 1];
    if (mod0 === undefined) {
      if (prev !== undefined && QUANTITY_BEFORE.has(prev)) return null;
      if (next === '%' || next === 'percent' || next === 'per') return null;
      if (next === '-' && glued(toks, e0)) return null;
      if (next === ':' || next === '.' && /^\d/.test(low[e0 + 1] ?? '') && glued(toks, e0 + 1)) return null;
      if (prev === '(' && low[s0 - 2] === 'c') return null;
      // "Euro 2024", "Windows 2000": a year inside a name
      if (prevTok && isCapitalized(prevTok) && !FUNCTION_CAPS.has(prev!) && !MONTHS.has(prev!)) {
        const sentenceStart = s0 - 1 === 0 || ['.', '!', '?', '"', '“'].includes(low[s0 - 2] ?? '.') || toks[s0 - 1]!.newlineBefore;
        if (!sentenceStart) return null;
      }
      const nextTok = toks[e0];
      const prepBefore = prev !== undefined && DATE_PREPS.has(prev);
      if (nextTok && nextTok.kind === 'word' && !prepBefore && prev !== 'the' && prev !== "'s") {
        // "2000 people": a count before a plural noun
        if (/^[a-z]+s$/.test(nextTok.text) && !['was', 'is', 'has', 'as', 'this', 'its', 'his', 'us'].includes(next!)) return null;
      }
      if (nextTok && nextTok.kind === 'number' && !prepBefore) return null;
    }
    let start = s0;
    let mod = mod0;
    if (mod0 === undefined) {
      const p = low[start - 1];
      if (p === 'fiscal') start--;
      else {
        const pos = positionBefore(start);
        start = pos.start;
        mod = pos.mod;
      }
    }
    return { m: makeTimex(doc, start, e0, { extractor: NAME, type: 'DATE', value: fmtYear(Number(w)), reasons: ['pattern: year'], stated: ['year'], mod }), end: e0 };
  }

  function spelledYear(j: number): { year: number; end: number } | null {
    // "nineteen ninety-six", "nineteen eighty", "two thousand (and) one"
    const a = low[j];
    if (a === 'nineteen' || a === 'eighteen') {
      const b = low[j + 1] ?? '';
      const base = a === 'nineteen' ? 1900 : 1800;
      if (b.includes('-')) {
        const [t, u] = b.split('-');
        if (t !== undefined && u !== undefined && TENS.has(t)) {
          const uv = NUMBER_WORDS.get(u);
          if (uv !== undefined && uv < 10) return { year: base + NUMBER_WORDS.get(t)! + uv, end: j + 2 };
        }
        return null;
      }
      if (TENS.has(b)) {
        const u = NUMBER_WORDS.get(low[j + 2] ?? '');
        if (u !== undefined && u >= 1 && u < 10 && low[j + 2] !== 'a' && low[j + 2] !== 'an') return { year: base + NUMBER_WORDS.get(b)! + u, end: j + 3 };
        return { year: base + NUMBER_WORDS.get(b)!, end: j + 2 };
      }
      return null;
    }
    if (a === 'two' && low[j + 1] === 'thousand') {
      let k = j + 2;
      if (low[k] === 'and') k++;
      const u = NUMBER_WORDS.get(low[k] ?? '');
      if (u !== undefined && u >= 1 && u < 20 && low[k] !== 'a' && low[k] !== 'an' && low[k] !== 'half') return { year: 2000 + u, end: k + 1 };
      return { year: 2000, end: j + 2 };
    }
    return null;
  }

  function matchSpelledYear(j: number): { m: DraftTimex; end: number } | null {
    const sp = spelledYear(j);
    if (!sp) return null;
    const a = low[j];
    // "two thousand" is a year only after "the year" or a date preposition
    if (a === 'two') {
      const p = low[j - 1];
      if (!(p === 'year' || p === 'in' || p === 'since' || p === 'by' || p === 'until')) return null;
    }
    let start = j;
    if (low[j - 1] === 'year' && low[j - 2] === 'the') start = j - 2;
    return { m: makeTimex(doc, start, sp.end, { extractor: NAME, type: 'DATE', value: fmtYear(sp.year), reasons: ['pattern: spelled year'], stated: ['year'] }), end: sp.end };
  }

  function matchCentury(j: number): { m: DraftTimex; end: number } | null {
    // "the 20th century" -> 19; "the nineteenth century" -> 18
    let n: number | undefined;
    let k = j;
    if (/^\d{1,2}$/.test(low[k] ?? '') && ORD_SUFFIX.has(low[k + 1] ?? '') && glued(toks, k + 1)) {
      n = Number(low[k]);
      k += 2;
    } else if (CENTURY_ORD.has(low[k] ?? '')) {
      n = CENTURY_ORD.get(low[k]!);
      k += 1;
    }
    if (n === undefined || (low[k] !== 'century' && low[k] !== 'centuries')) return null;
    let start = j;
    if (low[j - 1] === 'the') start--;
    return { m: makeTimex(doc, start, k + 1, { extractor: NAME, type: 'DATE', value: String(n - 1).padStart(2, '0'), reasons: ['pattern: century'], stated: ['year'] }), end: k + 1 };
  }
}

const CENTURY_ORD = new Map([...ORDINALS, ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21]]);
