/** Refiner 4 (last of the dates refiners): drops the internal drafts so mentions leave in the public shape. */
import type { Refiner } from '../types.js';
import type { DraftTimex } from './match.js';

export const finalizeTimexes: Refiner = {
  name: 'dates:finalize',
  refine(mentions) {
    return mentions.map((m) => {
      if (m.kind !== 'time' || !('draft' in m)) return m;
      const { draft: _draft, ...rest } = m as DraftTimex;
      return rest;
    });
  },
};
