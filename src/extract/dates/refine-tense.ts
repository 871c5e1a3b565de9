/**
 * Refiner 2: resolves drafts whose year or day depends on the tense of their sentence, against the
 * reference date. "in May" in a past-tense sentence written in November -> that year's May; written
 * in March -> the previous May. A bare weekday in a report is the latest such day (today included)
 * unless the clause is in the future tense; "last"/"next" force the direction.
 * Must run after overlap removal (one draft per span) and before anchor chaining (anchors need values).
 */
import type { Mention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Doc, ExtractContext, Refiner } from '../types.js';
import { addDays, fmtDay, fmtMonth, fmtYear, isValidDate, quarterOf, seasonIndexOf, SEASON_ORDER, weekday, type Ymd } from './calendar.js';
import { lowered, refDate, tenseAt, type DraftTimex, type Tense } from './match.js';

/** Token index of the token starting at or after `pos` (binary search). */
export function tokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tenseOf(doc: Doc, low: readonly string[], m: Mention): Tense | null {
  const i = tokenAt(doc, m.start);
  const j = tokenAt(doc, m.end);
  const si = sentenceAt(doc.sentences, m.start);
  const s = doc.sentences[si];
  return tenseAt(doc, low, i, j, s ? s.tokenStart : 0, s ? s.tokenEnd : doc.tokens.length);
}

/** Without a tense, how far ahead (in approximate days) a month (day) without a year stays this year. */
const NO_TENSE_AHEAD = 90;
/** Without a tense, how far back a month (day) without a year stays this year (beyond: next year's). */
const NO_TENSE_BACK = 250;

/** Year for a month (and day) without one, given the tense. */
export function yearFor(ref: Ymd, month: number, day: number | undefined, tense: Tense | null): number {
  // distance in (approximate) days from the reference to the same month/day this year
  const diff = (month - ref.m) * 31 + ((day ?? 15) - ref.d);
  if (day !== undefined) {
    // a dated deadline a few weeks ahead is still this year even in a past-tense report ("had been
    // set to expire Nov. 6"): flip only when the date is far on the wrong side
    if (tense === 'past' && diff > 62) return ref.y - 1;
    if (tense === 'future' && diff < -62) return ref.y + 1;
  } else {
    if (tense === 'past' && month > ref.m) return ref.y - 1;
    if (tense === 'future' && month < ref.m) return ref.y + 1;
  }
  if (tense === null || tense === 'present') {
    // no tense (or the present of announcements: "payable Jan. 2"): the nearest such date, but news
    // looks back more often than ahead: the window reaches NO_TENSE_AHEAD days ahead and
    // NO_TENSE_BACK days back ("from $29.75 in March", written in October: this March)
    if (diff > NO_TENSE_AHEAD) return ref.y - 1;
    if (diff < -NO_TENSE_BACK) return ref.y + 1;
  }
  return ref.y;
}

function resolve(m: DraftTimex, ref: Ymd, tense: Tense | null, possessive: boolean): DraftTimex {
  const d = m.draft;
  if (!d) return m;
  switch (d.kind) {
    case 'month': {
      const y = yearFor(ref, d.month, d.day, tense);
      if (d.day !== undefined) {
        if (!isValidDate(y, d.month, d.day)) return m;
        return { ...m, value: fmtDay({ y, m: d.month, d: d.day }) + d.suffix, draft: undefined, anchor: fmtDay(ref), reasons: [...m.reasons, `year from tense: ${tense ?? 'none'}`] };
      }
      return { ...m, value: fmtMonth(y, d.month), draft: undefined, anchor: fmtDay(ref), reasons: [...m.reasons, `year from tense: ${tense ?? 'none'}`] };
    }
    case 'weekday': {
      const today = weekday(ref);
      let delta: number;
      const back = -((today - d.wd + 7) % 7); // 0..-6: latest such day, today included
      const fwd = (d.wd - today + 7) % 7; // 0..6
      if (d.dir < 0) delta = back === 0 ? -7 : back;
      else if (d.dir > 0) delta = fwd === 0 ? 7 : fwd;
      // "Wednesday's ruling": a possessive weekday names an event already known, i.e. past
      else delta = tense === 'future' && !possessive ? fwd : back;
      const day = addDays(ref, delta);
      return { ...m, value: fmtDay(day) + d.suffix, draft: undefined, anchor: fmtDay(ref), reasons: [...m.reasons, `day from tense: ${tense ?? 'none'}`] };
    }
    case 'quarter': {
      const cur = quarterOf(ref.m);
      let y = ref.y;
      // quarters are reported after they end: a later quarter than the current one is last year's
      // unless the clause speaks of the future
      if (d.q > cur && tense !== 'future') y--;
      return { ...m, value: `${fmtYear(y)}-Q${d.q}`, draft: undefined, anchor: fmtDay(ref), reasons: [...m.reasons, `year from tense: ${tense ?? 'none'}`] };
    }
    case 'season': {
      const cur = seasonIndexOf(ref.m);
      const si = SEASON_ORDER.indexOf(d.season as (typeof SEASON_ORDER)[number]);
      let y = ref.y;
      if (tense === 'past' && si > cur) y--;
      if (tense === 'future' && si < cur) y++;
      return { ...m, value: `${fmtYear(y)}-${d.season}`, draft: undefined, anchor: fmtDay(ref), reasons: [...m.reasons, `year from tense: ${tense ?? 'none'}`] };
    }
    case 'shift':
      return m;
  }
}

export const resolveByTense: Refiner = {
  name: 'dates:tense',
  refine(mentions, doc, ctx: ExtractContext) {
    const ref = refDate(ctx);
    if (!ref) return [...mentions];
    const low = lowered(doc.tokens);
    return mentions.map((m) => {
      if (m.kind !== 'time') return m;
      const t = m as DraftTimex;
      if (!t.draft || t.draft.kind === 'shift') return m;
      const next = doc.tokens[tokenAt(doc, m.end)];
      return resolve(t, ref, tenseOf(doc, low, m), next !== undefined && next.start === m.end && (next.text === "'s" || next.text === '’s'));
    });
  },
};


