/**
 * Refiner 5: offsets from a date. "two months before January 20" (or "two months before the
 * inauguration on January 20") is annotated as the duration "two
 * months" (TimeML) next to the date "January 20"; this refiner records the date as the duration's
 * anchor and the point it designates in its reasons ("offset: 2024-11-20"), so timelines can use it.
 * Must run after the tense refiner (the anchor date needs its year).
 */
import type { Mention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Refiner } from '../types.js';
import { addDays, addMonths, fmtDay, parseGranular } from './calendar.js';

const OFFSET = /^P(\d+)([DWMY])$/;
/** How far (characters) after the duration the date may come: "two months before X's inauguration, on January 20". */
const MAX_GAP = 120;

export const offsetAnchors: Refiner = {
  name: 'dates:offset',
  refine(mentions, doc) {
    const times = mentions.filter((m) => m.kind === 'time').sort((a, b) => a.start - b.start);
    const byStart = new Map(times.map((m) => [m.start, m]));
    return mentions.map((m): Mention => {
      if (m.kind !== 'time' || m.type !== 'DURATION') return m;
      const off = OFFSET.exec(m.value);
      if (!off) return m;
      // "<duration> before|after <date>", or "<duration> before <event> ..., on <date>" in the same sentence
      const after = /^\s+(before|after|prior to|from)\s+/i.exec(doc.text.slice(m.end, m.end + 16));
      if (!after) return m;
      let target = byStart.get(m.end + after[0].length);
      if (!target) {
        const sentence = doc.sentences[sentenceAt(doc.sentences, m.start)];
        const limit = Math.min(sentence ? sentence.end : m.end, m.end + MAX_GAP);
        target = times.find((t) => t.start > m.end && t.start < limit && t.kind === 'time' && t.type === 'DATE');
      }
      if (!target || target.kind !== 'time') return m;
      const g = parseGranular(target.value);
      if (!g || g.g !== 'day') return m;
      const n = Number(off[1]) * (after[1]!.toLowerCase() === 'after' || after[1]!.toLowerCase() === 'from' ? 1 : -1);
      const unit = off[2]!;
      const point = unit === 'D' ? addDays(g.date, n) : unit === 'W' ? addDays(g.date, 7 * n) : addMonths(g.date, unit === 'Y' ? 12 * n : n);
      return { ...m, anchor: target.value, reasons: [...m.reasons, `offset: ${fmtDay(point)}`] };
    });
  },
};
