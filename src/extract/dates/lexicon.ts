/** Word lists of the TIMEX3 tagger: months, weekdays, seasons, parts of day, units, number words. Data, not code. */

/** Month names and abbreviations (lowercase, with and without the period) -> 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['jan.', 1],
  ['february', 2], ['feb', 2], ['feb.', 2],
  ['march', 3], ['mar.', 3],
  ['april', 4], ['apr', 4], ['apr.', 4],
  ['may', 5],
  ['june', 6], ['jun.', 6],
  ['july', 7], ['jul.', 7],
  ['august', 8], ['aug', 8], ['aug.', 8],
  ['september', 9], ['sept', 9], ['sept.', 9], ['sep.', 9],
  ['october', 10], ['oct', 10], ['oct.', 10],
  ['november', 11], ['nov', 11], ['nov.', 11],
  ['december', 12], ['dec', 12], ['dec.', 12],
]);

/** Month names that are also common words ("may" the verb, "march" the verb): need date context. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march', 'jan', 'dec', 'mar.', 'sep.']);

/** Weekday names -> ISO weekday (Monday 1 .. Sunday 7). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['mon.', 1], ['tuesday', 2], ['tues.', 2], ['tue.', 2], ['wednesday', 3], ['wed.', 3],
  ['thursday', 4], ['thurs.', 4], ['thu.', 4], ['friday', 5], ['fri.', 5], ['saturday', 6], ['sat.', 6],
  ['sunday', 7], ['sun.', 7],
]);

/** Plural weekdays ("on Sundays") -> ISO weekday; these are SETs. */
export const WEEKDAYS_PLURAL: ReadonlyMap<string, number> = new Map([
  ['mondays', 1], ['tuesdays', 2], ['wednesdays', 3], ['thursdays', 4], ['fridays', 5], ['saturdays', 6], ['sundays', 7],
]);

/** Seasons -> TIMEX3 season code. */
export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['fall', 'FA'], ['autumn', 'FA'], ['winter', 'WI'],
]);

/** Parts of the day -> TIMEX3 code ("Tuesday morning" -> 2024-08-06TMO). */
export const PARTS_OF_DAY: ReadonlyMap<string, string> = new Map([
  ['morning', 'MO'], ['afternoon', 'AF'], ['evening', 'EV'], ['night', 'NI'], ['overnight', 'NI'],
]);

/** Calendar units of durations -> [TIMEX3 unit letter, multiplier, time unit?]. */
export interface UnitInfo {
  letter: 'Y' | 'M' | 'W' | 'D' | 'H' | 'S' | 'Q';
  /** Multiplier of the letter ("decade" = 10 Y). */
  mult: number;
  /** True for units written after "T" (hours, minutes, seconds). */
  time: boolean;
  /** Granularity name for deictic resolution. */
  gran: 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'quarter' | 'decade' | 'century';
}

const U = (letter: UnitInfo['letter'], mult: number, time: boolean, gran: UnitInfo['gran']): UnitInfo => ({ letter, mult, time, gran });

export const UNITS: ReadonlyMap<string, UnitInfo> = new Map([
  ['year', U('Y', 1, false, 'year')], ['years', U('Y', 1, false, 'year')], ['yr', U('Y', 1, false, 'year')], ['yrs', U('Y', 1, false, 'year')],
  ['month', U('M', 1, false, 'month')], ['months', U('M', 1, false, 'month')],
  ['week', U('W', 1, false, 'week')], ['weeks', U('W', 1, false, 'week')],
  ['day', U('D', 1, false, 'day')], ['days', U('D', 1, false, 'day')],
  ['hour', U('H', 1, true, 'hour')], ['hours', U('H', 1, true, 'hour')],
  ['minute', U('M', 1, true, 'minute')], ['minutes', U('M', 1, true, 'minute')],
  ['second', U('S', 1, true, 'second')], ['seconds', U('S', 1, true, 'second')],
  ['decade', U('Y', 10, false, 'decade')], ['decades', U('Y', 10, false, 'decade')],
  ['century', U('Y', 100, false, 'century')], ['centuries', U('Y', 100, false, 'century')],
  ['quarter', U('Q', 1, false, 'quarter')], ['quarters', U('Q', 1, false, 'quarter')],
]);

/** Number words -> value. Tens combine with units ("twenty four", "twenty-four"). */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['dozen', 12], ['half', 0.5],
]);

export const TENS: ReadonlySet<string> = new Set(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']);

/** Vague amounts: "several years" -> PXY. */
export const VAGUE_AMOUNTS: ReadonlySet<string> = new Set(['several', 'few', 'many', 'some', 'numerous', 'couple']);

/** Ordinals -> value (quarters, halves, centuries). */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['1st', 1], ['2nd', 2], ['3rd', 3], ['4th', 4],
]);

/** Words before an expression that qualify it (TIMEX3 mod); included in the span. */
export const MODIFIERS: ReadonlyMap<string, string> = new Map([
  // TimeBank spans include "nearly", "around", "some" but leave out "about", "almost", "only", "just", "over"
  ['around', 'APPROX'], ['approximately', 'APPROX'], ['roughly', 'APPROX'], ['some', 'APPROX'], ['nearly', 'APPROX'],
]);

/** Two-word modifiers: "more than", "less than", "at least", "up to", "no more than". */
export const MODIFIERS2: ReadonlyMap<string, string> = new Map([
  ['more than', 'MORE_THAN'], ['less than', 'LESS_THAN'], ['fewer than', 'LESS_THAN'], ['at least', 'EQUAL_OR_MORE'],
  ['up to', 'EQUAL_OR_LESS'], ['at most', 'EQUAL_OR_LESS'], ['well over', 'MORE_THAN'],
]);

/** Position words before a month, year, quarter: "early 1990" -> mod START. */
export const POSITION_MODS: ReadonlyMap<string, string> = new Map([
  ['early', 'START'], ['late', 'END'], ['mid', 'MID'], ['mid-', 'MID'], ['middle', 'MID'],
]);
