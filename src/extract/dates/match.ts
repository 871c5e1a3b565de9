/**
 * Shared helpers of the dates extractors (not an extractor): token views, number reading, mention
 * construction, the draft that refiners resolve, and sentence tense. Everything works on the shared
 * tokens of `Doc` with index arithmetic, so each extractor is one linear pass with keyword triggers.
 */
import type { DatePart, TimexMention, TimexType } from '../../types.js';
import type { Token } from '../common/text.js';
import type { Doc, ExtractContext } from '../types.js';
import { parseIsoDate, type Ymd } from './calendar.js';
import { MODIFIERS, MODIFIERS2, NUMBER_WORDS, TENS, VAGUE_AMOUNTS, type UnitInfo } from './lexicon.js';

/**
 * What a refiner still has to resolve. Extractors resolve deictic expressions ("yesterday") at once;
 * expressions whose year or day depends on tense or on an earlier date carry a draft.
 */
export type Draft =
  /** Month (and day) without a year: "in May", "Sept. 30". `suffix` is appended ("T10:30"). */
  | { kind: 'month'; month: number; day?: number; suffix: string }
  /** Weekday: dir -1 last, +1 next, 0 by tense ("Friday" in a report is the latest Friday). */
  | { kind: 'weekday'; wd: number; dir: -1 | 0 | 1; suffix: string }
  /** Quarter or season without a year: "the third quarter", "in the spring". */
  | { kind: 'quarter'; q: number }
  | { kind: 'season'; season: string; dir: -1 | 0 }
  /**
   * Anchored shift of the last resolved date: "a year earlier" (-1 year, keeping the anchor's
   * granularity: keep), "the following year" (+1 year at year granularity).
   */
  | { kind: 'shift'; unit: 'year' | 'month' | 'week' | 'day'; n: number; keep: boolean };

/** A timex under construction: the draft rides along until the dates refiners remove it. */
export interface DraftTimex extends TimexMention {
  draft?: Draft;
}

/**
 * Lowercased token texts. Memoised per token array (a WeakMap keyed by the immutable tokens of one
 * prepared document, so it holds no state beyond that document's lifetime and changes no result):
 * seven extractors, the tense refiner and inference all read it.
 */
const LOWERED = new WeakMap<readonly Token[], readonly string[]>();
export function lowered(tokens: readonly Token[]): readonly string[] {
  let low = LOWERED.get(tokens);
  if (!low) {
    low = tokens.map((t) => t.text.toLowerCase());
    LOWERED.set(tokens, low);
  }
  return low;
}

/**
 * Drafts of extractors whose output depends on the prepared document alone (absolute dates,
 * weekdays), kept for the last document each ran on: publication-date inference runs them and the
 * extraction pass runs them again on the same document straight after. Every call returns fresh
 * copies, so refiners that change a draft never change what a later call gets. (One entry per
 * extractor, not a WeakMap over documents: the ephemeron bookkeeping of a WeakMap cost more than
 * the repeated pass saved.)
 */
const LAST = new Map<string, { tokens: readonly Token[]; drafts: readonly DraftTimex[] }>();
export function perDocument(name: string, doc: Doc, run: () => DraftTimex[]): DraftTimex[] {
  let last = LAST.get(name);
  if (last?.tokens !== doc.tokens) {
    last = { tokens: doc.tokens, drafts: run() };
    LAST.set(name, last);
  }
  return last.drafts.map(copyDraft);
}

function copyDraft(m: DraftTimex): DraftTimex {
  const c: DraftTimex = { ...m, stated: [...m.stated], implied: [...m.implied], reasons: [...m.reasons] };
  if (m.draft) c.draft = { ...m.draft };
  return c;
}

/** Reference date of the context, or null. */
export function refDate(ctx: ExtractContext): Ymd | null {
  return ctx.reference ? parseIsoDate(ctx.reference.value) : null;
}

/** True when token j directly follows token j-1 without space ("10" "-" "year"). */
export function glued(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  return t !== undefined && !t.spaceBefore;
}

export function isCapitalized(t: Token | undefined): boolean {
  if (!t) return false;
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90;
}

export interface Built {
  extractor: string;
  type: TimexType;
  value: string;
  reasons: string[];
  stated: DatePart[];
  implied?: DatePart[];
  mod?: string | undefined;
  draft?: Draft | undefined;
  anchor?: string | undefined;
}

/** Builds a timex over tokens [i, j). */
export function makeTimex(doc: Doc, i: number, j: number, b: Built): DraftTimex {
  const start = doc.tokens[i]!.start;
  const end = doc.tokens[j - 1]!.end;
  const m: DraftTimex = {
    kind: 'time',
    start,
    end,
    text: doc.text.slice(start, end),
    type: b.type,
    value: b.value,
    extractor: b.extractor,
    reasons: b.reasons,
    stated: b.stated,
    implied: b.implied ?? [],
  };
  if (b.mod !== undefined) m.mod = b.mod;
  if (b.anchor !== undefined) m.anchor = b.anchor;
  if (b.draft !== undefined) m.draft = b.draft;
  return m;
}

/** A number read from tokens: value null means vague ("several"). `end` is exclusive. */
export interface NumberRead {
  value: number | null;
  end: number;
}

const DIGITS = /^\d{1,9}(?:,\d{3})*(?:\.\d+)?$/;

/**
 * Reads a count at token i: "3", "1,000", "three", "twenty four", "twenty-four", "a", "a couple of",
 * "a few", "several", "a dozen", "two and a half" (-> 2.5). Returns null when nothing is there.
 */
export function readNumber(low: readonly string[], i: number): NumberRead | null {
  const w = low[i];
  if (w === undefined) return null;
  const c0 = w.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && DIGITS.test(w)) {
    const v = Number(w.replace(/,/g, ''));
    if (low[i + 1] === '1/2') return { value: v + 0.5, end: i + 2 };
    return { value: v, end: i + 1 };
  }
  if (w === 'a' || w === 'an') {
    const n = low[i + 1];
    if (n === 'few' || n === 'couple') return vagueTail(low, i + 1);
    if (n === 'dozen') return { value: 12, end: i + 2 };
    if (n === 'hundred') return { value: 100, end: i + 2 };
    if (n === 'half') return null;
    return { value: 1, end: i + 1 };
  }
  if (VAGUE_AMOUNTS.has(w)) return vagueTail(low, i);
  if (w.includes('-')) {
    // "twenty-four"
    const [a, b] = w.split('-');
    if (a !== undefined && b !== undefined && TENS.has(a)) {
      const bv = NUMBER_WORDS.get(b);
      if (bv !== undefined && bv < 10) return { value: NUMBER_WORDS.get(a)! + bv, end: i + 1 };
    }
    return null;
  }
  const v = NUMBER_WORDS.get(w);
  if (v === undefined || w === 'half' || w === 'hundred' || w === 'dozen') return null;
  let value = v;
  let end = i + 1;
  if (TENS.has(w)) {
    const u = NUMBER_WORDS.get(low[end] ?? '');
    if (u !== undefined && u >= 1 && u < 10 && low[end] !== 'a' && low[end] !== 'an') {
      value += u;
      end++;
    }
  }
  if (low[end] === 'hundred') {
    value *= 100;
    end++;
  }
  if (low[end] === 'and' && low[end + 1] === 'a' && low[end + 2] === 'half') return { value: value + 0.5, end: end + 3 };
  return { value, end };
}

function vagueTail(low: readonly string[], i: number): NumberRead {
  // "couple of" -> 2; "few"/"several" -> vague
  if (low[i] === 'couple') return { value: 2, end: low[i + 1] === 'of' ? i + 2 : i + 1 };
  return { value: null, end: i + 1 };
}

/**
 * Extends a match leftwards over quantity modifiers ("more than", "nearly", "about").
 * Returns the new start index and the TIMEX3 mod.
 */
export function modifierBefore(low: readonly string[], i: number): { start: number; mod?: string } {
  const two = i >= 2 ? `${low[i - 2]} ${low[i - 1]}` : '';
  const m2 = MODIFIERS2.get(two);
  if (m2 !== undefined) {
    if (two === 'more than' && low[i - 3] === 'no') return { start: i - 3, mod: 'EQUAL_OR_LESS' };
    return { start: i - 2, mod: m2 };
  }
  const m1 = i >= 1 ? MODIFIERS.get(low[i - 1] ?? '') : undefined;
  if (m1 !== undefined) return { start: i - 1, mod: m1 };
  return { start: i };
}

export type Tense = 'past' | 'present' | 'future';

const FUTURE_CUES = new Set([
  'will', "'ll", 'shall', 'wo', 'would', 'tomorrow', 'upcoming', 'scheduled', 'plans', 'plan', 'planned',
  'planning', 'intends', 'hopes', 'slated', 'until', 'till', 'expects', 'awaiting', 'pending',
]);
const PAST_CUES = new Set([
  'was', 'were', 'had', 'did', 'went', 'came', 'made', 'took', 'gave', 'got', 'saw', 'met', 'left', 'found',
  'held', 'fell', 'rose', 'won', 'lost', 'began', 'became', 'sold', 'bought', 'paid', 'sent', 'spent', 'struck', 'led', 'ran',
  'broke', 'brought', 'thought', 'knew', 'wrote', 'spoke', 'stood', 'shot', 'fled', 'flew', 'fought', 'sought', 'ago',
  'yesterday', 'last', 'earlier', 'killed', 'died',
]);
const PRESENT_CUES = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do', 'now', 'currently']);
/** Reporting verbs: they decide the tense only when the time phrase hangs on them ("said Friday"). */
const REPORTING: ReadonlyMap<string, Tense> = new Map([
  ['said', 'past'], ['told', 'past'], ['reported', 'past'], ['announced', 'past'], ['added', 'past'], ['noted', 'past'],
  ['stated', 'past'], ['declared', 'past'], ['says', 'present'], ['say', 'present'], ['tells', 'present'],
]);
/** "set to", "due to", "expected to": future. */
const FUTURE_TO = new Set(['set', 'due', 'scheduled', 'expected', 'planned', 'going', 'poised', 'plans', 'plan', 'slated', 'about', 'ready', 'hopes', 'intends', 'wants', 'is', 'are', 'was', 'were']);
/** Auxiliaries before a participle ("will be named", "is expected"): the participle is not a past tense. */
const AUX_BEFORE_PARTICIPLE = new Set(['be', 'been', 'being', 'is', 'are', 'was', 'were', "'s", 'has', 'have', 'had', 'will', 'would', 'to', 'get', 'got', 'not', "n't", 'also', 'already', 'just']);
const AUX_WORDS = new Set(['was', 'were', 'had', 'did']);
const RIGHT_AUX: ReadonlyMap<string, Tense> = new Map([
  ['will', 'future'], ["'ll", 'future'], ['shall', 'future'], ['was', 'past'], ['were', 'past'], ['had', 'past'], ['did', 'past'],
  ['is', 'present'], ['are', 'present'], ['has', 'present'], ['have', 'present'],
]);
const NOT_PAST_ED = new Set(['need', 'speed', 'indeed', 'proceed', 'exceed', 'succeed', 'seed', 'feed', 'red', 'bed', 'hundred', 'united', 'shed', 'bred', 'breed', 'deed', 'greed', 'weed', 'creed', 'heed', 'ted', 'fred', 'ahmed', 'mohammed', 'ed', 'based', 'scheduled', 'limited', 'related', 'unexpected', 'unprecedented', 'unidentified', 'armed', 'detailed', 'advanced', 'combined', 'estimated', 'proposed', 'planned', 'named', 'so-called']);

/** Words before an -ed adjective: "a still unspecified date", "the proposed merger". */
const DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'these', 'those']);

/** True when the -ed word at k is an adjective after a determiner ("a still unspecified date"). */
function edAdjective(low: readonly string[], k: number): boolean {
  const p = low[k - 1] ?? '';
  if (DETERMINERS.has(p)) return true;
  return (p === 'still' || p === 'very' || p === 'newly' || p === 'recently' || p === 'previously') && DETERMINERS.has(low[k - 2] ?? '');
}

/** True when the word at k follows "had" or "had been" ("had been scheduled", "had planned"). */
function pluperfect(low: readonly string[], k: number): boolean {
  return low[k - 1] === 'had' || (low[k - 1] === 'been' && low[k - 2] === 'had');
}

/** Cue of one lowercased token, or null. */
function cueOf(w: string): Tense | null {
  if (FUTURE_CUES.has(w)) return 'future';
  if (PAST_CUES.has(w)) return 'past';
  if (PRESENT_CUES.has(w)) return 'present';
  if (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w)) return 'past';
  return null;
}

/**
 * Tense of the clause around tokens [i, j). Looks left first (the verb governing a time adverbial
 * usually precedes it in news: "the company said Friday", "will meet on Tuesday"); a reporting verb
 * counts only right before the phrase; participles after auxiliaries defer to the auxiliary
 * ("will be named" is future). Only when nothing is found on the left do auxiliaries to the right count.
 */
export function tenseAt(_doc: Doc, low: readonly string[], i: number, j: number, sentStart: number, sentEnd: number): Tense | null {
  for (let k = i - 1; k >= sentStart && i - k <= 15; k--) {
    const w = low[k] ?? '';
    const rep = REPORTING.get(w);
    if (rep !== undefined) {
      if (i - k <= 2) return rep;
      continue;
    }
    // a plan told in the pluperfect lies in the past: "had been scheduled to expire Friday",
    // "had been due to expire Friday evening" (it was extended since)
    if (w === 'to' && FUTURE_TO.has(low[k - 1] ?? '')) return pluperfect(low, k - 1) ? 'past' : 'future';
    // "as early as Tuesday", "as soon as Friday"
    if (w === 'as' && (low[k - 1] === 'early' || low[k - 1] === 'soon') && low[k - 2] === 'as') return 'future';
    // a sentence-initial "Until Thursday, they had not ..." looks back, not ahead
    if ((w === 'until' || w === 'till') && k === sentStart) continue;
    // "announced the plan Aug. 21": a plan named as a noun is no future tense
    if ((w === 'plan' || w === 'plans') && DETERMINERS.has(low[k - 1] ?? '')) continue;
    if (FUTURE_CUES.has(w)) return w !== 'will' && w !== "'ll" && pluperfect(low, k) ? 'past' : 'future';
    // participles after an auxiliary ("will be named", "would be made") defer to the auxiliary
    if ((w.endsWith('ed') || (PAST_CUES.has(w) && !AUX_WORDS.has(w))) && AUX_BEFORE_PARTICIPLE.has(low[k - 1] ?? '')) continue;
    if (w.endsWith('ed') && edAdjective(low, k)) continue;
    const c = cueOf(w);
    if (c) return c;
  }
  // a fronted time phrase ("On Tuesday, the National Rifle Association plans to ...") governs the
  // main clause after its comma, whose subject may be a long name
  const fronted = i - sentStart <= 1 && low[j] === ',';
  const reach = fronted ? 12 : 8;
  for (let k = j; k < sentEnd && k - j < reach; k++) {
    const c = RIGHT_AUX.get(low[k] ?? '');
    if (c) return c;
    // a fronted time phrase: "In January, the company brought in ..."
    if (k - j < (fronted ? 12 : 5)) {
      // "vacation plans" is a noun; "plans to" is the verb
      if ((low[k] === 'plans' || low[k] === 'plan' || low[k] === 'planned') && low[k + 1] !== 'to') continue;
      const c2 = cueOf(low[k] ?? '');
      if (c2 === 'past' || c2 === 'future') return c2;
    }
    const rep = REPORTING.get(low[k] ?? '');
    if (rep !== undefined && k === j) return rep;
  }
  return null;
}

/** TIMEX3 duration value: P3Y, PT48H, P10Y (decade), PXW (vague). */
export function durationValue(count: number | null, unit: UnitInfo): string {
  const t = unit.time ? 'T' : '';
  if (count === null) {
    if (unit.gran === 'decade') return 'PXDE';
    if (unit.gran === 'century') return 'PXCE';
    return `P${t}X${unit.letter}`;
  }
  const v = count * unit.mult;
  if (Number.isInteger(v)) return `P${t}${v}${unit.letter}`;
  // "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "1 1/2 days" -> P1DT12H
  const whole = Math.floor(v);
  const frac = v - whole;
  const sub = unit.letter === 'Y' && !unit.time ? [12, 'M', ''] : unit.letter === 'H' ? [60, 'M', ''] : unit.letter === 'D' ? [24, 'H', 'T'] : null;
  if (sub && Number.isInteger(Math.round(frac * (sub[0] as number) * 1000) / 1000)) {
    const part = Math.round(frac * (sub[0] as number));
    return `P${t}${whole > 0 ? `${whole}${unit.letter}` : ''}${sub[2] as string}${part}${sub[1] as string}`;
  }
  return `P${t}${Math.round(v * 100) / 100}${unit.letter}`;
}

