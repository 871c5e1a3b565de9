/** Refiner 1: one timex per stretch of text. Of overlapping timexes the longest wins ("two years ago" over "two years"). */
import type { Mention } from '../../types.js';
import type { Refiner } from '../types.js';

export const removeOverlaps: Refiner = {
  name: 'dates:overlap',
  refine(mentions) {
    const times = mentions.filter((m) => m.kind === 'time');
    const others = mentions.filter((m) => m.kind !== 'time');
    // Sort by start, longer first; a sweep keeps the longer of two overlapping spans (ties: registry order).
    const order = times.map((m, idx) => ({ m, idx })).sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.idx - b.idx);
    const kept: Mention[] = [];
    for (const { m } of order) {
      const last = kept[kept.length - 1];
      if (last && m.start < last.end) {
        if (m.end - m.start > last.end - last.start) kept[kept.length - 1] = m;
        continue;
      }
      kept.push(m);
    }
    return [...others, ...kept];
  },
};
