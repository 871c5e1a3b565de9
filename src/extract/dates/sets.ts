/**
 * Sets (recurring times): "daily" -> P1D, "every week" -> P1W, "every two years" -> P2Y, "each
 * Tuesday" / "on Tuesdays" -> XXXX-WXX-2, "Tuesday nights" -> XXXX-WXX-2TNI, "annually",
 * "quarterly", "twice a year" / "$5 a day" -> the "a year" / "a day" part as P1Y / P1D.
 */
import type { Extractor } from '../types.js';
import { MONTHS, PARTS_OF_DAY, UNITS, WEEKDAYS, WEEKDAYS_PLURAL } from './lexicon.js';
import { durationValue, lowered, makeTimex, readNumber, type DraftTimex } from './match.js';

const NAME = 'dates:set';

const ADVERBS: ReadonlyMap<string, string> = new Map([
  ['daily', 'P1D'], ['weekly', 'P1W'], ['monthly', 'P1M'], ['yearly', 'P1Y'], ['annually', 'P1Y'], ['hourly', 'PT1H'],
  ['nightly', 'P1D'], ['biweekly', 'P2W'], ['semiannually', 'P6M'],
]);
const RATE_BEFORE = new Set(['twice', 'once', 'times']);
const NOT_AFTER_RATE = new Set(['ago', 'earlier', 'later', 'before', 'after', 'old', 'of', 'from', 'or', 'and']);

export const sets: Extractor<DraftTimex> = {
  name: NAME,
  kind: 'time',
  extract(doc) {
    const toks = doc.tokens;
    const low = lowered(toks);
    const out: DraftTimex[] = [];
    const emit = (s: number, e: number, value: string, reason: string): number => {
      out.push(makeTimex(doc, s, e, { extractor: NAME, type: 'SET', value, reasons: [reason], stated: [] }));
      return e;
    };
    for (let i = 0; i < toks.length; i++) {
      const w = low[i]!;
      let j: number | null = null;
      const adv = ADVERBS.get(w);
      if (adv !== undefined) {
        // adverbs and adjectives alike ("flies daily", "a daily rally", "his weekly address"): the
        // TempEval-3 annotation marks both as sets
        j = emit(i, i + 1, adv, `frequency word: ${w}`);
      } else if (w === 'every' || w === 'each' || w === 'per') {
        j = everyAt(i);
      } else if (WEEKDAYS_PLURAL.has(w) && toks[i]!.text[0] === w[0]!.toUpperCase()) {
        const wd = WEEKDAYS_PLURAL.get(w)!;
        j = emit(i, i + 1, `XXXX-WXX-${wd}`, 'plural weekday');
      } else if (WEEKDAYS.has(w) && (low[i + 1] === 'nights' || low[i + 1] === 'mornings' || low[i + 1] === 'evenings' || low[i + 1] === 'afternoons')) {
        const pod = PARTS_OF_DAY.get(low[i + 1]!.slice(0, -1));
        j = emit(i, i + 2, `XXXX-WXX-${WEEKDAYS.get(w)!}T${pod ?? 'NI'}`, 'weekday + plural part of day');
      } else if ((w === 'a' || w === 'an') && UNITS.has(low[i + 1] ?? '') && !low[i + 1]!.endsWith('s')) {
        const p = low[i - 1] ?? '';
        const prevTok = toks[i - 1];
        const isRate = RATE_BEFORE.has(p) || prevTok?.kind === 'number' || p === 'million' || p === 'billion' || p === 'thousand' || p === 'dollars' || (/^[a-z]+s$/.test(p) && !['is', 'was', 'has', 'as', 'this', 'its', 'his', 'us', 'does', 'less', 'yes'].includes(p));
        if (isRate && !NOT_AFTER_RATE.has(low[i + 2] ?? '')) {
          j = emit(i, i + 2, durationValue(1, UNITS.get(low[i + 1]!)!), 'rate: a + unit');
        }
      }
      if (j !== null && j > i) i = j - 1;
    }
    return out;

    /** "every week", "each year", "every two years", "every other day", "each Tuesday", "every morning". */
    function everyAt(i: number): number | null {
      const w = low[i]!;
      let k = i + 1;
      const wd = WEEKDAYS.get(low[k] ?? '');
      if (wd !== undefined && w !== 'per') return emit(i, k + 1, `XXXX-WXX-${wd}`, `${w} + weekday`);
      const month = MONTHS.get(low[k] ?? '');
      if (month !== undefined && w !== 'per' && toks[k]!.text[0] !== low[k]![0]) return emit(i, k + 1, `XXXX-${String(month).padStart(2, '0')}`, `${w} + month`);
      const pod = PARTS_OF_DAY.get(low[k] ?? '');
      if (pod !== undefined && w !== 'per') return emit(i, k + 1, `XXXX-XX-XXT${pod}`, `${w} + part of day`);
      let count: number | null = 1;
      if (low[k] === 'other') {
        count = 2;
        k++;
      } else {
        const r = readNumber(low, k);
        if (r && r.value !== null && low[k] !== 'a' && low[k] !== 'an') {
          count = r.value;
          k = r.end;
        }
      }
      const unit = UNITS.get(low[k] ?? '');
      if (!unit) return null;
      if (low[k + 1] === 'or' || low[k + 1] === 'since') return null;
      return emit(i, k + 1, durationValue(count, unit), `${w} + unit`);
    }
  },
};
