/**
 * Clean-up of figures, in the order written in quantitiesRefiners (CONVENTIONS 2).
 */
import type { Mention, QuantityMention } from '../../types.js';
import { sentenceAt } from '../common/text.js';
import type { Refiner } from '../types.js';

const FROM_BEFORE = /\bfrom\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$/i;
/** What may stand between the two ends: "to", or a short aside without figures ("at 10.45pm last night to"). */
const YEAR_OR_TIME = /\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:[.:]\d\d)?\s*[ap]\.?m\b\.?/gi;
const TO_BETWEEN = /^(?:\s+[^\s;()]+){0,6}?\s+(?:up\s+)?to\s+$/i;

/**
 * "from $36,040 at 10.45pm last night to $34,935", "from 21 mpg combined to 23": two figures joined
 * by from ... to are one range [from, to] (in text order, as news gold annotates a change), when their
 * units agree or one is bare. Must run before borrowComparedUnit, which would otherwise treat the "to"
 * figure as a separate figure.
 */
export const mergeFromToRanges: Refiner = {
  name: 'quantities.mergeFromToRanges',
  refine(mentions, doc) {
    const qs = mentions.filter((m): m is QuantityMention => m.kind === 'quantity').sort((a, b) => a.start - b.start);
    if (qs.length < 2) return [...mentions];
    const drop = new Set<QuantityMention>();
    const replace = new Map<QuantityMention, QuantityMention>();
    for (let k = 0; k + 1 < qs.length; k++) {
      const a = qs[k]!;
      const b = qs[k + 1]!;
      if (typeof a.value !== 'number' || typeof b.value !== 'number' || a.value === b.value) continue;
      if (a.unit !== b.unit && a.unit !== '' && b.unit !== '') continue;
      if (!FROM_BEFORE.test(doc.text.slice(Math.max(0, a.start - 30), a.start))) continue;
      const between = doc.text.slice(a.end, b.start);
      // the aside may hold a year or a clock time ("in 2008", "at 10.45pm"), never another number
      if (between.length > 60 || /\d/.test(between.replace(YEAR_OR_TIME, ''))) continue;
      if (!TO_BETWEEN.test(between)) continue;
      if (sentenceAt(doc.sentences, a.start) !== sentenceAt(doc.sentences, b.start)) continue;
      const merged: QuantityMention = {
        ...a,
        end: b.end,
        text: doc.text.slice(a.start, b.end),
        value: [a.value, b.value],
        unit: a.unit !== '' ? a.unit : b.unit,
        reasons: [...a.reasons, 'range: from ... to'],
      };
      const counted = a.counted ?? b.counted;
      if (counted) merged.counted = counted;
      if (a.qualifier === 'up' || a.qualifier === 'down') merged.qualifier = a.qualifier;
      else delete merged.qualifier;
      if (a.normalized && b.normalized && typeof a.normalized.value === 'number' && typeof b.normalized.value === 'number') {
        merged.normalized = { value: [a.normalized.value, b.normalized.value], unit: a.normalized.unit };
      } else delete merged.normalized;
      replace.set(a, merged);
      drop.add(b);
      k++;
    }
    if (drop.size === 0) return [...mentions];
    return mentions.filter((m) => !drop.has(m as QuantityMention)).map((m) => replace.get(m as QuantityMention) ?? m);
  },
};

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
