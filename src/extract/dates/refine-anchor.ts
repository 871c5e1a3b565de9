/**
 * Refiner 3: anchor chaining. "the next day", "the following year", "a year earlier" shift the last
 * resolved date before them in the text (within a few sentences), keeping its granularity:
 * "the third quarter ... a year earlier" -> 1988-Q3 when the quarter was 1989-Q3. Without an anchor
 * the deictic value the extractor computed from the reference stays.
 * Must run after the tense refiner, whose values are the anchors.
 */
import type { Mention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Refiner } from '../types.js';
import { addDays, addMonths, fmtDay, fmtMonth, fmtWeek, fmtYear, parseGranular, quarterOf, shiftYears, type Granular } from './calendar.js';
import { lowered, type DraftTimex } from './match.js';
import { tenseOf, tokenAt } from './refine-tense.js';

/** How many sentences back an anchor may be. */
const ANCHOR_WINDOW = 2;

function shifted(anchor: Granular, value: string, unit: 'year' | 'month' | 'week' | 'day', n: number, keep: boolean): string | null {
  if (unit === 'year') {
    if (keep) return shiftYears(value, n);
    const y = anchor.g === 'day' ? anchor.date.y : anchor.y;
    return fmtYear(y + n);
  }
  // "in March ... the following month": month anchors shift by months
  if (unit === 'month' && anchor.g === 'month') {
    const d = addMonths({ y: anchor.y, m: anchor.m, d: 1 }, n);
    return fmtMonth(d.y, d.m);
  }
  if (anchor.g !== 'day') return null;
  if (unit === 'day') return fmtDay(addDays(anchor.date, n));
  if (unit === 'week') return fmtWeek(addDays(anchor.date, 7 * n));
  const d = addMonths(anchor.date, n);
  return fmtMonth(d.y, d.m);
}

export const chainAnchors: Refiner = {
  name: 'dates:anchor',
  refine(mentions, doc, ctx) {
    const ref = ctx.reference;
    const order = mentions.map((m, idx) => ({ m, idx })).filter((x) => x.m.kind === 'time').sort((a, b) => a.m.start - b.m.start);
    const out = [...mentions];
    let last: { value: string; g: Granular; sentence: number; start: number } | null = null;
    let lastQuarter: string | null = null;
    // the quarter being reported: the latest one named that has ended by the reference, outside
    // future clauses and background phrases ("after a flat second quarter")
    let reportedQuarter: string | null = null;
    const low = lowered(doc.tokens);
    const refYear0 = ref ? Number(ref.value.slice(0, 4)) : Infinity;
    const refMonth0 = ref ? Number(ref.value.slice(5, 7)) : 12;
    // a span of months just named ("the first nine months ... a year earlier"): comparisons are with
    // the same months of the previous year, which TimeML writes as that year
    let monthsSpan: { sentence: number; after: number } | null = null;
    for (const { m, idx } of order) {
      const t = m as DraftTimex;
      const sentence = sentenceAt(doc.sentences, t.start);
      const d = t.draft;
      if (d && d.kind === 'shift') {
        let next: Mention = { ...t, draft: undefined } as DraftTimex;
        if (d.unit === 'year' && d.keep && monthsSpan !== null && sentence - monthsSpan.sentence <= 1 && (last === null || monthsSpan.after > last.start)) {
          const base = lastQuarter !== null ? Number(lastQuarter.slice(0, 4)) : ref ? Number(ref.value.slice(0, 4)) : null;
          if (base !== null) {
            out[idx] = { ...t, value: fmtYear(base + d.n), draft: undefined, reasons: [...t.reasons, 'compared with the same months a year before'] } as DraftTimex;
            continue;
          }
        }
        // "the following month", "that day" (keep false) are anaphoric: they refer to the narrative time
        // however far back it was set, never to the time of writing; comparisons ("a year earlier")
        // fall back to the reference when no date is close
        const near = last !== null && (sentence - last.sentence <= ANCHOR_WINDOW || !d.keep);
        // "a year ago" is deictic unless it compares with a reported quarter
        const isAgo = t.reasons[0] === 'a year ago';
        // "year-earlier results" (financial copy) compares with the period being reported, which is
        // in the reference year; an anchor in an earlier year is itself the comparison period
        const isAdj = t.reasons[0] === 'year-earlier';
        const anchorYear = last ? (last.g.g === 'day' ? last.g.date.y : last.g.y) : null;
        const refYear = ref ? Number(ref.value.slice(0, 4)) : null;
        const adjOk = !isAdj || (anchorYear !== null && refYear !== null && anchorYear === refYear);
        // "a year earlier" after a day ("ended Sept. 30") compares results, not days: no day anchors
        const usable = near && last !== null && (!isAgo || last.g.g === 'quarter') && adjOk && !(isAdj && reportedQuarter !== null);
        if (isAdj && reportedQuarter !== null) {
          const v = shiftYears(reportedQuarter, d.n);
          if (v !== null) {
            out[idx] = { ...t, value: v, anchor: reportedQuarter, draft: undefined, reasons: [...t.reasons, `anchored: ${reportedQuarter} (the quarter reported)`] } as DraftTimex;
            continue;
          }
        }
        if (!usable && d.keep && d.unit === 'year' && lastQuarter !== null) {
          // financial copy: the comparison is with the quarter being reported
          const v = shiftYears(lastQuarter, d.n);
          if (v !== null) next = { ...t, value: v, anchor: lastQuarter, draft: undefined, reasons: [...t.reasons, `anchored: ${lastQuarter}`] } as DraftTimex;
        } else if (usable && last) {
          // "the year-ago quarter" after "Sept. 30": compare quarters, not days
          let anchorValue = last.value;
          if ((isAdj || t.text.toLowerCase().endsWith('quarter')) && (last.g.g === 'day' || last.g.g === 'month')) {
            const y = last.g.g === 'day' ? last.g.date.y : last.g.y;
            const mo = last.g.g === 'day' ? last.g.date.m : last.g.m;
            anchorValue = `${fmtYear(y)}-Q${quarterOf(mo)}`;
          }
          const v = shifted(parseGranular(anchorValue) ?? last.g, anchorValue, d.unit, d.n, d.keep);
          if (v !== null) next = { ...t, value: v, anchor: last.value, draft: undefined, reasons: [...t.reasons, `anchored: ${last.value}`] } as DraftTimex;
        }
        // a shifted date is not itself an anchor: "a year earlier ... year-earlier" both compare
        // with the reported period, not with each other
        out[idx] = next;
        continue;
      }
      if (t.type === 'DURATION' && /^P(?:[2-9]|1[01])M$/.test(t.value)) monthsSpan = { sentence, after: t.start };
      // "in the 1988 period" in a quarterly report is that year's quarter, unless a span of months
      // ("the first nine months") was just named
      if (t.reasons[0] === 'year + period' && reportedQuarter !== null && !(monthsSpan !== null && sentence - monthsSpan.sentence <= 1)) {
        const y = Number(t.value);
        const ry = Number(reportedQuarter.slice(0, 4));
        if (y === ry || y === ry - 1) {
          out[idx] = { ...t, value: `${t.value}-${reportedQuarter.slice(5)}`, anchor: reportedQuarter, reasons: [...t.reasons, `the quarter reported: ${reportedQuarter}`] } as DraftTimex;
          continue;
        }
      }
      if (t.type === 'DATE' || t.type === 'TIME') {
        const g = parseGranular(t.value.replace(/T(?:MO|AF|EV|NI|\d\d:\d\d)$/, ''));
        if (g) last = { value: t.value.replace(/T(?:MO|AF|EV|NI|\d\d:\d\d)$/, ''), g, sentence, start: t.start };
        // the reported quarter is not in the future ("losses through the third quarter of 1990")
        if (g && g.g === 'quarter' && (ref === null || g.y <= Number(ref.value.slice(0, 4)))) {
          lastQuarter = t.value;
          // only quarters named by number ("the fiscal first quarter"), not "the quarter" (which
          // assumes calendar quarters)
          const named = t.reasons[0] !== 'the quarter' && t.reasons[0] !== 'latest quarter';
          if (named && (g.y < refYear0 || (g.y === refYear0 && 3 * g.q <= refMonth0 - 1))) {
            const k = tokenAt(doc, t.start);
            // "after a flat second quarter": the preposition up to three words before
            let background = false;
            for (let b = k - 1; b >= k - 3 && b >= 0; b--) {
              const w = low[b]!;
              if (w === 'after' || w === 'before' || w === 'since') background = true;
              if (background || !/^[a-z-]+$/.test(w)) break;
            }
            if (!background && tenseOf(doc, low, t) !== 'future') reportedQuarter = t.value;
          }
        }
      }
    }
    return out;
  },
};
