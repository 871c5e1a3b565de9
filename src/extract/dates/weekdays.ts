/**
 * Weekdays: "Friday", "last Friday", "next Tuesday", "this Saturday", "Tuesday morning" (TIME with a
 * part of day: 2024-08-06TMO). The day itself is resolved by the tense refiner (draft `weekday`).
 */
import type { DatePart } from '../../types.js';
import type { Doc, Extractor } from '../types.js';
import { PARTS_OF_DAY, WEEKDAYS } from './lexicon.js';
import { isCapitalized, lowered, makeTimex, perDocument, type DraftTimex } from './match.js';

const NAME = 'dates:weekday';

/** Words that make a weekday part of a name: "Sunday Times", "Bloody Sunday", "Super Tuesday". */
const NAME_AFTER = new Set(['times', 'telegraph', 'mirror', 'express', 'herald', 'post', 'tribune', 'school', 'mass', 'independent', 'observer', 'sport']);
const NAME_BEFORE = new Set(['bloody', 'black', 'good', 'super', 'ash', 'palm', 'cyber', 'easter', 'holy', 'giving']);

/** Its drafts depend on the document alone: inference and extraction share them (perDocument). */
export const weekdays: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract: (doc) => perDocument(NAME, doc, () => findWeekdays(doc)),
};

function findWeekdays(doc: Doc): DraftTimex[] {
  const toks = doc.tokens;
  const low = lowered(toks);
  const out: DraftTimex[] = [];
  for (let i = 0; i < toks.length; i++) {
    const wd = WEEKDAYS.get(low[i]!);
    if (wd === undefined || !isCapitalized(toks[i])) continue;
    // "Sun." and "Sat." as abbreviations are too ambiguous without a period-bearing date after them
    if (low[i]!.endsWith('.') && low[i]!.length <= 5 && !/^\d/.test(low[i + 1] ?? '')) continue;
    // "Bloody Sunday", "Black Friday" style names and "Sunday Times"-like titles
    if (NAME_AFTER.has(low[i + 1] ?? '') || (NAME_BEFORE.has(low[i - 1] ?? '') && isCapitalized(toks[i - 1]))) continue;
    let start = i;
    let dir: -1 | 0 | 1 = 0;
    const p = low[i - 1];
    if (p === 'last' || p === 'past') {
      dir = -1;
      start--;
    } else if (p === 'next' || p === 'coming') {
      dir = 1;
      start--;
      if (low[i - 2] === 'this') start--;
    } else if (p === 'this') {
      start--;
    } else if ((p === 'early' || p === 'late') && low[i - 2] !== 'the') {
      // "early Tuesday" is in the span; "earlier Tuesday" is not (TimeBank convention)
      start--;
    }
    let end = i + 1;
    let suffix = '';
    let type: 'DATE' | 'TIME' = 'DATE';
    const stated: DatePart[] = ['weekday'];
    const pod = PARTS_OF_DAY.get(low[i + 1] ?? '');
    if (pod !== undefined && low[i + 1] !== 'overnight') {
      suffix = `T${pod}`;
      end++;
      type = 'TIME';
      stated.push('part_of_day');
    }
    const value = `XXXX-WXX-${wd}${suffix}`;
    out.push(
      makeTimex(doc, start, end, {
        extractor: NAME,
        type,
        value,
        reasons: [dir === 0 ? 'pattern: weekday' : dir < 0 ? 'pattern: last weekday' : 'pattern: next weekday'],
        stated,
        implied: ['year', 'month', 'day'],
        draft: { kind: 'weekday', wd, dir, suffix },
      }),
    );
    i = end - 1;
  }
  return out;
}
