/**
 * Clock times: "10:30 a.m." -> 2024-08-06T10:30, "3 p.m. Tuesday" (weekday draft with a time
 * suffix), "noon", "midnight", "around 7:15 p.m.", "14:00 GMT". Parts of the day with "this" /
 * "yesterday" are in relative.ts; "Tuesday morning" in weekdays.ts.
 */
import type { DatePart } from '../../types.js';
import type { Extractor } from '../types.js';
import { deictic, fmtTime } from './calendar.js';
import { MONTHS, WEEKDAYS } from './lexicon.js';
import { lowered, makeTimex, refDate, type Draft, type DraftTimex } from './match.js';

const NAME = 'dates:time';

const CLOCK_RE = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const HOUR_RE = /^(?:[1-9]|1[0-2])$/;
const AM = new Set(['a.m.', 'am', 'a.m']);
const PM = new Set(['p.m.', 'pm', 'p.m']);
const ZONES = new Set(['gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'mst', 'mdt', 'pst', 'pdt', 'et', 'bst', 'cet', 'cest', 'ist', 'jst', 'msk']);
const TIME_PREPS = new Set(['at', 'around', 'about', 'by', 'until', 'before', 'after', 'from', 'till', 'approximately', 'since']);

export const clockTimes: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc, ctx) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const ref = refDate(ctx);
    const out: DraftTimex[] = [];
    for (let i = 0; i < toks.length; i++) {
      const w = low[i]!;
      const c0 = w.charCodeAt(0);
      if (!(c0 >= 48 && c0 <= 57) && w !== 'noon' && w !== 'midnight' && w !== 'midday') continue;
      // "High Noon" (the film), "high noon" (a climax)
      if (w === 'noon' && low[i - 1] === 'high') continue;
      let h: number | undefined;
      let min = 0;
      let end = i + 1;
      const clock = CLOCK_RE.exec(w);
      if (clock) {
        h = Number(clock[1]);
        min = Number(clock[2]);
        if (w.includes('.') && !AM.has(low[end] ?? '') && !PM.has(low[end] ?? '')) continue;
      } else if (HOUR_RE.test(w) && (AM.has(low[i + 1] ?? '') || PM.has(low[i + 1] ?? ''))) {
        h = Number(w);
      } else if (w === 'noon' || w === 'midnight' || w === 'midday') {
        h = w === 'midnight' ? 24 : 12;
      } else continue;
      const stated: DatePart[] = ['hour'];
      if (clock) stated.push('minute');
      let meridiem = false;
      if (AM.has(low[end] ?? '')) {
        if (h === 12) h = 0;
        end++;
        meridiem = true;
      } else if (PM.has(low[end] ?? '')) {
        if (h < 12) h += 12;
        end++;
        meridiem = true;
      }
      if (ZONES.has(low[end] ?? '')) end++;
      const prev = low[i - 1] ?? '';
      if (clock && !meridiem && end === i + 1 && !TIME_PREPS.has(prev)) continue;
      let start = i;
      if (prev === 'around' || prev === 'about' || prev === 'approximately' || prev === 'shortly') start--;
      const time = fmtTime(h, min);
      // a date right after: "3 p.m. Tuesday", "10 a.m. today", "noon yesterday"
      const nx = low[end] ?? '';
      let draft: Draft | undefined;
      let value = '';
      const wd = WEEKDAYS.get(nx);
      // "5 p.m. EST Nov. 9", "5 p.m. EST, Nov. 6": the date after the time
      const mdAt = nx === ',' ? end + 1 : end;
      const month = MONTHS.get(low[mdAt] ?? '');
      const dayTok = low[mdAt + 1] ?? '';
      if (month !== undefined && /^(?:[1-9]|[12]\d|3[01])$/.test(dayTok) && (meridiem || clock)) {
        end = mdAt + 2;
        stated.push('month', 'day');
        const dd = Number(dayTok);
        draft = { kind: 'month', month, day: dd, suffix: time };
        value = `XXXX-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}${time}`;
      } else if (wd !== undefined && !nx.endsWith('.')) {
        end++;
        stated.push('weekday');
        draft = { kind: 'weekday', wd, dir: 0, suffix: time };
        value = `XXXX-WXX-${wd}${time}`;
      } else if (nx === 'today' || nx === 'yesterday' || nx === 'tomorrow') {
        end++;
        value = `${deictic(ref, 'day', nx === 'today' ? 0 : nx === 'yesterday' ? -1 : 1)}${time}`;
      } else if (!draft) {
        value = `${deictic(ref, 'day', 0)}${time}`;
      }
      out.push(makeTimex(doc, start, end, { extractor: NAME, type: 'TIME', value, reasons: ['pattern: clock time'], stated, implied: ['year', 'month', 'day'], draft, mod: start < i ? 'APPROX' : undefined }));
      i = end - 1;
    }
    return out;
  },
};
