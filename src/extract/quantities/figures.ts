/**
 * The figure extractor: every number in a news text with its unit, hedge and what it counts.
 * "about 300 kilometers" -> 300 km (~); "at least 20 miles" -> 20 mi (>); "74 Russian towns and
 * villages" -> 74, counted "Russian towns and villages"; "$3bn" -> 3e9 USD; "rose 5%" -> 5 % (up).
 * One pass over the tokens; work happens only where a token can start a number or a currency.
 */
import type { QuantityMention, Qualifier, Span, TimexMention } from '../../types.js';
import type { Token } from '../common/text.js';
import type { Doc, ExtractContext, Extractor } from '../types.js';
import { CURRENCIES, SCALES, UNITS, type UnitDef } from '../lexicons/units.js';
import { isNumberStart, parseNumber, type ParsedNumber } from './numbers.js';

type UnitHit =
  | { kind: 'unit'; def: UnitDef; end: number; form: string }
  | { kind: 'currency'; code: string; end: number; form: string };

const norm = (s: string): string => s.toLowerCase().replace(/-/g, ' ');

/** Surface form (hyphens as spaces) -> unit or currency, longest forms first at lookup. */
const UNIT_FORMS = new Map<string, UnitHit['kind'] extends never ? never : { def?: UnitDef; currency?: string }>();
for (const def of UNITS) for (const f of def.forms) UNIT_FORMS.set(norm(f), { def });
for (const c of CURRENCIES) for (const n of c.names) if (!UNIT_FORMS.has(norm(n))) UNIT_FORMS.set(norm(n), { currency: c.code });
const AMBIGUOUS = new Set(UNITS.flatMap((u) => u.ambiguous ?? []).concat(['p', 'won', 'rand', 'lira']));
const MAX_UNIT_WORDS = 4;

/** Currencies written into `unit` by name ("danish krone") rather than by a rarely seen ISO code. */
const CURRENCY_UNIT = new Map(CURRENCIES.filter((c) => c.unit !== undefined).map((c) => [c.code, c.unit!]));
/** Currency prefixes as they appear in tokens ("$", "US$" -> ["US", "$"]), case-sensitive. */
const PREFIXES = new Map<string, string>();
for (const c of CURRENCIES) for (const p of c.prefixes) PREFIXES.set(p.replace(/\s+/g, ''), c.code);
/** Prefixes ending in "$" match in any case ("aud$ 15", "c $ 300 million"); others are case-sensitive ("Rs", "RM"). */
const lookupPrefix = (s: string): string | undefined => PREFIXES.get(s) ?? (s.endsWith('$') && s !== 'a$' ? PREFIXES.get(s.toUpperCase()) : undefined);
// "AUD$ 15", "cad$ 15": an ISO code written before a dollar sign
for (const c of CURRENCIES) if (c.code.length === 3 && !PREFIXES.has(`${c.code}$`)) PREFIXES.set(`${c.code}$`, c.code);
/** One-letter country marks that may stand apart from their dollar sign ("C $6", "S $1mil"); never "A" (the article). */
const SPACED_DOLLAR_MARKS = new Set(['C', 'c', 'S']);

const HEDGES: ReadonlyArray<[string, Qualifier]> = [
  ['more or less', '~'], ['an estimated', '~'], ['approximately', '~'], ['roughly', '~'], ['around', '~'],
  ['about', '~'], ['nearly', '~'], ['almost', '~'], ['some', '~'], ['close to', '~'], ['circa', '~'], ['estimated', '~'],
  ['approx.', '~'], ['just over', '~'], ['an approximate', '~'], ['an average of', '~'], ['averaged', '~'], ['averaging', '~'],
  ['more than', '>'], ['over than', '>'], ['at least', '>'], ['upwards of', '>'], ['in excess of', '>'], ['greater than', '>'],
  ['no less than', '>'], ['not less than', '>'], ['exceeding', '>'], ['over', '>'], ['above', '>'], ['beyond', '>'], ['well over', '>'],
  ['just under', '<'], ['less than', '<'], ['fewer than', '<'], ['up to', '<'], ['at most', '<'], ['no more than', '<'],
  ['not more than', '<'], ['under', '<'], ['below', '<'], ['as much as', '<'], ['a maximum of', '<'],
];
const HEDGE_MAP = new Map(HEDGES);
const MAX_HEDGE_WORDS = 3;

const CHANGE_BEFORE = new Map<string, Qualifier>([
  ...['rose', 'rise', 'rises', 'rising', 'risen', 'up', 'increased', 'increase', 'increases', 'increasing', 'gained', 'gain', 'gains',
    'jumped', 'jump', 'jumps', 'climbed', 'climb', 'climbs', 'grew', 'grow', 'grows', 'grown', 'soared', 'soars', 'surged', 'surges',
    'advanced', 'added', 'adds', 'higher', 'spiked', 'rallied', 'boosted', 'raised', 'raising', 'hiked', 'expanded'].map((w) => [w, 'up'] as [string, Qualifier]),
  ...['fell', 'fall', 'falls', 'falling', 'fallen', 'down', 'dropped', 'drop', 'drops', 'declined', 'decline', 'declines', 'decreased',
    'decrease', 'lost', 'lose', 'loses', 'slid', 'slides', 'slumped', 'plunged', 'plunges', 'shrank', 'shrunk', 'tumbled', 'sank',
    'slipped', 'lower', 'cut', 'cuts', 'eased', 'dipped', 'retreated', 'shed', 'sheds', 'reduced', 'slashed', 'contracted'].map((w) => [w, 'down'] as [string, Qualifier]),
]);
const CHANGE_AFTER = new Map<string, Qualifier>([
  ...['increase', 'rise', 'gain', 'jump', 'growth', 'hike', 'surge', 'climb', 'boost', 'uptick'].map((w) => [w, 'up'] as [string, Qualifier]),
  ...['decrease', 'decline', 'drop', 'fall', 'cut', 'loss', 'reduction', 'slump', 'plunge', 'dip', 'contraction'].map((w) => [w, 'down'] as [string, Qualifier]),
]);
/** Words allowed between a change verb and its number: "rose by about 5%". */
const CHANGE_GAP = new Set(['by', 'a', 'an', 'another', 'some', 'just', 'only', 'sharply', 'nearly', 'about', 'around', 'roughly', 'almost', 'more', 'than', 'over', 'respectively']);

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'jan.', 'feb', 'feb.', 'mar', 'mar.', 'apr', 'apr.', 'jun', 'jun.', 'jul', 'jul.', 'aug', 'aug.', 'sep', 'sep.', 'sept', 'sept.',
  'oct', 'oct.', 'nov', 'nov.', 'dec', 'dec.',
]);
/** Nouns whose following number is a name or label: "page 4", "flight 370", "exit 436". */
const LABEL_NOUNS = new Set([
  'page', 'pages', 'p.', 'pp.', 'no', 'no.', 'nos', 'number', 'flight', 'route', 'highway', 'interstate', 'exit', 'room', 'section',
  'chapter', 'article', 'part', 'row', 'game', 'level', 'grade', 'model', 'version', 'season', 'episode', 'round', 'stage', 'phase',
  'gate', 'platform', 'line', 'bus', 'channel', 'unit', 'apartment', 'suite', 'floor', 'district', 'ward', 'precinct', 'lot', 'class',
  'category', 'type', 'item', 'rule', 'clause', 'paragraph', 'verse', 'figure', 'table', 'appendix', 'annex', 'act', 'resolution',
  'amendment', 'covid', 'windows', 'ios', 'android', 'iphone', 'galaxy', 'pixel', 'boeing', 'airbus', 'mig', 'tier', 'vol', 'vol.', 'issue', 'code', 'box', 'pier', 'berth', 'terminal', 'block', 'zone', 'hwy',
]);
/** Aircraft makers written as one or two letters ("Su 27", "An 124"): labels only when capitalised ("an 80 yard run"). */
const LABEL_LETTERS = new Set(['F', 'Su', 'SU', 'Tu', 'TU', 'Il', 'IL', 'An', 'AN']);
/** Words that end a counted noun phrase (function words, auxiliaries, common verbs). */
const NP_STOP = new Set([
  'the', 'a', 'an', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'or', 'nor', 'but', 'that', 'which', 'who', 'whom',
  'whose', 'was', 'were', 'is', 'are', 'be', 'been', 'being', 'am', 'have', 'has', 'had', 'will', 'would', 'could', 'should', 'may',
  'might', 'can', 'must', 'shall', 'do', 'does', 'did', 'this', 'these', 'those', 'their', 'its', 'his', 'her', 'our', 'your', 'my',
  'than', 'as', 'since', 'during', 'after', 'before', 'per', 'each', 'more', 'less', 'fewer', 'into', 'onto', 'over', 'under',
  'about', 'around', 'while', 'when', 'where', 'if', 'so', 'because', 'also', 'not', 'no', 'all', 'both', 'only', 'just', 'ago',
  'earlier', 'later', 'apiece', 'each', 'respectively', 'between', 'through', 'across', 'against', 'toward', 'towards', 'said',
  'says', 'say', 'told', 'according', 'including', 'compared', 'up', 'down', 'out', 'off', 'away', 'back', 'again', 'then',
  'there', 'here', 'now', 'today', 'yesterday', 'tomorrow', 'it', 'they', 'he', 'she', 'we', 'i', 'you', 'them', 'him', 'us',
  'and', 'within', 'without', 'near', 'along', 'among', 'amid', 'despite', 'until', 'till', 'via', 'whereas', 'what', 'why', 'how',
  'behind', 'beside', 'beneath', 'inside', 'outside', 'above', 'below', 'upon', 'throughout', 'like', 'unlike', 'worth', 'plus', 'minus',
  'too', 'very', 'last', 'next', 'ahead', 'annually', 'a-year', 'or so', 'old', 'long', 'wide', 'high', 'deep', 'tall',
  'overnight', 'already', 'still', 'instead', 'together', 'alone', 'nearby', 'abroad', 'home', 'daily', 'weekly', 'monthly', 'yet',
]);
/** Measured properties written before "of": "a range of 300 km", "an advance of 20 miles". */
const MEASURE_BEFORE_OF = /^(?:range|distance|depth|height|length|width|area|advance|altitude|radius|speed|total|sum|budget|cost|price|value|deficit|surplus|debt|loss|profit|revenue|rate|toll|death toll|population|capacity|weight|yield|turnout|margin|fine|bail|ransom|reward|payout|salary|stake|share|temperature|volume|output|production|growth|increase|decline|drop|fall|rise|gain|jump|tax|tariff|investment|fund|award|bill|bonus|bid|offer|deal|contract|grant|loan|aid|package|sentence|term|span|stretch|swath|expanse|front|frontline)$/;

/** "US", "IT": upper-case initialisms are names, never the pronouns "us", "it" of NP_STOP. */
const isAcronym = (s: string): boolean => s.length >= 2 && /^\p{Lu}+$/u.test(s);

/** Tokens whose first letter is upper-case (or mixed case like "iPhone"). */
const isCapitalised = (t: Token): boolean => t.kind === 'word' && /^(?:\p{Lu}|\p{Ll}+\p{Lu})/u.test(t.text);

interface Reserved {
  starts: number[];
  ends: number[];
}

function reservedSpans(prior: ExtractContext['prior']): Reserved {
  const spans = prior
    .filter((m): m is TimexMention => m.kind === 'time' && m.type !== 'DURATION')
    .map((m) => [m.start, m.end] as const)
    .sort((a, b) => a[0] - b[0]);
  return { starts: spans.map((s) => s[0]), ends: spans.map((s) => s[1]) };
}

function isReserved(r: Reserved, start: number, end: number): boolean {
  // binary search the last span starting before `end`
  let lo = 0;
  let hi = r.starts.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (r.starts[mid]! < end) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let k = idx; k >= 0 && k > idx - 4; k--) if (r.ends[k]! > start && r.starts[k]! < end) return true;
  return false;
}

/** Adjectives of size after a measure: 'a 10" long pen', "2 m wide". */
const SIZE_WORDS = /^(?:long|wide|tall|high|deep|thick|across|away)$/i;

/** Longest unit or currency name starting at token j ("square miles", "km/h", "per cent", "years old"). */
function matchUnit(tokens: readonly Token[], j: number, sentEnd: number): UnitHit | null {
  let key = '';
  let best: UnitHit | null = null;
  for (let n = 0; n < MAX_UNIT_WORDS && j + n < sentEnd; n++) {
    const t = tokens[j + n]!;
    if (t.kind === 'number') break;
    key += (n > 0 && t.spaceBefore ? ' ' : '') + norm(t.text);
    const hit = UNIT_FORMS.get(key);
    // "43.4 percent-owned", "a 20-mile-long convoy": the unit is the first part of a hyphenated word
    if (!hit && n === 0 && t.text.includes('-')) {
      const head = norm(t.text.slice(0, t.text.indexOf('-')));
      const h = UNIT_FORMS.get(head);
      if (h && !AMBIGUOUS.has(head)) {
        best = h.def ? { kind: 'unit', def: h.def, end: j + 1, form: head } : { kind: 'currency', code: h.currency!, end: j + 1, form: head };
        break;
      }
    }
    if (!hit) continue;
    // "$" after a number belongs to the next number when one follows ("a five-year $700000 award")
    if (hit.currency && /^\p{Sc}$/u.test(key) && tokens[j + n + 1]?.kind === 'number') continue;
    if (AMBIGUOUS.has(key)) {
      const first = tokens[j]!;
      const after = tokens[j + n + 1];
      const glued = !first.spaceBefore;
      const endsPhrase = !after || after.kind === 'punct' || j + n + 1 >= sentEnd || SIZE_WORDS.test(after.text);
      if (!glued && !endsPhrase) continue;
    }
    best = hit.def ? { kind: 'unit', def: hit.def, end: j + n + 1, form: key } : { kind: 'currency', code: hit.currency!, end: j + n + 1, form: key };
  }
  return best;
}

/** Currency written before the number: "$", "US$", "€", "Rs", "USD". Returns the code and the number's token index. */
function matchPrefix(tokens: readonly Token[], i: number): { code: string; numberAt: number } | null {
  const t = tokens[i]!;
  if (t.kind === 'number') return null;
  for (const len of [3, 2, 1]) {
    if (i + len >= tokens.length) continue;
    let s = t.text;
    let ok = true;
    for (let k = 1; k < len; k++) {
      const u = tokens[i + k]!;
      // "HK $5.4m" (a spaced "$" after a code) but not "A $300 million" (the article "a")
      if (u.spaceBefore && !(k === len - 1 && u.text === '$' && (t.text.length >= 2 || SPACED_DOLLAR_MARKS.has(t.text)))) {
        ok = false;
        break;
      }
      s += u.text;
    }
    if (!ok) continue;
    // "a$ 10" (lower-cased wire text) is Australian dollars; "a$10" reads as the article before "$10"
    const code = s === 'a$' ? (tokens[i + len]?.spaceBefore ? 'AUD' : undefined) : lookupPrefix(s);
    if (!code) continue;
    const n = tokens[i + len];
    // "usd$ 15", "$ 2.50": at most one space between prefix and number
    if (n && (n.kind === 'number' || (n.kind === 'word' && isNumberStart(n)))) return { code, numberAt: i + len };
    // "$-50.8bn": a minus sign between the currency and the number
    const m = tokens[i + len + 1];
    if (n && /^[-−]$/.test(n.text) && !n.spaceBefore && m && m.kind === 'number' && !m.spaceBefore) return { code, numberAt: i + len + 1 };
  }
  return null;
}

/** Currency codes written against the number: "USD10m", "RM23.50", "INR1 trillion", "PS2.7m" (£ as plain text). */
const GLUED_CURRENCY = /^(USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|NZD|HKD|SGD|CHF|MYR|RM|Rs|RMB|NIS|PS)(\d{1,3}(?:,\d{3})+|\d+)(m|mn|mil|mln|bn|k)?$/;
const GLUED_CODES: Record<string, string> = { RM: 'MYR', Rs: 'INR', RMB: 'CNY', NIS: 'ILS', SGD: 'SGD', PS: 'GBP' };
/** Australian style: "$US55,931,000", "$A82.6m", "$NZ5" (the country after the dollar sign). */
const DOLLAR_COUNTRY = /^(US|AU?|NZ|CA?|HK|SG?)(\d{1,3}(?:,\d{3})+|\d+)(m|mn|mil|mln|bn|k)?$/;
const DOLLAR_CODES: Record<string, string> = { US: 'USD', A: 'AUD', AU: 'AUD', NZ: 'NZD', C: 'CAD', CA: 'CAD', HK: 'HKD', S: 'SGD', SG: 'SGD' };
const SCALE_SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mil: 1e6, mln: 1e6, bn: 1e9 };

function gluedCurrency(tokens: readonly Token[], i: number): { code: string; p: ParsedNumber; numberAt: number } | null {
  const t = tokens[i]!;
  let m: RegExpExecArray | null;
  let code: string;
  let numberAt = i;
  if (t.text === '$') {
    const n = tokens[i + 1];
    if (!n || n.spaceBefore || n.kind !== 'word') return null;
    m = DOLLAR_COUNTRY.exec(n.text);
    if (!m) return null;
    code = DOLLAR_CODES[m[1]!]!;
    numberAt = i + 1;
  } else {
    m = GLUED_CURRENCY.exec(t.text);
    if (!m) return null;
    code = GLUED_CODES[m[1]!] ?? m[1]!;
  }
  let digits = m[2]!;
  let end = numberAt + 1;
  // "RM120,000": the thousands groups arrive as separate tokens ("," then "120" or "931,000")
  while (!m[3] && tokens[end]?.text === ',' && !tokens[end]!.spaceBefore && /^\d{3}(?:,\d{3})*$/.test(tokens[end + 1]?.text ?? '') && !tokens[end + 1]!.spaceBefore) {
    digits += tokens[end + 1]!.text;
    end += 2;
  }
  let value = Number(digits.replace(/,/g, ''));
  const dec = tokens[end];
  if (dec && !dec.spaceBefore && dec.kind === 'number' && /^\.\d+$/.test(dec.text)) {
    value += Number(dec.text);
    end++;
  }
  let scaled = false;
  if (m[3]) {
    value *= SCALE_SUFFIX[m[3]]!;
    scaled = true;
  }
  const sc = scaled ? undefined : tokens[end];
  const scale = sc ? (/^(?:m|mil|mln|mn)$/i.test(sc.text) ? 1e6 : /^(?:bn|b|bil|bln)$/i.test(sc.text) ? 1e9 : /^k$/i.test(sc.text) ? 1e3 : /^(?:million|billion|trillion|thousand)$/i.test(sc.text) ? { million: 1e6, billion: 1e9, trillion: 1e12, thousand: 1e3 }[sc.text.toLowerCase()]! : 0) : 0;
  if (sc && scale > 0 && (!sc.spaceBefore || sc.text.length > 3)) {
    value *= scale;
    end++;
    scaled = true;
  }
  // "PS4", "PS5" are game consoles: plain-text pounds need a sum that reads as money
  if (m[1] === 'PS' && !scaled && end === numberAt + 1 && digits.length < 2) return null;
  return { code, numberAt, p: { value, start: numberAt, end, form: 'digits', scaled } };
}

function lookbackHedge(tokens: readonly Token[], i: number, sentStart: number): { q: Qualifier; start: number } | null {
  let key = '';
  let best: { q: Qualifier; start: number } | null = null;
  for (let n = 1; n <= MAX_HEDGE_WORDS && i - n >= sentStart; n++) {
    const t = tokens[i - n]!;
    key = t.text.toLowerCase() + (n > 1 ? ' ' : '') + key;
    const q = HEDGE_MAP.get(key);
    if (q) best = { q, start: i - n };
  }
  return best;
}

function lookbackChange(tokens: readonly Token[], i: number, sentStart: number): Qualifier | null {
  for (let k = i - 1, steps = 0; k >= sentStart && steps < 4; k--, steps++) {
    const w = tokens[k]!.text.toLowerCase();
    const c = CHANGE_BEFORE.get(w);
    if (c) return c;
    if (!CHANGE_GAP.has(w)) return null;
  }
  return null;
}

/** The counted noun phrase after position j: "Ukrainian troops", "Russian towns and villages". */
const IRREGULAR_PLURALS = new Set(['people', 'children', 'men', 'women', 'police', 'personnel', 'staff', 'cattle', 'data', 'feet', 'teeth', 'mice', 'geese', 'civilians', 'livestock', 'aircraft', 'sheep', 'fish', 'deer', 'militia', 'infantry', 'youth', 'crew']);

function isPlural(w: string): boolean {
  return IRREGULAR_PLURALS.has(w) || (/[^su]s$/.test(w) && !/(?:ous|ss|is|us)$/.test(w));
}

function countedAfter(tokens: readonly Token[], j: number, sentEnd: number, text: string, singularHead = false): Span | undefined {
  let k = j;
  const first = tokens[k];
  if (!first || first.kind !== 'word' || (NP_STOP.has(first.text.toLowerCase()) && !isAcronym(first.text))) return undefined;
  // "20 decently sized coal-fired plants": an adverb and its participle qualify the counted noun
  if (/ly$/.test(first.text) && !first.text.includes('-')) {
    const nx = tokens[j + 1];
    if (nx && nx.kind === 'word' && /ed$/.test(nx.text) && tokens[j + 2]?.kind === 'word') return countedAfter(tokens, j + 2, sentEnd, text, singularHead);
    return undefined;
  }
  if (/ing$/.test(first.text) && !(tokens[j + 1]?.kind === 'word' && !NP_STOP.has(tokens[j + 1]!.text.toLowerCase()))) return undefined;
  let last = -1;
  for (let n = 0; k < sentEnd && n < 5; k++, n++) {
    const t = tokens[k]!;
    const w = t.text.toLowerCase();
    if (t.kind !== 'word') break;
    if (w === 'and' && last >= 0) {
      // "towns and villages": join two plural nouns
      const nx = tokens[k + 1];
      if (nx && nx.kind === 'word' && isPlural(tokens[last]!.text.toLowerCase()) && isPlural(nx.text.toLowerCase()) && !NP_STOP.has(nx.text.toLowerCase())) {
        last = k + 1;
      } else if (nx && isCapitalised(tokens[last]!) && isCapitalised(nx) && tokens[k + 2]?.kind === 'word' && isPlural(tokens[k + 2]!.text.toLowerCase()) && !NP_STOP.has(tokens[k + 2]!.text.toLowerCase())) {
        // "Kia and Hyundai vehicles": two names sharing one plural noun
        last = k + 2;
      }
      break;
    }
    if ((NP_STOP.has(w) && !isAcronym(t.text)) || MONTHS.has(w)) break;
    if (/ed$/.test(w) && n > 0) break;
    last = k;
    // "Vantic's deputies": a possessive goes on to its noun
    if (!tokens[k + 1]?.spaceBefore && /^['’]s$/.test(tokens[k + 1]?.text ?? '')) {
      k++;
      last = k;
      continue;
    }
    // A plural noun usually ends the phrase ("troops", "villages"): stop unless "and" follows.
    if (isPlural(w) && tokens[k + 1]?.text.toLowerCase() !== 'and') break;
    // "one proposal asks": after a singular head, a word ending in -s is usually the verb
    if (singularHead && n === 0 && !isPlural(w) && isPlural(tokens[k + 1]?.text.toLowerCase() ?? '')) break;
  }
  if (last < 0) return undefined;
  const a = tokens[j]!.start;
  const b = tokens[last]!.end;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** Measured property written before the number: "a range of about 300 km" -> "range". */
function measureBefore(tokens: readonly Token[], i: number, sentStart: number, text: string): Span | undefined {
  const of = tokens[i - 1];
  if (!of || of.text.toLowerCase() !== 'of' || i - 2 < sentStart) return undefined;
  const noun = tokens[i - 2]!;
  if (noun.kind !== 'word' || !MEASURE_BEFORE_OF.test(noun.text.toLowerCase())) return undefined;
  return { start: noun.start, end: noun.end, text: text.slice(noun.start, noun.end) };
}

function convert(value: number | [number, number], def: UnitDef | undefined): QuantityMention['normalized'] {
  if (!def?.si || def.factor === undefined) return undefined;
  const f = (v: number): number => Number((v * def.factor! + (def.offset ?? 0)).toPrecision(12));
  return { value: Array.isArray(value) ? [f(value[0]), f(value[1])] : f(value), unit: def.si };
}

/** Long unit name used in compounds ("percentage per year", "dollar per share"). */
function longName(hit: UnitHit): string {
  if (hit.kind === 'currency') return CURRENCIES.find((x) => x.code === hit.code)?.longName ?? hit.code;
  if (hit.def.code === '%') return 'percentage';
  // the longest singular spelled-out form: "square foot", "kilometre"
  // ("gram", not the rarer "gramme": compounds read "microgram per gram")
  const singular = hit.def.forms.filter((f) => !f.endsWith('s') && !f.endsWith('gramme') && /^[a-z ]+$/.test(f));
  return singular.sort((a, b) => b.length - a.length)[0] ?? hit.def.code;
}

const RATE_DENOMINATORS = new Set(['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'share', 'person', 'capita', 'head', 'game', 'barrel', 'gallon', 'litre', 'liter', 'ton', 'tonne', 'kilogram', 'kg', 'night', 'annum', 'ounce', 'pound', 'lot', 'unit', 'household', 'seat', 'ticket']);

function isYearLike(tokens: readonly Token[], p: ParsedNumber): boolean {
  if (p.form !== 'digits' || p.scaled || p.end - p.start !== 1) return false;
  const s = tokens[p.start]!.text;
  if (!/^\d{4}$/.test(s)) return false;
  const v = Number(s);
  return v >= 1900 && v <= 2100;
}

const scaleBy = (v: number | [number, number], f: number): number | [number, number] => (Array.isArray(v) ? [v[0] * f, v[1] * f] : v * f);

const prevIsStart = (i: number, sentStart: number): boolean => i - 1 === sentStart;

/**
 * A number the timex tagger claimed that is still a figure: a duration inside a date or set
 * ("Two years later", "every 9 weeks": 2 years, 9 weeks) or a four-digit number with a unit of
 * measure ("the 1520 sq m centre", "the 1000 hp barrier").
 */
function measuredDespiteTimex(tokens: readonly Token[], p: ParsedNumber, sentEnd: number): boolean {
  if (Array.isArray(p.value)) return false;
  let j = p.end;
  if (tokens[j]?.text === '-' && !tokens[j]!.spaceBefore) j++;
  const u = matchUnit(tokens, j, sentEnd);
  if (!u) return false;
  if (u.kind === 'currency') return true; // 'a quarter million dollars'
  if (u.def.dimension === 'time') return !isYearLike(tokens, p);
  return u.def.dimension !== 'age' && u.def.code !== '°';
}

/** Digit groups of a phone number around token i: "+1 212 555 0199", "(212) 555-0199" (at least 9 digits in 3 groups). */
function isPhoneLike(tokens: readonly Token[], i: number, sentStart: number, sentEnd: number): boolean {
  // fast path: a phone number needs a digit group or a bracket right next to this one
  const near = (t: Token | undefined): boolean => t !== undefined && (t.kind === 'number' || t.text === '(' || t.text === ')' || t.text === '+');
  if (!near(tokens[i - 1]) && !near(tokens[i + 1]) && !/^\d{3}-\d{4}$/.test(tokens[i]!.text)) return false;
  const part = (t: Token | undefined): boolean => t !== undefined && (/^\d{1,4}$/.test(t.text) || /^\d{3}-\d{4}$/.test(t.text) || t.text === '+' || t.text === '(' || t.text === ')');
  let a = i;
  let b = i;
  while (a - 1 >= sentStart && a > i - 6 && part(tokens[a - 1])) a--;
  while (b + 1 < sentEnd && b < i + 6 && part(tokens[b + 1])) b++;
  let digits = 0;
  let groups = 0;
  for (let k = a; k <= b; k++) {
    const d = tokens[k]!.text.replace(/\D/g, '').length;
    if (d > 0) groups += tokens[k]!.text.includes('-') ? 2 : 1;
    digits += d;
  }
  return groups >= 3 && digits >= 9;
}

const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|s)$/i;

export function extractFigures(doc: Doc, ctx: ExtractContext): QuantityMention[] {
  const { tokens, text } = doc;
  const reserved = reservedSpans(ctx.prior);
  const out: QuantityMention[] = [];
  for (const sent of doc.sentences) {
    let i = sent.tokenStart;
    while (i < sent.tokenEnd) {
      const t = tokens[i]!;
      const glued = t.kind === 'word' || t.text === '$' ? gluedCurrency(tokens, i) : null;
      const prefix = t.kind === 'number' || glued ? null : matchPrefix(tokens, i);
      if (glued) {
        const m = figureAt(doc, ctx, sent.tokenStart, sent.tokenEnd, i, { code: glued.code, numberAt: glued.numberAt }, reserved, glued.p);
        if (m) {
          out.push(m.mention);
          i = Math.max(m.nextToken, i + 1);
          continue;
        }
      }
      if (!prefix && !isNumberStart(t) && !((t.text === 'a' || t.text === 'an' || t.text === 'A' || t.text === 'An') && tokens[i + 1] && /^(?:dozen|hundred|thousand|million|billion|third|quarter|half)$/i.test(tokens[i + 1]!.text))) {
        i++;
        continue;
      }
      const m = figureAt(doc, ctx, sent.tokenStart, sent.tokenEnd, i, prefix, reserved);
      if (m) {
        out.push(m.mention);
        i = Math.max(m.nextToken, i + 1);
      } else i++;
    }
  }
  void text;
  return out;
}

function figureAt(
  doc: Doc,
  _ctx: ExtractContext,
  sentStart: number,
  sentEnd: number,
  i: number,
  prefix: { code: string; numberAt: number } | null,
  reserved: Reserved,
  gluedNumber?: ParsedNumber,
): { mention: QuantityMention; nextToken: number } | null {
  const { tokens, text } = doc;
  const numAt = prefix ? prefix.numberAt : i;
  const p = gluedNumber ?? parseNumber(tokens, numAt);
  if (!p || p.end > sentEnd) return null;
  const first = tokens[numAt]!;
  const reasons: string[] = [];
  let nameLike = false;

  // --- things that look like numbers but are not figures -------------------------------------
  const prev = tokens[i - 1];
  const nextTok = tokens[p.end];
  if (first.kind === 'number') {
    if (first.text.includes(':')) return null; // times, scores "1:36.6"
    if (/^0\d/.test(first.text)) return null; // "0199", "007": codes, not amounts
    // "7-Eleven", "3-Series": digits hyphenated to a capitalised word are a name
    if (nextTok?.text === '-' && !nextTok.spaceBefore && tokens[p.end + 1] && !tokens[p.end + 1]!.spaceBefore && isCapitalised(tokens[p.end + 1]!)) return null;
    if (isPhoneLike(tokens, numAt, sentStart, sentEnd)) return null; // "(212) 555-0199", "+1 212 555 0199"
    if ((first.text.match(/-/g) ?? []).length > 1 || /^\d{3}-\d{4}$/.test(first.text)) return null; // dates, phone numbers
    if (nextTok && !nextTok.spaceBefore && nextTok.kind === 'word' && ORDINAL_SUFFIX.test(nextTok.text)) return null; // 22nd, 1990s
    if (prev && !first.spaceBefore && prev.kind === 'word' && !prefix) return null; // glued to a word: "A320"
  }
  if (isReserved(reserved, tokens[i]!.start, tokens[p.end - 1]!.end) && !measuredDespiteTimex(tokens, p, sentEnd)) return null;
  // the second half of "7-Eleven", "Catch-Twenty"
  if (first.kind === 'word' && !prefix && prev?.text === '-' && !first.spaceBefore && !prev.spaceBefore) return null;
  if (first.kind === 'word' && /^\p{Lu}/u.test(first.text) && numAt !== sentStart && prev && isCapitalised(prev)) return null; // "Kick Six"
  if (/^(?:a\.m\.|p\.m\.|am|pm|GMT|UTC|BST|EST|ET|CET)$/i.test(nextTok?.text ?? '') && first.kind === 'number') return null; // times
  if (prev && !prefix) {
    const pw = prev.text.toLowerCase();
    if (MONTHS.has(pw) && first.kind === 'number') return null; // "September 8"
    if (pw === '.' && MONTHS.has(tokens[i - 2]?.text.toLowerCase() ?? '') && first.kind === 'number') return null; // "sept . 30"
    if (LABEL_NOUNS.has(pw) || (LABEL_LETTERS.has(prev.text) && !prevIsStart(i, sentStart))) return null; // "page 4", "Boeing 747", "exit 436"
    if (prev.text === '#' || prev.text === '№') return null;
    const prevIsSentenceStart = i - 1 === sentStart;
    if (isCapitalised(prev) && !prevIsSentenceStart && !HEDGE_MAP.has(pw) && !CHANGE_BEFORE.has(pw) && first.kind === 'number' && !/^(?:US|UK|EU)$/.test(prev.text)) nameLike = true; // "Euro 2020", "Apple Watch 5"
  }
  if (nextTok && first.kind === 'number' && MONTHS.has(nextTok.text.toLowerCase()) && Number(first.text) <= 31) return null; // "8 September"
  if (nextTok && first.kind === 'number' && !nextTok.spaceBefore && nextTok.kind === 'word' && !p.scaled) {
    // glued letters must be a unit: "5km", "640bhp"; "5G", "11a" are names
    const u = matchUnit(tokens, p.end, sentEnd);
    if (!u) return null;
  }

  // --- ranges: "four to five", "between 80 and 100", "80-100" --------------------------------
  let value: number | [number, number] = p.value;
  let end = p.end;
  // "-1.3%", "$-50.8bn", "minus 5": a sign glued to the number, or the word "minus"
  const signTok = tokens[numAt - 1];
  if (typeof value === 'number' && first.kind === 'number' && signTok && ((/^[-−]$/.test(signTok.text) && !first.spaceBefore && (signTok.spaceBefore || tokens[numAt - 2]?.text === '$')) || signTok.text.toLowerCase() === 'minus')) {
    value = -value;
    reasons.push('negative');
  }
  let isRange = Array.isArray(p.value);
  if (!isRange && first.kind === 'number' && /^\d+(?:\.\d+)?-\d+(?:\.\d+)?$/.test(first.text) && p.end - p.start === 1) {
    const [a, b] = first.text.split('-').map(Number) as [number, number];
    if (b > a) {
      value = [a, b];
      isRange = true;
    } else return null; // "3-2" is a score
  } else if (!isRange) {
    const sep = tokens[end];
    const sepW = sep?.text.toLowerCase();
    const betweenBefore = tokens[(prefix ? i : numAt) - 1]?.text.toLowerCase() === 'between';
    const fromBefore = tokens[(prefix ? i : numAt) - 1]?.text.toLowerCase() === 'from';
    const rangeSep = sepW === 'to' || sepW === '–' || sepW === '-' || sepW === 'through' || (sepW === 'and' && betweenBefore);
    if (sep && rangeSep) {
      let k = end + 1;
      if (prefix && PREFIXES.has(tokens[k]?.text ?? '')) k++;
      const q = tokens[k] ? parseNumber(tokens, k) : null;
      // a hyphen joins digits to digits: "7-Eleven" is a name
      const dashForms = sepW !== '-' && sepW !== '–' ? true : (first.kind === 'number') === (tokens[k]?.kind === 'number');
      if (q && dashForms && !Array.isArray(q.value) && typeof p.value === 'number' && q.end <= sentEnd && (!isYearLike(tokens, p) || matchUnit(tokens, q.end, sentEnd) !== null)) {
        let lo = p.value;
        const hi = q.value;
        // "1.2 to 1.5 million": the scale of the high end applies to the low end
        const bareHi = q.value / (q.scale ?? 1);
        if (q.scaled && !p.scaled && (q.scale ?? 1) > 1 && lo < bareHi * 10) lo *= q.scale ?? 1;
        // "from $36,040 to $34,935" is a range written in text order; otherwise low before high
        if (hi > lo || (fromBefore && hi !== lo)) {
          value = [lo, hi];
          isRange = true;
          end = q.end;
          reasons.push('range');
        }
      }
    }
  }

  // "0-to-60-mph": a range and its unit hyphenated into one word after the first number
  let tailUnit: UnitDef | undefined;
  const toWord = !isRange && first.kind === 'number' && tokens[end]?.text === '-' && !tokens[end]!.spaceBefore && !tokens[end + 1]?.spaceBefore
    ? /^to-(\d+(?:\.\d+)?)(?:-(\p{L}+))?$/iu.exec(tokens[end + 1]?.text ?? '') : null;
  if (toWord && typeof value === 'number' && Number(toWord[1]) > value) {
    value = [value, Number(toWord[1])];
    isRange = true;
    end += 2;
    reasons.push('range: N-to-M');
    if (toWord[2]) tailUnit = UNIT_FORMS.get(norm(toWord[2]))?.def;
  }

  // "200-plus stores", "50-odd delegates": a bound written after the number
  let writtenBound: Qualifier | undefined;
  if (!isRange && tokens[end]?.text === '-' && !tokens[end]!.spaceBefore && /^(?:plus|odd)$/i.test(tokens[end + 1]?.text ?? '') && !tokens[end + 1]!.spaceBefore) {
    writtenBound = tokens[end + 1]!.text.toLowerCase() === 'plus' ? '>' : '~';
    end += 2;
  }

  // --- unit ------------------------------------------------------------------------------------
  let unitCode = '';
  let unitDef: UnitDef | undefined;
  let unitEnd = end;
  let currency = prefix?.code;
  let hit: UnitHit | null = null;
  let suffixCounted: Span | undefined;
  if (!currency) {
    let j = end;
    if (tokens[j]?.text === '-' && (!tokens[j]!.spaceBefore || tokens[j + 1]?.spaceBefore)) j++; // "15-year-old", "400-square-mile", "30 - year" (tokenised)
    // "20 [kg]", "20 {kg}", "20 <kg>": a unit in brackets
    const bracket = tokens[j]?.text;
    if ((bracket === '[' || bracket === '{' || bracket === '<') && tokens[j + 2]?.text === ({ '[': ']', '{': '}', '<': '>' } as Record<string, string>)[bracket]) {
      const inner = matchUnit(tokens, j + 1, sentEnd);
      if (inner && inner.end === j + 2) hit = { ...inner, end: j + 3 };
    }
    // "tens of thousands of dollars", "millions of euros"
    if ((p.form === 'vague' || p.scaled) && tokens[j]?.text.toLowerCase() === 'of') j++;
    if (!hit) hit = matchUnit(tokens, j, sentEnd);
    // "30 MUSD", "120 MEUR": millions of a currency written as one code
    const mCode = j === end && !hit ? /^M(USD|EUR|GBP|CHF|JPY|CAD|AUD)$/.exec(tokens[j]?.text ?? '') : null;
    if (mCode && !p.scaled) {
      hit = { kind: 'currency', code: mCode[1]!, end: j + 1, form: tokens[j]!.text };
      value = scaleBy(value, 1e6);
      reasons.push('millions written in the currency code');
    }
    if (hit && (hit.kind === 'currency' || j === end || tokens[j - 1]?.text === '-' || tokens[j - 1]?.text.toLowerCase() === 'of' || hit.end === j + 3)) {
      if (hit.kind === 'currency') {
        currency = hit.code;
        // "75 USD million": the scale after the currency
        const sw = tokens[hit.end]?.text.toLowerCase() ?? '';
        const sc = SCALES.get(sw);
        if (!p.scaled && !mCode && sc !== undefined && sw.length > 2 && !sw.endsWith('s')) {
          value = scaleBy(value, sc);
          hit = { ...hit, end: hit.end + 1 };
          reasons.push('scale after the currency');
        }
      } else {
        unitDef = hit.def;
        unitCode = hit.def.code;
      }
      unitEnd = hit.end;
      // "degrees c/f"
      if (unitCode === '°' && /^[cf]$/i.test(tokens[unitEnd]?.text ?? '') && tokens[unitEnd + 1]?.kind !== 'word') {
        const cf = UNITS.find((u) => u.code === (tokens[unitEnd]!.text.toLowerCase() === 'c' ? '°C' : '°F'));
        if (cf) {
          unitDef = cf;
          unitCode = cf.code;
          unitEnd++;
        }
      }
    } else hit = null;
  } else {
    // "$5 million dollars" never; "$5 per share" handled below
    hit = { kind: 'currency', code: currency, end, form: '' };
  }
  // "1/2 pound of chocolate", "lost 25 pounds": a weight; "5 million pounds": money
  if (!prefix && currency === 'GBP' && /^pounds?$/i.test(tokens[unitEnd - 1]?.text ?? '') && (!p.scaled || tokens[unitEnd]?.text.toLowerCase() === 'of')) {
    currency = undefined;
    unitDef = UNITS.find((u) => u.code === 'lb');
    hit = unitDef ? { kind: 'unit', def: unitDef, end: unitEnd, form: 'pound' } : hit;
    unitCode = 'lb';
  }
  if (tailUnit && !currency && unitCode === '') {
    unitDef = tailUnit;
    unitCode = tailUnit.code;
  }
  if (p.suffix && !currency && unitCode === '') {
    const sfx = UNIT_FORMS.get(norm(p.suffix.text));
    const at = p.suffix.at;
    if (sfx?.def) {
      unitDef = sfx.def;
      unitCode = sfx.def.code;
      hit = { kind: 'unit', def: sfx.def, end: p.end, form: p.suffix.text };
    } else if (!sfx) {
      suffixCounted = { start: at, end: at + p.suffix.text.length, text: p.suffix.text };
    }
  }
  // "at dollar 22.5 million", "USD 15": a currency name before a number with no unit after it
  if (!currency && !unitDef && !p.suffix && typeof value === 'number') {
    const cw = tokens[(prefix ? i : numAt) - 1]?.text.toLowerCase() ?? '';
    const before = /^(?:dollars?|euros?|yen|yuan|rupees?|usd|eur)$/.test(cw) ? UNIT_FORMS.get(cw) : undefined;
    const nextWord = tokens[unitEnd];
    if (before?.currency && (!nextWord || nextWord.kind !== 'word' || p.scaled)) {
      currency = before.currency;
      hit = { kind: 'currency', code: currency, end: unitEnd, form: cw };
      reasons.push('currency named before the number');
    }
  }
  if (currency) unitCode = currency;
  // "aged 18 to 34", "aged 65": ages
  if (unitCode === '' && /^aged?$/i.test(tokens[(prefix ? i : numAt) - 1]?.text ?? '')) {
    unitDef = UNITS.find((u) => u.code === 'year-old');
    unitCode = 'year-old';
  }
  // "5 feet 2 inches", "12 ft 2 in": one length
  if (unitCode === 'ft' && typeof value === 'number' && tokens[unitEnd]?.kind === 'number') {
    const inch = parseNumber(tokens, unitEnd);
    // (after feet, a bare "in" is inches even mid-phrase: "12 ft 2 in more or less")
    const u = inch ? matchUnit(tokens, inch.end, sentEnd) : null;
    const bareIn = inch !== null && /^in\.?$/i.test(tokens[inch.end]?.text ?? '') && !isNumberStart(tokens[inch.end + 1] ?? tokens[inch.end]!);
    if (inch && typeof inch.value === 'number' && inch.value < 12 && ((u?.kind === 'unit' && u.def.code === 'in') || bareIn)) {
      value += inch.value / 12;
      unitEnd = u?.kind === 'unit' && u.def.code === 'in' ? u.end : inch.end + 1;
      reasons.push('feet and inches');
    }
  }
  if (unitCode === 'year' && tokens[unitEnd]?.text.toLowerCase() === 'of' && tokens[unitEnd + 1]?.text.toLowerCase() === 'age') {
    unitDef = UNITS.find((u) => u.code === 'year-old');
    unitCode = 'year-old';
    unitEnd += 2;
  }
  if ((unitCode === 'month' || unitCode === 'week' || unitCode === 'day') && tokens[unitEnd]?.text.toLowerCase() === 'of' && tokens[unitEnd + 1]?.text.toLowerCase() === 'age') {
    unitDef = UNITS.find((u) => u.code === `${unitCode}-old`);
    unitCode = `${unitCode}-old`;
    unitEnd += 2;
  }
  // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
  if (currency && hit?.kind === 'currency' && typeof value === 'number' && !isRange) {
    let k = unitEnd;
    if (tokens[k]?.text.toLowerCase() === 'and') k++;
    const c = tokens[k] ? parseNumber(tokens, k) : null;
    if (c && typeof c.value === 'number' && c.value < 100 && /^(?:cents?|pence|penny|p)$/i.test(tokens[c.end]?.text ?? '')) {
      value += c.value / 100;
      unitEnd = c.end + 1;
      reasons.push('minor currency unit added');
    } else if (
      // "15 dollars 50", "17 USD 25.": two digits right after a currency name, ending the phrase
      !prefix && k === unitEnd && c && c.form === 'digits' && Number.isInteger(value) && /^\d{2}$/.test(tokens[k]!.text) && c.end === k + 1 &&
      (c.end >= sentEnd || tokens[c.end]!.kind === 'punct' || /^(?:more|less|extra|only)$/i.test(tokens[c.end]!.text))
    ) {
      value += Number(tokens[k]!.text) / 100;
      unitEnd = c.end;
      reasons.push('minor currency unit implied');
    }
  }
  // rates: "£24 a-year" written as one token
  if (hit && /^a-(?:year|month|week|day)$/i.test(tokens[unitEnd]?.text ?? '')) {
    unitCode = `${longName(hit)} per ${tokens[unitEnd]!.text.slice(2).toLowerCase()}`;
    unitDef = undefined;
    unitEnd += 1;
  }
  // rates: "5 percent a year", "$2 per share"
  if (hit && /^(?:per|an?|\/)$/i.test(tokens[unitEnd]?.text ?? '')) {
    const den = tokens[unitEnd + 1]?.text.toLowerCase() ?? '';
    const denS = den.replace(/s$/, '');
    const denUnit = matchUnit(tokens, unitEnd + 1, sentEnd);
    const notRate = /^(?:earlier|ago|later|before|after|prior)$/i.test(tokens[unitEnd + 2]?.text ?? '');
    if (!notRate && RATE_DENOMINATORS.has(denS) && !(unitDef?.dimension === 'time' && unitDef.code === denS)) {
      unitCode = `${longName(hit)} per ${denS}`;
      unitDef = undefined;
      unitEnd += 2;
    } else if (!notRate && (tokens[unitEnd]!.text.toLowerCase() === 'per' || tokens[unitEnd]!.text === '/') && denUnit && denUnit.kind === 'unit') {
      unitCode = `${longName(hit)} per ${longName(denUnit)}`;
      unitDef = undefined;
      unitEnd = denUnit.end;
    }
  }
  // "1/16 of a US pint", "a third of a mile": a fraction of one unit
  if (unitCode === '' && !currency && typeof value === 'number' && value > 0 && value < 1 && tokens[end]?.text.toLowerCase() === 'of' && /^an?$/i.test(tokens[end + 1]?.text ?? '')) {
    for (const k of [end + 2, end + 3]) {
      const u = matchUnit(tokens, k, sentEnd);
      if (u && u.kind === 'unit' && !AMBIGUOUS.has(u.form)) {
        unitDef = u.def;
        unitCode = u.def.code;
        hit = u;
        unitEnd = u.end;
        reasons.push('fraction of a unit');
        break;
      }
    }
  }
  if (unitCode === '' && /^times$/i.test(tokens[end]?.text ?? '')) {
    unitCode = 'count';
    unitEnd = end + 1;
    // "78,000 times a minute": a frequency
    const den = (tokens[unitEnd + 1]?.text.toLowerCase() ?? '').replace(/s$/, '');
    if (/^(?:per|an?)$/i.test(tokens[unitEnd]?.text ?? '') && RATE_DENOMINATORS.has(den)) {
      unitCode = `count per ${den}`;
      unitEnd += 2;
    }
  }

  // "4.8 percent to 4.7 percent", "$750,000 to $1 million": the unit written on both ends
  if (!isRange && unitCode !== '' && typeof value === 'number') {
    const sep = tokens[unitEnd];
    const sepW = sep?.text.toLowerCase() ?? '';
    const before = tokens[(prefix ? i : numAt) - 1]?.text.toLowerCase();
    if (sepW === 'to' || sepW === '–' || sepW === '-' || (sepW === 'and' && before === 'between')) {
      let k = unitEnd + 1;
      const g2 = tokens[k] && tokens[k]!.kind !== 'number' ? gluedCurrency(tokens, k) : null;
      const pre = g2 ? { code: g2.code, numberAt: g2.numberAt } : tokens[k] && tokens[k]!.kind !== 'number' ? matchPrefix(tokens, k) : null;
      if (pre) k = pre.numberAt;
      const q = g2 ? g2.p : tokens[k] ? parseNumber(tokens, k) : null;
      if (q && typeof q.value === 'number' && q.end <= sentEnd) {
        const u2 = pre ? { code: pre.code, end: q.end } : (() => {
          const h = matchUnit(tokens, q.end, sentEnd);
          return h ? { code: h.kind === 'currency' ? h.code : h.def.code, end: h.end } : null;
        })();
        if (u2 && u2.code === (currency ?? unitDef?.code ?? '') && (q.value > value || before === 'from')) {
          value = [value, q.value];
          isRange = true;
          unitEnd = u2.end;
          end = Math.max(end, q.end);
          reasons.push('range with repeated unit');
        }
      }
    }
  }

  // --- hedge and change ------------------------------------------------------------------------
  const startTok = prefix ? i : numAt;
  let qualifier: Qualifier | undefined;
  const hedge = lookbackHedge(tokens, startTok, sentStart);
  if (hedge) {
    qualifier = hedge.q;
    reasons.push(`hedge: ${tokens.slice(hedge.start, startTok).map((x) => x.text).join(' ')}`);
  }
  // market moves: "Dow +0.2%" is a rise, "FTSE -0.6%" a fall (a negative length or temperature is just a value)
  if (!qualifier && tokens[numAt - 1]?.text === '+' && !first.spaceBefore) qualifier = 'up';
  if (!qualifier && reasons.includes('negative') && (unitCode === '%' || unitCode === 'percentage point' || unitCode === 'basis point')) qualifier = 'down';
  if (!qualifier && (p.bound ?? writtenBound)) {
    qualifier = p.bound ?? writtenBound;
    reasons.push('bound written into the number');
  }
  if (!qualifier) {
    const ch = lookbackChange(tokens, startTok, sentStart);
    if (ch) {
      qualifier = ch;
      reasons.push('change verb');
    }
  }
  if (!qualifier) {
    const after = tokens[unitEnd]?.text.toLowerCase() ?? '';
    const ch = CHANGE_AFTER.get(after);
    if (ch && unitCode !== '') {
      qualifier = ch;
      reasons.push(`change noun: ${after}`);
    } else if (after === 'or' && tokens[unitEnd + 1]?.text.toLowerCase() === 'so') qualifier = '~';
  }

  // --- what is counted -------------------------------------------------------------------------
  let counted: Span | undefined;
  const isCount = unitCode === '' || unitCode === 'count';
  // "a 52,000-seat stadium", "a 6.4-magnitude quake": digits hyphenated to what they count
  const glueDash = tokens[unitEnd];
  const glueWord = tokens[unitEnd + 1];
  if (!suffixCounted && unitCode === '' && first.kind === 'number' && !isRange && glueDash?.text === '-' && !glueDash.spaceBefore && glueWord?.kind === 'word' && !glueWord.spaceBefore && /^\p{Ll}+$/u.test(glueWord.text) && !NP_STOP.has(glueWord.text)) {
    suffixCounted = { start: glueWord.start, end: glueWord.end, text: glueWord.text };
    unitEnd += 2;
  }
  if (suffixCounted) {
    counted = suffixCounted;
  } else if (isCount) {
    let j = unitEnd;
    // "two of the ferries", "two of Vantic's deputies": a small word number picks from a defined group
    const partitive = p.form === 'words' && typeof value === 'number' && value < 100 && tokens[j]?.text.toLowerCase() === 'of' &&
      (/^(?:the|their|its|his|her|our|those|these|my|your)$/i.test(tokens[j + 1]?.text ?? '') || (isCapitalised(tokens[j + 1] ?? tokens[j]!) && /^['’]s$/.test(tokens[j + 2]?.text ?? '')));
    let groupOf = false;
    if (tokens[j]?.text.toLowerCase() === 'of' && (p.form === 'vague' || p.form === 'fraction' || p.scaled || partitive || (tokens[numAt]!.text.toLowerCase() === 'one'))) {
      j++;
      groupOf = true;
      if (/^(?:the|their|its|his|her|our|those|these|my|your)$/i.test(tokens[j]?.text ?? '')) j++;
    } else if (/^(?:more|additional|other|new|extra)$/i.test(tokens[j]?.text ?? '') && tokens[j + 1]?.kind === 'word') {
      j += tokens[j]!.text.toLowerCase() === 'more' ? 1 : 0;
    }
    // after "one of", the group is plural ("one of my local stores")
    counted = countedAfter(tokens, j, sentEnd, text, value === 1 && !groupOf);
  } else {
    counted = measureBefore(tokens, startTok - (hedge ? startTok - hedge.start : 0), sentStart, text);
    if (!counted) {
      let j = unitEnd;
      if (tokens[j]?.text.toLowerCase() === 'of') {
        j++;
        if (/^(?:the|their|its|his|her|our|those|these|my|your)$/i.test(tokens[j]?.text ?? '')) j++;
        counted = countedAfter(tokens, j, sentEnd, text);
      } else if (tokens[end]?.text === '-' || (hit && hit.kind === 'unit' && /-/.test(tokens[unitEnd - 1]?.text ?? ''))) {
        // adjectival: "a 400-square-mile area", "a 20-mile advance"
        counted = countedAfter(tokens, j, sentEnd, text);
      }
    }
  }

  // --- filters for bare numbers ------------------------------------------------------------------
  if (nameLike && unitCode === '') return null;
  if (isRange && unitCode === '' && counted && /^\p{Lu}/u.test(counted.text)) return null; // "16-18 Industrial Avenue"
  // "787 Dreamliner", "49 Zorro Ranch Road": a number before a proper name is part of the name
  // (whole numbers only: "0.5 WAR" is a measure)
  if (unitCode === '' && counted && Number.isInteger(value) && counted.text.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && !isPlural(counted.text.split(/\s+/).pop()!.toLowerCase())) return null;
  // "eight or nine euros", "16369.03 up 58.06 points": borrow the unit of the figure that follows
  const yearLike = isYearLike(tokens, p) && !isRange;
  if (yearLike && unitCode === '' && /^(?:in|since|by|of|from|until|till|before|after|during|between|and|to|early|late|mid|the|fiscal|year)$/i.test(prev?.text ?? '')) return null;
  // ("about 8 or $9": the next figure may start with its currency)
  const nextPrefix = unitCode === '' && !counted && tokens[end + 1] && tokens[end + 1]!.kind !== 'number' ? matchPrefix(tokens, end + 1) : null;
  // ("280 million of the 1.5 billion shekels": a part of a figure written next to it)
  // ("18 of 20 drones": the part counts what the whole counts)
  const partOf = unitCode === '' && !counted && tokens[end]?.text.toLowerCase() === 'of' ? (p.scaled && /^(?:the|its|their|a)$/i.test(tokens[end + 1]?.text ?? '') ? end + 2 : first.kind === 'number' && tokens[end + 1]?.kind === 'number' ? end + 1 : first.kind === 'number' && /^(?:the|its|their)$/i.test(tokens[end + 1]?.text ?? '') && tokens[end + 2]?.kind === 'number' ? end + 2 : -1) : -1;
  const partPrefix = partOf > 0 && tokens[partOf] && tokens[partOf]!.kind !== 'number' ? matchPrefix(tokens, partOf) : null;
  if (partOf > 0 && tokens[partOf] && (partPrefix || isNumberStart(tokens[partOf]!))) {
    const nx = figureAt(doc, _ctx, sentStart, sentEnd, partOf, partPrefix, reserved);
    if (nx && nx.mention.unit !== '' && nx.mention.unit !== 'count') {
      unitCode = nx.mention.unit;
      reasons.push('unit from the whole it is part of');
    } else if (nx?.mention.counted && !p.scaled) {
      counted = nx.mention.counted;
      reasons.push('counted from the whole it is part of');
    }
  }
  if (unitCode === '' && !counted && !yearLike && /^(?:or|and|to|up|down)$/i.test(tokens[end]?.text ?? '') && tokens[end + 1] && (nextPrefix || isNumberStart(tokens[end + 1]!))) {
    const nx = figureAt(doc, _ctx, sentStart, sentEnd, end + 1, nextPrefix, reserved);
    if (nx && (nx.mention.unit !== '' || nx.mention.counted)) {
      unitCode = nx.mention.unit;
      if (nx.mention.counted) counted = nx.mention.counted;
      reasons.push('unit from the figure that follows');
    }
  }
  if (unitCode === '' && !counted) {
    // "1 ) explains ... 2 ) cautions": list markers, not figures
    if (first.kind === 'number' && tokens[end]?.text === ')' && tokens[numAt - 1]?.text !== '(') return null;
    if (isYearLike(tokens, p) && !hedge) return null;
    if (p.form === 'words' && (tokens[numAt]!.text.toLowerCase() === 'one')) return null; // "one" alone is a pronoun
    if (first.kind === 'word' && p.form === 'words' && p.end - p.start === 1 && !hedge) {
      // a lone number word with nothing counted: "the two" / "one another"
      return null;
    }
  }
  if (isYearLike(tokens, p) && unitCode === '' && !hedge && Number(tokens[p.start]!.text) >= 1900) return null; // "1988 sales" is a year
  if (tokens[numAt]!.text.toLowerCase() === 'one') {
    const pw = tokens[numAt - 1]?.text.toLowerCase() ?? '';
    // "the one", "that one" are pronouns, but "that one of the ferries" and "that one mile" count
    if (/^(?:no|the|this|that|any|every|each|which|someone|anyone|no-one)$/.test(pw) && unitCode === '' && tokens[numAt + 1]?.text.toLowerCase() !== 'of') return null;
    if (/^(?:another|'s|of)$/.test(tokens[numAt + 1]?.text.toLowerCase() ?? '') && tokens[numAt + 1]?.text.toLowerCase() !== 'of') return null;
  }

  // the span keeps a sign written against the number ("-1.3%", "+0.2%")
  const signAt = !prefix && first.kind === 'number' && !first.spaceBefore && /^[-−+]$/.test(tokens[numAt - 1]?.text ?? '') ? numAt - 1 : -1;
  const startChar = signAt >= 0 && (reasons.includes('negative') || tokens[signAt]!.text === '+') ? tokens[signAt]!.start : tokens[startTok]!.start;
  const endChar = tokens[Math.max(unitEnd, end) - 1]!.end;
  const mention: QuantityMention = {
    kind: 'quantity',
    start: startChar,
    end: endChar,
    text: text.slice(startChar, endChar),
    value,
    unit: CURRENCY_UNIT.get(unitCode) ?? unitCode,
    extractor: 'quantities.figures',
    reasons: [`number: ${p.form}`, ...(unitCode ? [`unit: ${unitCode}`] : []), ...reasons],
  };
  if (qualifier) mention.qualifier = qualifier;
  if (counted) mention.counted = counted;
  const normalized = convert(value, unitDef);
  if (normalized) mention.normalized = normalized;
  return { mention, nextToken: Math.max(unitEnd, end) };
}

export const figuresExtractor: Extractor<QuantityMention> = {
  name: 'quantities.figures',
  kind: 'quantity',
  extract: extractFigures,
};
