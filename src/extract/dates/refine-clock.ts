/**
 * Refiner 4: a clock time without a stated date takes the day named in the same sentence: "the blast
 * occurred at about 10:35 a.m. (0735 GMT) Friday" -> Friday's date, not the reference day.
 * Must run after the tense and anchor refiners, which give the days their values.
 */
import type { Mention, TimexMention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Refiner } from '../types.js';

const DAY_VALUE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK_VALUE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})$/;

export const clockDates: Refiner = {
  name: 'dates:clock-date',
  refine(mentions, doc) {
    const days = new Map<number, string[]>();
    for (const m of mentions) {
      if (m.kind !== 'time' || m.type !== 'DATE' || !DAY_VALUE.test(m.value)) continue;
      const s = sentenceAt(doc.sentences, m.start);
      const list = days.get(s) ?? [];
      list.push(m.value);
      days.set(s, list);
    }
    return mentions.map((m): Mention => {
      if (m.kind !== 'time' || m.type !== 'TIME' || m.stated.includes('day') || m.stated.includes('weekday')) return m;
      const clock = CLOCK_VALUE.exec(m.value);
      if (!clock) return m;
      const same = days.get(sentenceAt(doc.sentences, m.start));
      // only when the sentence names exactly one day: "Friday ... on Saturday" stays ambiguous
      if (!same || new Set(same).size !== 1) return m;
      const day = same[0]!;
      const t: TimexMention = { ...m, value: `${day}${clock[1]!}`, anchor: day, reasons: [...m.reasons, `day from the sentence: ${day}`] };
      return t;
    });
  },
};
