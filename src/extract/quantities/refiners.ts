/**
 * Clean-up of figures, in the order written in quantitiesRefiners (CONVENTIONS 2).
 */
import type { Mention, QuantityMention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Refiner } from '../types.js';

const COMPARE_BEFORE = /\b(?:from|than|versus|vs\.?|compared (?:with|to)|against)\s*(?:about |around |some |nearly )?$/i;

/**
 * "to 3.9 million headsets, up from 2.4 million": a bare figure compared with an earlier one in the
 * same sentence takes that figure's unit and counted thing.
 */
export const borrowComparedUnit: Refiner = {
  name: 'quantities.borrowComparedUnit',
  refine(mentions, doc) {
    const out: Mention[] = [];
    let lastWithUnit: QuantityMention | null = null;
    let lastSentence = -1;
    for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
      if (m.kind !== 'quantity') {
        out.push(m);
        continue;
      }
      const s = sentenceAt(doc.sentences, m.start);
      if (s !== lastSentence) {
        lastWithUnit = null;
        lastSentence = s;
      }
      let q: QuantityMention = m;
      const before = doc.text.slice(Math.max(0, m.start - 30), m.start);
      if (q.unit === '' && !q.counted && lastWithUnit && COMPARE_BEFORE.test(before)) {
        q = { ...q, unit: lastWithUnit.unit, reasons: [...q.reasons, 'unit from the compared figure'] };
        if (lastWithUnit.counted) q.counted = lastWithUnit.counted;
      }
      if (q.unit !== '' || q.counted) lastWithUnit = q;
      out.push(q);
    }
    return out;
  },
};
