/**
 * Publication-date inference for documents that came without one. Evidence, strongest first:
 * a dated dateline in the first lines ("WARSAW, February 26 (Xinhua)"), full dates in the text
 * (the report is written after the events it tells in the past tense and before the ones it
 * announces), a date in the URL path, years and months mentioned, "© 2024", and weekday agreement ("said Friday": the
 * most-mentioned weekday is usually the day of writing). Returns null when the text has no date.
 */
import type { PublishedRef } from '../../types.js';
import type { Doc, ExtractContext, ReferenceInferrer } from '../types.js';
import { absoluteDates } from './absolute.js';
import { addDays, fmtDay, isValidDate, toDays, weekday, type Ymd } from './calendar.js';
import { WEEKDAYS } from './lexicon.js';
import { periods } from './periods.js';
import { lowered, type DraftTimex, type Tense } from './match.js';
import { tenseOf, tokenAt } from './refine-tense.js';
import { weekdays } from './weekdays.js';

/** Characters from the start of the text that count as the dateline. */
const DATELINE_CHARS = 160;

interface Dated {
  date: Ymd;
  /** 'day' when the text states the day. */
  precision: 'day' | 'month' | 'year';
  tense: 'past' | 'present' | 'future' | null;
  start: number;
  /** The text states the year. */
  explicit?: boolean;
  /** The end of a reporting period ("the quarter ended Sept. 30"): results come out weeks later. */
  periodEnd?: boolean;
}

/** Days between the end of a reporting period and the report of its results ("quarter ended Sept. 30"). */
const REPORT_LAG_DAYS = 28;

/** Words before a year that make it a target or maturity rather than a time of writing. */
const TARGET_WORDS = new Set(['due', 'by', 'until', 'through', 'till', 'maturing', 'matures', 'mature', 'expires', 'expiring', 'ending', 'before']);

const NO_REF: ExtractContext = { reference: null, prior: [] };

export const inferReference: ReferenceInferrer = (doc: Doc): PublishedRef | null => {
  // A date in the URL path ("/2024/08/06/", "/2024-08-06-") is the publisher's own.
  const fromUrl = doc.url ? urlDate(doc.url) : null;
  if (fromUrl) return { value: fmtDay(fromUrl), inferred: true, confidence: 0.9, reasons: ['date in URL'] };
  const low = lowered(doc.tokens);
  const found = absoluteDates.extract(doc, NO_REF);
  const reasons: string[] = [];

  // Years stated anywhere, for month-day mentions without a year; the copyright year as a fallback.
  const years: number[] = [];
  const dated: Dated[] = [];
  const monthDays: Array<{ m: DraftTimex; month: number; day: number | undefined }> = [];
  // lower bounds: "in service since December 2022", "from 1991", a year in a quotation ("we have
  // waited since 1991"): the report is later, but they say nothing about how much later
  const bounds: Bound[] = [];
  /** Years named outside past and future clauses ("the 1989 period", "expectations for 1989"). */
  const presentYears = new Set<number>();
  const yearlessBounds: Array<{ m: DraftTimex; month: number; day: number | undefined }> = [];
  const quotes = quoteSpans(doc.text);
  for (const m of found) {
    // "notes due March 1, 2011", "until June 30, 1990": maturities and deadlines count as announced dates
    const tense = TARGET_WORDS.has(low[tokenAt(doc, m.start) - 1] ?? '') ? 'future' : tenseOf(doc, low, m);
    const v = m.value;
    if (tense !== 'future') {
      const why = boundCue(doc, low, m, quotes, tense);
      const from = why ? boundDate(v) : null;
      if (from && why) {
        bounds.push({ date: from, why, text: m.text });
        continue;
      }
    }
    let mm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    if (mm) {
      const date = { y: Number(mm[1]), m: Number(mm[2]), d: Number(mm[3]) };
      dated.push({ date, precision: 'day', tense, start: m.start, explicit: true, periodEnd: endsPeriod(doc, low, m) });
      if (tense !== 'future') years.push(date.y);
      continue;
    }
    mm = /^(\d{4})-(\d{2})$/.exec(v);
    if (mm) {
      dated.push({ date: { y: Number(mm[1]), m: Number(mm[2]), d: 15 }, precision: 'month', tense, start: m.start, explicit: true });
      if (tense !== 'future') years.push(Number(mm[1]));
      if (tense !== 'future' && tense !== 'past') presentYears.add(Number(mm[1]));
      continue;
    }
    mm = /^(\d{4})$/.exec(v);
    if (mm) {
      // "notes due 2011", "by 2030", "through 1995": maturities and targets, not the present
      if (tense !== 'future') years.push(Number(mm[1]));
      if (tense !== 'future' && tense !== 'past') presentYears.add(Number(mm[1]));
      continue;
    }
    if (m.draft?.kind === 'month') {
      // "since March 3": a bound once the year is known
      if (tense !== 'future' && boundCue(doc, low, m, quotes, tense)) {
        yearlessBounds.push({ m, month: m.draft.month, day: m.draft.day });
        continue;
      }
      monthDays.push({ m, month: m.draft.month, day: m.draft.day });
    }
  }
  const copyright = copyrightYear(doc.text);
  if (years.length === 0 && copyright !== null) years.push(copyright);
  // The year of writing: the latest year mentioned outside future-tense clauses, but not one that is
  // only an outlier far ahead of the others ("by 2030").
  let year = years.length > 0 ? latestPlausibleYear(years) : null;
  const floorYear = year;
  // Without a full date, a text that compares with "last year" / "a year earlier" and names no
  // later year than Y was most likely written in Y + 1 (results for Y reported the next year).
  // (not when that year is also named outside the past tense: it is then this year)
  if (year !== null && (!dated.some((x) => x.precision === 'day') || saysLastYear(low)) && hasLastYear(low) && copyright === null && !presentYears.has(year)) {
    year += 1;
    reasons.push('year after the latest year named, with "last year" comparisons');
  }
  // a lower bound moves the year of writing forward, never back ("since January 1998" with events
  // of 1996: written in 1998 or later); alone it dates nothing
  const boundYear = bounds.reduce((a, b) => Math.max(a, b.date.y), -Infinity);
  if (year !== null && boundYear > year) {
    year = boundYear;
    reasons.push('not before the year of a "since" date');
  }
  if (year !== null) {
    for (const md of yearlessBounds) {
      if (isValidDate(year, md.month, md.day ?? 1)) bounds.push({ date: { y: year, m: md.month, d: md.day ?? 1 }, why: 'since', text: md.m.text });
    }
    for (const md of monthDays) {
      const tense = tenseOf(doc, low, md.m);
      const d = md.day ?? 15;
      if (!isValidDate(year, md.month, d)) continue;
      dated.push({ date: { y: year, m: md.month, d }, precision: md.day !== undefined ? 'day' : 'month', tense, start: md.m.start, periodEnd: md.day !== undefined && endsPeriod(doc, low, md.m) });
    }
  }

  // Dateline: a dated mention near the start with no running text (a lowercase word) before it.
  const firstLower = doc.tokens.find((t) => t.kind === 'word' && /^\p{Ll}/u.test(t.text));
  const proseStart = firstLower ? firstLower.start : doc.text.length;
  const bestWd = mostMentionedWeekday(doc, low);
  // A dateline month-day without a year ("WASHINGTON, March 12 (Xinhua)") and the weekday the report
  // names ("said Friday") fix the year: the first year from the latest year mentioned on in which
  // that day falls on that weekday.
  const lineMd = monthDays.find((x) => x.day !== undefined && x.m.start < DATELINE_CHARS && x.m.start < proseStart);
  if (lineMd && bestWd > 0 && floorYear !== null) {
    const y = yearForWeekday(lineMd.month, lineMd.day!, bestWd, floorYear);
    if (y !== null) {
      const i = dated.findIndex((x) => x.start === lineMd.m.start);
      const entry: Dated = { date: { y, m: lineMd.month, d: lineMd.day! }, precision: 'day', tense: null, start: lineMd.m.start };
      if (i >= 0) dated[i] = entry;
      else dated.push(entry);
      reasons.push('dateline day and weekday fix the year');
    }
  }
  const line = dated
    .filter((x) => x.start < DATELINE_CHARS && x.start < proseStart && x.precision === 'day')
    .sort((a, b) => a.start - b.start)[0];
  let base: Ymd | null = null;
  let confidence = 0;
  // "on Monday, Oct. 26": a weekday stated with its month-day fixes the year (the first such year
  // from the latest year named on); the latest such date outside future clauses is the day of writing
  const wdFixed = line || floorYear === null ? null : weekdayDated(doc, low, monthDays, floorYear);
  if (line) {
    base = line.date;
    confidence = 0.9;
    reasons.push('dateline');
    // a dateline without its year is not earlier than an event the report tells in the past tense
    // with a stated year ("WARSAW, February 26 -- ... were invited in July 1997" -> 1998)
    if (lineMd && line.start === lineMd.m.start && !reasons.includes('dateline day and weekday fix the year')) {
      const lastPast = dated.filter((x) => x.explicit && x.tense === 'past').reduce((a, x) => Math.max(a, toDays(x.date)), -Infinity);
      if (toDays(base) < lastPast && isValidDate(base.y + 1, base.m, base.d)) {
        base = { y: base.y + 1, m: base.m, d: base.d };
        reasons.push('dateline after the past events named');
      }
    }
  } else if (wdFixed) {
    base = wdFixed;
    confidence = 0.75;
    reasons.push('weekday and month-day fix the year');
  } else {
    const days = dated.filter((x) => x.precision === 'day');
    const pool = days.length > 0 ? days : dated;
    // undated-tense dates beyond the latest year named outside future clauses are schedules
    // ("redeemable Oct. 31, 1994"), not events already reported
    const pastish = pool.filter((x) => x.tense === 'past' || (x.tense !== 'future' && (floorYear === null || x.date.y <= year!)));
    if (pastish.length > 0) {
      // written after the latest event it reports in the past tense; present-tense dates ("payable
      // Dec. 15") are often announcements, so they count only when no past-tense date exists
      const past = pastish.filter((x) => x.tense === 'past');
      // the end of a reporting period is known weeks before its results are
      const when = (x: Dated): Ymd => (x.periodEnd ? addDays(x.date, REPORT_LAG_DAYS) : x.date);
      base = (past.length > 0 ? past : pastish).map(when).reduce((a, b) => (toDays(b) > toDays(a) ? b : a));
      confidence = days.length > 0 ? 0.6 : 0.35;
      reasons.push(days.length > 0 ? 'latest dated event' : 'latest month mentioned');
    } else if (pool.length > 0 && (year === null || pool.some((x) => x.date.y <= year!))) {
      base = pool.map((x) => x.date).reduce((a, b) => (toDays(b) < toDays(a) ? b : a));
      base = addDays(base, -1);
      confidence = 0.3;
      reasons.push('before the earliest announced date');
    } else if (year !== null) {
      base = { y: year, m: 7, d: 1 };
      confidence = 0.15;
      reasons.push(copyright !== null && years.length === 1 ? 'copyright year' : 'latest year mentioned');
    }
    // a report is not written before a year it names outside future clauses: dated events from
    // earlier years are history ("founded on April 6, 1961")
    if (base && year !== null && base.y < year) {
      const later = dated.filter((x) => x.date.y >= year! && x.tense !== 'future').map((x) => x.date);
      base = later.length > 0 ? later.reduce((a, b) => (toDays(b) > toDays(a) ? b : a)) : { y: year, m: 7, d: 1 };
      confidence = Math.min(confidence, 0.3);
      reasons.push('not before the latest year named');
    }
    // results for a quarter are reported after it ends: "third-quarter profit rose" was written
    // after September
    // (a stated period end, "the fourth quarter ended Sept. 30", already dates a fiscal quarter)
    const q = year !== null && !dated.some((x) => x.periodEnd) ? reportedQuarter(doc, low, year) : null;
    if (base && q && toDays(q) > toDays(base)) {
      base = q;
      confidence = Math.max(confidence, 0.3);
      reasons.push('after the quarter reported');
    }
  }
  // lower bounds ("since December 2022") constrain the estimate but never make one: a text with
  // nothing else says only that it was written later, by an unknown span (base stays null)
  const floor = bounds.reduce<Bound | null>((a, b) => (a === null || toDays(b.date) > toDays(a.date) ? b : a), null);
  if (!base) return null;
  if (floor && toDays(base) < toDays(floor.date) && !line && !wdFixed) {
    // the evidence that voted lies before a bound: the bound is the closest date consistent with both
    base = floor.date;
    confidence = Math.min(confidence, 0.2);
    reasons.push(`not before ${fmtDay(floor.date)} (${floor.why} ${floor.text})`);
  }

  // Weekday agreement: the most-mentioned weekday outside future clauses is usually the day of writing.
  if (!line || line.precision === 'day') {
    const best = bestWd;
    if (best > 0 && !line && !wdFixed) {
      const delta = (best - weekday(base) + 7) % 7;
      base = addDays(base, delta);
      reasons.push('weekday agreement');
      confidence = Math.min(0.95, confidence + 0.1);
    }
  }
  return { value: fmtDay(base), inferred: true, confidence: Math.round(confidence * 100) / 100, reasons };
};

interface Bound {
  /** The earliest day the bound allows. */
  date: Ymd;
  why: string;
  text: string;
}

/** Words right before a date that make it a lower bound rather than a time of writing. */
const BOUND_WORDS = new Set(['since', 'after', 'starting', 'beginning']);

/**
 * Why a date is only a lower bound for the time of writing, or null: "since December 2022", "after
 * 1945" (up to two words between: "since early 2022", "since the end of 1991"), or a date inside a
 * quotation (speakers recall the past; the report tells the present). Not "from 1996": "down 5%
 * from 1996" compares with a year like any other.
 */
function boundCue(doc: Doc, low: readonly string[], m: DraftTimex, quotes: readonly Span[], tense: Tense | null): string | null {
  const i = tokenAt(doc, m.start);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const w = low[k]!;
    // "since" bounds in any tense but the future ("has been in service since"); "after 1945",
    // "beginning in 1991" only in the past tense ("an option to buy after Jan. 1" looks ahead)
    if (BOUND_WORDS.has(w)) return w === 'since' || tense === 'past' ? w : null;
    if (w !== 'the' && w !== 'of' && w !== 'early' && w !== 'late' && w !== 'mid' && w !== 'end' && w !== 'start' && w !== 'in') break;
  }
  // history recalled in a quotation ("we had nothing in 1991"); a quoted present ("our
  // expectations for 1989") is the speaker's now
  return tense === 'past' && insideSpan(quotes, m.start) ? 'quoted' : null;
}

/** The first day a value allows ("2022-12" -> 2022-12-01, "1991" -> 1991-01-01), or null. */
function boundDate(v: string): Ymd | null {
  const mm = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!mm) return null;
  return { y: Number(mm[1]), m: mm[2] ? Number(mm[2]) : 1, d: mm[3] ? Number(mm[3]) : 1 };
}

interface Span {
  start: number;
  end: number;
}

/** Longest quotation counted (characters): an unbalanced quote mark must not swallow the text. */
const MAX_QUOTE = 600;

/** Quotations: “...”, ``...'' and "..." (paired on one pass; linear). */
function quoteSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (open >= 0) {
      if (i - open > MAX_QUOTE) {
        open = -1;
      } else if (c === closer || (closer === "''" && c === "'" && text[i + 1] === "'")) {
        out.push({ start: open, end: i });
        open = -1;
        continue;
      }
    }
    if (open < 0) {
      if (c === '“') [open, closer] = [i, '”'];
      else if (c === '"') [open, closer] = [i, '"'];
      else if (c === '`' && text[i + 1] === '`') [open, closer] = [i, "''"];
    }
  }
  return out;
}

/** True when pos lies inside one of the (sorted) spans. */
function insideSpan(spans: readonly Span[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < pos;
}

/** The most-mentioned bare weekday outside future clauses (ISO 1-7), or 0. */
function mostMentionedWeekday(doc: Doc, low: readonly string[]): number {
  const wdCount = new Map<number, number>();
  for (const w of weekdays.extract(doc, NO_REF)) {
    if (w.draft?.kind !== 'weekday' || w.draft.dir !== 0) continue;
    if (tenseOf(doc, low, w) === 'future') continue;
    wdCount.set(w.draft.wd, (wdCount.get(w.draft.wd) ?? 0) + 1);
  }
  let best = 0;
  let bestN = 0;
  for (const [wd, c] of wdCount) if (c > bestN || (c === bestN && wd > best)) [best, bestN] = [wd, c];
  return best;
}

/**
 * Month-days stated with their weekday ("Monday, Oct. 26") outside future clauses, each in the first
 * year from `floor` on where the day falls on that weekday; the latest of them, or null.
 */
function weekdayDated(doc: Doc, low: readonly string[], monthDays: ReadonlyArray<{ m: DraftTimex; month: number; day: number | undefined }>, floor: number): Ymd | null {
  let best: Ymd | null = null;
  for (const md of monthDays) {
    if (md.day === undefined || !md.m.stated.includes('weekday')) continue;
    const wd = WEEKDAYS.get(low[tokenAt(doc, md.m.start)] ?? '');
    if (wd === undefined || tenseOf(doc, low, md.m) === 'future') continue;
    const y = yearForWeekday(md.month, md.day, wd, floor);
    if (y === null) continue;
    const date = { y, m: md.month, d: md.day };
    if (!best || toDays(date) > toDays(best)) best = date;
  }
  return best;
}

/** True when the date closes a period: "the quarter ended Sept. 30", "the year ending June 30". */
function endsPeriod(doc: Doc, low: readonly string[], m: DraftTimex): boolean {
  const p = low[tokenAt(doc, m.start) - 1];
  return p === 'ended' || p === 'ending';
}

/**
 * The first quarter the text reports outside future clauses ("third-quarter net income rose"), as
 * the day REPORT_LAG_DAYS after it ends (in the year the quarter names, else `year`), or null.
 */
function reportedQuarter(doc: Doc, low: readonly string[], year: number): Ymd | null {
  // one native scan keeps the periods pass off texts without quarters
  if (!/quarter|\bq[1-4]\b/i.test(doc.text)) return null;
  for (const m of periods.extract(doc, NO_REF)) {
    const q = m.draft?.kind === 'quarter' ? { y: year, q: m.draft.q } : /^(\d{4})-Q([1-4])$/.exec(m.value);
    if (!q) continue;
    if (tenseOf(doc, low, m) === 'future') continue;
    const y = Array.isArray(q) ? Number(q[1]) : q.y;
    const n = Array.isArray(q) ? Number(q[2]) : q.q;
    const end = addDays({ y: n === 4 ? y + 1 : y, m: n === 4 ? 1 : 3 * n + 1, d: 1 }, -1);
    return addDays(end, REPORT_LAG_DAYS);
  }
  return null;
}

/** The first year from `from` on (within 11 years) in which month-day falls on weekday `wd`, or null. */
function yearForWeekday(month: number, day: number, wd: number, from: number): number | null {
  for (let y = from; y <= from + 11; y++) {
    if (!isValidDate(y, month, day)) continue;
    const w = weekday({ y, m: month, d: day });
    if (w === wd) return y;
  }
  return null;
}

const URL_DATE = /\/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/;

/** "https://example.com/2024/08/06/story" -> 2024-08-06, or null. */
function urlDate(url: string): Ymd | null {
  const m = URL_DATE.exec(url);
  if (!m) return null;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidDate(d.y, d.m, d.d) ? d : null;
}

/** "© 2024", "(c) 2024", "Copyright 2024": used only for inference, never as a timex. */
function copyrightYear(text: string): number | null {
  const m = /(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d\d)/i.exec(text);
  return m ? Number(m[1]) : null;
}

function latestPlausibleYear(years: readonly number[]): number {
  const sorted = [...years].sort((a, b) => a - b);
  const max = sorted[sorted.length - 1]!;
  // one lone year far beyond the rest is a target date, not the present
  const second = sorted[sorted.length - 2];
  if (second !== undefined && max - second > 5 && sorted.filter((y) => y === max).length === 1) return second;
  return max;
}

/** True when the text says "last year" itself (a stronger cue than "year-earlier" results). */
function saysLastYear(low: readonly string[]): boolean {
  for (let i = 1; i < low.length; i++) if (low[i] === 'year' && low[i - 1] === 'last') return true;
  return false;
}

const LAST_YEAR_CUES = new Set(['year-earlier', 'year-ago']);
/** True when the text speaks of "last year", "a year earlier/ago", "year-earlier". */
function hasLastYear(low: readonly string[]): boolean {
  for (let i = 0; i < low.length; i++) {
    const w = low[i]!;
    if (LAST_YEAR_CUES.has(w)) return true;
    if (w === 'year' && (low[i - 1] === 'last' || ((low[i + 1] === 'earlier' || low[i + 1] === 'ago') && low[i - 1] === 'a'))) return true;
  }
  return false;
}
