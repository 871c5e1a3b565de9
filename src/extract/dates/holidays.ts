/**
 * Named days: "Christmas" -> XXXX-12-25 (year by tense, like a month date), "Thanksgiving" (fourth
 * Thursday of November, US), "Election Day" (US: Tuesday after the first Monday of November), "New
 * Year's Day", "Independence Day", "Halloween", "Valentine's Day". Fixed days carry a month draft;
 * movable ones are computed from the reference year.
 */
import type { Extractor } from '../types.js';
import { addDays, fmtDay, toDays, weekday, type Ymd } from './calendar.js';
import { isCapitalized, lowered, makeTimex, refDate, type DraftTimex } from './match.js';

const NAME = 'dates:holiday';

/** Fixed-date holidays: lowercase words -> [month, day]. "day" after the name is optional. */
const FIXED: ReadonlyMap<string, [number, number]> = new Map([
  ['christmas', [12, 25]], ['halloween', [10, 31]], ['independence', [7, 4]], ['valentine', [2, 14]],
]);

/** Nth weekday of a month: nthWeekday(1999, 11, 4, 4) = Thanksgiving 1999 (Nov 25). */
function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  const first: Ymd = { y, m, d: 1 };
  const delta = (wd - weekday(first) + 7) % 7;
  return addDays(first, delta + 7 * (n - 1));
}

export const holidays: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc, ctx) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const ref = refDate(ctx);
    const out: DraftTimex[] = [];
    for (let i = 0; i < toks.length; i++) {
      const w = low[i]!;
      if (!isCapitalized(toks[i])) continue;
      let end = i + 1;
      let start = i;
      if (w === 'christmas' || w === 'halloween' || ((w === 'independence' || w === 'valentine') && (low[i + 1] === 'day' || low[i + 1] === "'s"))) {
        const [month, day0] = FIXED.get(w)!;
        let day = day0;
        if (low[end] === "'s") end++;
        if (low[end] === 'day' && isCapitalized(toks[end])) end++;
        else if (w === 'christmas' && low[end] === 'eve' && isCapitalized(toks[end])) {
          end++;
          day = 24;
        }
        if ((w === 'independence' || w === 'valentine') && low[end - 1] !== 'day') continue;
        out.push(makeTimex(doc, start, end, { extractor: NAME, type: 'DATE', value: `XXXX-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, reasons: ['holiday'], stated: ['month', 'day'], implied: ['year'], draft: { kind: 'month', month, day, suffix: '' } }));
        i = end - 1;
        continue;
      }
      if (w === 'new' && low[i + 1] === 'year' && low[i + 2] === "'s" && (low[i + 3] === 'day' || low[i + 3] === 'eve') && isCapitalized(toks[i + 3])) {
        const eve = low[i + 3] === 'eve';
        end = i + 4;
        out.push(makeTimex(doc, start, end, { extractor: NAME, type: 'DATE', value: eve ? 'XXXX-12-31' : 'XXXX-01-01', reasons: ['holiday'], stated: ['month', 'day'], implied: ['year'], draft: { kind: 'month', month: eve ? 12 : 1, day: eve ? 31 : 1, suffix: '' } }));
        i = end - 1;
        continue;
      }
      const movable = w === 'thanksgiving' ? 'thanksgiving' : w === 'election' && low[i + 1] === 'day' && isCapitalized(toks[i + 1]) ? 'election' : null;
      if (!movable) continue;
      if (low[i + 1] === 'day' && isCapitalized(toks[i + 1])) end = i + 2;
      if (low[i - 1] === 'last' || low[i - 1] === 'next' || low[i - 1] === 'this') start = i - 1;
      let value = movable === 'thanksgiving' ? 'XXXX-11-XX' : 'XXXX-11-XX';
      if (ref) {
        let y = ref.y;
        const dayOf = (yy: number): Ymd => (movable === 'thanksgiving' ? nthWeekday(yy, 11, 4, 4) : addDays(nthWeekday(yy, 11, 1, 1), 1));
        // "last Thanksgiving" is the one before the reference; otherwise the nearest in this year
        if (low[start] === 'last') {
          if (fmtDay(dayOf(y)) >= fmtDay(ref)) y--;
        } else if (low[start] === 'next') {
          if (fmtDay(dayOf(y)) <= fmtDay(ref)) y++;
        } else {
          // the nearest one: "Thanksgiving" written in January is the one just gone
          const r = toDays(ref);
          const best = [y - 1, y, y + 1].reduce((a, b) => (Math.abs(toDays(dayOf(b)) - r) < Math.abs(toDays(dayOf(a)) - r) ? b : a));
          y = best;
        }
        value = fmtDay(dayOf(y));
      }
      out.push(makeTimex(doc, start, end, { extractor: NAME, type: 'DATE', value, reasons: ['holiday: movable'], stated: ['month', 'day'], implied: ['year'] }));
      i = end - 1;
    }
    return out;
  },
};
