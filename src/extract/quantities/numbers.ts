/**
 * Number expressions over tokens: digits ("1,200.5", "3/4", "10 1/2"), words ("twenty-five",
 * "two hundred and fifty thousand", "a dozen"), scales ("1.2 million", "3bn", "25k"), vague
 * magnitudes ("tens of thousands" -> [10000, 100000]) and fractions ("two-thirds", "a quarter").
 * Pure functions of the token array; each call looks at a bounded number of tokens.
 */
import type { Token } from '../common/text.js';
import { SCALES } from '../lexicons/units.js';

export interface ParsedNumber {
  value: number | [number, number];
  /** First and one-past-last token of the number (scale words included). */
  start: number;
  end: number;
  /** How it was written: digits, words, or a vague magnitude ("hundreds"). */
  form: 'digits' | 'words' | 'vague' | 'fraction';
  /** True when a scale word ("million", "bn", "k") multiplied the value. */
  scaled: boolean;
  /** The multiplier of the trailing scale word(s) (1 when none): "1.5 million" -> 1e6. */
  scale?: number;
  /** What follows the number inside a hyphenated token: "four-cylinder" -> "cylinder" (offset in the token). */
  suffix?: { text: string; at: number };
  /** A bound written into the number itself: "sub-300 sq m" -> "<". */
  bound?: '<';
}

/** Unicode vulgar fractions: "½ teaspoon", "2¾ miles". */
const VULGAR: ReadonlyMap<string, number> = new Map([
  ['½', 1 / 2], ['⅓', 1 / 3], ['⅔', 2 / 3], ['¼', 1 / 4], ['¾', 3 / 4], ['⅕', 1 / 5], ['⅖', 2 / 5], ['⅗', 3 / 5], ['⅘', 4 / 5],
  ['⅙', 1 / 6], ['⅚', 5 / 6], ['⅛', 1 / 8], ['⅜', 3 / 8], ['⅝', 5 / 8], ['⅞', 7 / 8],
]);
/** "minus-5", "minus-1" (".4" follows as its own token), "sub-300": a sign or bound glued to digits. */
const SIGNED_WORD = /^(minus|sub)-(\d+(?:\.\d+)?)$/i;

const UNITS_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19],
]);
const TENS_WORDS: ReadonlyMap<string, number> = new Map([
  ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);
const BIG_WORDS: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);
const FRACTION_WORDS: ReadonlyMap<string, number> = new Map([
  ['half', 1 / 2], ['halves', 1 / 2], ['third', 1 / 3], ['thirds', 1 / 3], ['quarter', 1 / 4], ['quarters', 1 / 4],
  ['fourth', 1 / 4], ['fourths', 1 / 4], ['fifth', 1 / 5], ['fifths', 1 / 5], ['tenth', 1 / 10], ['tenths', 1 / 10],
]);
/** Vague plurals: "hundreds of", "tens of thousands of". */
const VAGUE: ReadonlyMap<string, [number, number]> = new Map([
  ['dozens', [12, 120]], ['scores', [40, 200]], ['hundreds', [100, 1000]], ['thousands', [1000, 10000]],
  ['millions', [1e6, 1e7]], ['billions', [1e9, 1e10]], ['tens', [10, 100]],
]);

const FRACTION_DENOMINATORS = new Set([2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 128]);

/** Value of a single number word, or undefined. */
function wordValue(w: string): number | undefined {
  return UNITS_WORDS.get(w) ?? TENS_WORDS.get(w);
}

/** True when `t` can start a number expression. Cheap: called on every token. */
export function isNumberStart(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return t.kind === 'symbol' && VULGAR.has(t.text);
  // fast reject on the first letter: every number word starts with one of these (no allocation)
  if (!NUMBER_INITIALS.has(t.text.charCodeAt(0) | 0x20)) return false;
  const w = t.text.toLowerCase();
  if ((w.startsWith('minus-') || w.startsWith('sub-')) && SIGNED_WORD.test(w)) return true;
  const dash = w.indexOf('-');
  const first = dash < 0 ? w : w.slice(0, dash);
  return UNITS_WORDS.has(first) || TENS_WORDS.has(first) || VAGUE.has(w) || w === 'dozen' || w === 'half' || w === 'quarter';
}

/** Lower-case first letters of every word isNumberStart accepts (zero ... ninety, dozens, half, minus-, sub-). */
const NUMBER_INITIALS: ReadonlySet<number> = new Set(
  [...[...UNITS_WORDS.keys(), ...TENS_WORDS.keys(), ...VAGUE.keys(), 'dozen', 'half', 'quarter', 'minus', 'sub']].map((x) => x.charCodeAt(0)),
);

/** Parses a digit token: "1,200.5" -> 1200.5; "3/4" -> 0.75; "1,2" (ambiguous) -> 1.2 only if not thousands. */
export function parseDigits(s: string): number | undefined {
  if (/^\d+\/\d+$/.test(s)) {
    // proper fractions with the denominators measures use ("3/4", "1/16"); "24/7" and "9/11" are names
    const [a, b] = s.split('/').map(Number);
    return a !== undefined && b !== undefined && a < b && FRACTION_DENOMINATORS.has(b) ? a / b : undefined;
  }
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  // Indian grouping: "12,34,567.89" (lakh, crore)
  if (/^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d+(?:\.\d+)?$/.test(s) || /^\.\d+$/.test(s)) return Number(s);
  // European decimal comma ("2,5") only when it cannot be thousands.
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

/** Parses hyphenated word numbers: "twenty-five" -> 25, "two-thirds" -> 0.667. */
function hyphenWords(w: string): { value: number; fraction: boolean } | undefined {
  const parts = w.split('-');
  if (parts.length !== 2) return undefined;
  const [a, b] = parts as [string, string];
  const ta = TENS_WORDS.get(a);
  const ub = UNITS_WORDS.get(b);
  if (ta !== undefined && ub !== undefined && ub > 0 && ub < 10) return { value: ta + ub, fraction: false };
  const ua = wordValue(a);
  const fb = FRACTION_WORDS.get(b);
  if (ua !== undefined && fb !== undefined) return { value: ua * fb, fraction: true };
  return undefined;
}

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : '');

/**
 * Parses the number expression starting at token `i`, or returns null.
 * Examples: ["1.2", "million"] -> 1.2e6; ["two", "hundred", "and", "fifty"] -> 250;
 * ["a", "dozen"] -> 12; ["tens", "of", "thousands"] -> [1e4, 1e5]; ["10", "1/2"] -> 10.5.
 */
export function parseNumber(tokens: readonly Token[], i: number): ParsedNumber | null {
  const t = tokens[i];
  if (!t) return null;
  const w = t.text.toLowerCase();

  // "a dozen", "a hundred", "a million", "a third", "a half"
  if (w === 'a' || w === 'an') {
    const n = lower(tokens[i + 1]);
    if (n === 'dozen') return scaleAfter(tokens, i, i + 2, 12, 'words');
    if (n === 'hundred') return scaleAfter(tokens, i, i + 2, 100, 'words');
    const big = BIG_WORDS.get(n);
    if (big !== undefined) return { value: big, start: i, end: i + 2, form: 'words', scaled: true };
    const f = FRACTION_WORDS.get(n);
    if (f !== undefined && (n === 'half' || n === 'third' || n === 'quarter' || n === 'fifth' || n === 'tenth')) {
      return fractionScale(tokens, i, i + 2, f);
    }
    return null;
  }

  const vulgar = VULGAR.get(t.text);
  if (vulgar !== undefined) return { value: vulgar, start: i, end: i + 1, form: 'fraction', scaled: false };

  if (t.kind === 'number') {
    // "15-22" written as one token: a range when it rises ("3-2" is a score, not a figure)
    const dash = /^(\d+(?:\.\d+)?)[-–](\d+(?:\.\d+)?)$/.exec(t.text);
    if (dash) {
      const a = Number(dash[1]);
      const b = Number(dash[2]);
      return b > a ? { value: [a, b], start: i, end: i + 1, form: 'digits', scaled: false } : null;
    }
    let v = parseDigits(t.text);
    if (v === undefined) return null;
    let end = i + 1;
    // Tokenised text ("80 , 000 spectators", "6 . 2 %", "0 . 95"): rejoin what a tokeniser split.
    const sepTok = tokens[end];
    const nextNum = tokens[end + 1];
    if (sepTok && nextNum && sepTok.spaceBefore && nextNum.spaceBefore && nextNum.kind === 'number' && /^\d+$/.test(t.text)) {
      if (sepTok.text === ',' && /^\d{3}$/.test(nextNum.text) && Number(t.text) < 1000) {
        v = Number(t.text + nextNum.text);
        end += 2;
      } else if (
        sepTok.text === '.' && /^\d{1,4}$/.test(nextNum.text) &&
        (/^(?:%|percent|billion|million|trillion)$/i.test(tokens[end + 2]?.text ?? '') || (t.text.length <= 3 && !/^\p{Lu}/u.test(tokens[end + 2]?.text ?? '')))
      ) {
        v = Number(`${t.text}.${nextNum.text}`);
        end += 2;
      }
    }
    // Scientific notation: "1.99×10−30", "6.02×10^23"
    if (tokens[end]?.text === '×' && !tokens[end]!.spaceBefore && tokens[end + 1]?.text === '10' && !tokens[end + 1]!.spaceBefore) {
      let k = end + 2;
      if (tokens[k]?.text === '^' && !tokens[k]!.spaceBefore) k++;
      let sign = 1;
      if ((tokens[k]?.text === '−' || tokens[k]?.text === '-') && !tokens[k]!.spaceBefore) {
        sign = -1;
        k++;
      }
      const ex = tokens[k];
      if (ex && !ex.spaceBefore && /^\d{1,3}$/.test(ex.text)) {
        return { value: Number((v * 10 ** (sign * Number(ex.text))).toPrecision(12)), start: i, end: k + 1, form: 'digits', scaled: true };
      }
    }
    // "1⁄32" (fraction slash), "2¾" (vulgar fraction glued to a whole number)
    const fs = tokens[end];
    if (fs && !fs.spaceBefore && fs.text === '⁄' && /^\d+$/.test(t.text) && tokens[end + 1]?.kind === 'number' && !tokens[end + 1]!.spaceBefore && /^\d+$/.test(tokens[end + 1]!.text)) {
      const b = Number(tokens[end + 1]!.text);
      if (b > 0) return scaleAfter(tokens, i, end + 2, v / b, 'digits');
    }
    if (fs && !fs.spaceBefore && VULGAR.has(fs.text) && /^\d+$/.test(t.text)) {
      v += VULGAR.get(fs.text)!;
      end++;
    }
    // Mixed fractions: "10 1/2", "7 3 / 4" (tokenised text).
    const n1 = tokens[end];
    if (n1 && n1.kind === 'number' && /^\d+\/\d+$/.test(n1.text)) {
      const f = parseDigits(n1.text);
      if (f !== undefined && f < 1) {
        v += f;
        end++;
      }
    } else if (n1 && n1.kind === 'number' && tokens[end + 1]?.text === '/' && tokens[end + 2]?.kind === 'number') {
      const a = Number(n1.text);
      const b = Number(tokens[end + 2]!.text);
      if (b > 0 && a < b && /^\d+$/.test(n1.text) && /^\d+$/.test(tokens[end + 2]!.text)) {
        v += a / b;
        end += 3;
      }
    } else if (n1?.text === '/' && tokens[end + 1]?.kind === 'number') {
      // "1 / 4" written with spaces (tokenised corpora)
      const b = Number(tokens[end + 1]!.text);
      if (/^\d+$/.test(t.text) && /^\d+$/.test(tokens[end + 1]!.text) && b > 0 && Number(t.text) < b && b <= 64) {
        v = Number(t.text) / b;
        end += 2;
      }
    }
    return scaleAfter(tokens, i, end, v, 'digits');
  }

  if (t.kind !== 'word') return null;

  // "minus-5 yards", "minus-1.4 degrees", "sub-7 nanometer"
  const signed = w.startsWith('minus-') || w.startsWith('sub-') ? SIGNED_WORD.exec(t.text) : null;
  if (signed) {
    let v = Number(signed[2]);
    let end = i + 1;
    const dec = tokens[end];
    if (dec && !dec.spaceBefore && dec.kind === 'number' && /^\.\d+$/.test(dec.text) && !signed[2]!.includes('.')) {
      v += Number(dec.text);
      end++;
    }
    const minus = signed[1]!.toLowerCase() === 'minus';
    const r = scaleAfter(tokens, i, end, minus ? -v : v, 'digits');
    if (!minus) r.bound = '<';
    return r;
  }

  // Vague magnitudes: "tens of thousands", "hundreds of millions", "dozens", "thousands"
  const vague = VAGUE.get(w);
  if (vague) {
    if (lower(tokens[i + 1]) === 'of') {
      const inner = VAGUE.get(lower(tokens[i + 2]));
      const innerScale = inner ? inner[0] : undefined;
      if (innerScale !== undefined && (w === 'tens' || w === 'hundreds')) {
        const base = w === 'tens' ? 10 : 100;
        return { value: [base * innerScale, base * innerScale * 10], start: i, end: i + 3, form: 'vague', scaled: true };
      }
    }
    if (w === 'tens') return null; // "tens" alone is not a figure
    return { value: vague, start: i, end: i + 1, form: 'vague', scaled: false };
  }

  // Hyphenated words: "twenty-five", "two-thirds"
  if (w.includes('-')) {
    const h = hyphenWords(w);
    if (!h) {
      // "four-cylinder", "five-year", "two-door": a number word glued to what it counts or measures
      const dash = w.indexOf('-');
      const head = w.slice(0, dash);
      const v = wordValue(head);
      const rest = t.text.slice(dash + 1);
      if (v === undefined || v === 0 || !/^\p{L}+$/u.test(rest)) return null;
      return { value: v, start: i, end: i + 1, form: 'words', scaled: false, suffix: { text: rest, at: t.start + dash + 1 } };
    }
    if (h.fraction) return { value: h.value, start: i, end: i + 1, form: 'fraction', scaled: false };
    return wordSequence(tokens, i, h.value);
  }
  if (w === 'dozen') return null;
  if ((w === 'half' || w === 'quarter') && BIG_WORDS.has(lower(tokens[i + 1]))) return fractionScale(tokens, i, i + 1, FRACTION_WORDS.get(w)!);
  // "half a million", "half a dozen"
  if (w === 'half' && lower(tokens[i + 1]) === 'a') {
    const n = lower(tokens[i + 2]);
    const big = n === 'dozen' ? 12 : BIG_WORDS.get(n);
    if (big !== undefined) return { value: big / 2, start: i, end: i + 3, form: 'words', scaled: big > 12, scale: big > 12 ? big : 1 };
  }
  // "half of the residents" (like "a third of"); a bare "half" is too often an adverb
  if (w === 'half') return lower(tokens[i + 1]) === 'of' ? { value: 0.5, start: i, end: i + 1, form: 'fraction', scaled: false } : null;
  const v0 = wordValue(w);
  if (v0 === undefined) return null;
  // "two-thirds" written "two thirds"; "one and a half"
  const nxt = lower(tokens[i + 1]);
  const frac = FRACTION_WORDS.get(nxt);
  if (frac !== undefined && v0 > 0 && v0 < 10 && nxt !== 'second' && (nxt.endsWith('s') || v0 === 1)) {
    return fractionScale(tokens, i, i + 2, v0 * frac);
  }
  return wordSequence(tokens, i, v0);
}

/** "half million", "a quarter million": a fraction multiplied by a following big number word. */
function fractionScale(tokens: readonly Token[], start: number, end: number, f: number): ParsedNumber {
  const big = BIG_WORDS.get(lower(tokens[end]));
  if (big !== undefined) return { value: f * big, start, end: end + 1, form: 'words', scaled: true, scale: big };
  return { value: f, start, end, form: 'fraction', scaled: false };
}

/** Continues a word number: "two hundred and fifty thousand", "three dozen", "one and a half". */
function wordSequence(tokens: readonly Token[], i: number, first: number): ParsedNumber {
  let total = 0;
  let current = first;
  let end = i + 1;
  let scaled = false;
  let lastBig = 1;
  for (let k = i + 1; k < tokens.length && k < i + 12; k++) {
    const w = lower(tokens[k]);
    if (w === 'hundred') {
      current = (current === 0 ? 1 : current) * 100;
      end = k + 1;
      continue;
    }
    const big = BIG_WORDS.get(w);
    if (big !== undefined) {
      total += (current === 0 ? 1 : current) * big;
      current = 0;
      end = k + 1;
      scaled = true;
      lastBig = big;
      continue;
    }
    if (w === 'dozen') {
      current = (current === 0 ? 1 : current) * 12;
      end = k + 1;
      continue;
    }
    if (w === 'and') {
      // "one and a half"
      if (lower(tokens[k + 1]) === 'a' && lower(tokens[k + 2]) === 'half') {
        current += 0.5;
        end = k + 3;
        // "two and a half million"
        const big = BIG_WORDS.get(lower(tokens[k + 3]));
        if (big !== undefined) {
          total += current * big;
          current = 0;
          end = k + 4;
          scaled = true;
          lastBig = big;
        }
        break;
      }
      const nv = wordValue(lower(tokens[k + 1])) ?? hyphenWords(lower(tokens[k + 1]))?.value;
      if (nv !== undefined && (current >= 100 || total > 0)) continue;
      break;
    }
    const uv = wordValue(w) ?? (w.includes('-') ? hyphenWords(w) : undefined)?.value;
    if (uv !== undefined && uv < 100) {
      // "twenty five" / "hundred fifty": only after a tens or hundreds word
      const lastSmall = current % 100;
      if ((lastSmall === 0 && current > 0) || (current === 0 && total > 0) || (TENS_WORDS.has(lower(tokens[k - 1])) && uv < 10)) {
        current += uv;
        end = k + 1;
        continue;
      }
    }
    break;
  }
  const value = total + current;
  // "five million": the trailing scale applies to a bare low end of a range ("four to five million")
  return { value, start: i, end, form: 'words', scaled, scale: current === 0 ? lastBig : 1 };
}

/** Applies a following scale word: "1.2 million", "3bn", "25k", "35 lakh". */
function scaleAfter(tokens: readonly Token[], start: number, end: number, v: number, form: ParsedNumber['form']): ParsedNumber {
  const nt = tokens[end];
  if (nt && nt.kind === 'word') {
    const w = nt.text.toLowerCase();
    // "400 million-year-old", "1.8 billion-mile": the scale glued by a hyphen to what it measures
    const dash = w.indexOf('-');
    if (dash > 2) {
      const s = BIG_WORDS.get(w.slice(0, dash));
      const rest = nt.text.slice(dash + 1);
      if (s !== undefined && /^\p{L}[\p{L}-]*$/u.test(rest)) {
        return { value: v * s, start, end: end + 1, form, scaled: true, scale: s, suffix: { text: rest, at: nt.start + dash + 1 } };
      }
    }
    const s = SCALES.get(w);
    // Single-letter scales only when glued to the number ("25k", "$5m", "3b"); "m" spaced is metres.
    const glued = !nt.spaceBefore;
    // "4.3M sales", "1.2m tons", "35m of its devices": million; "100m sprint": metres
    const sizeWord = /^(?:tall|long|high|wide|deep|away|across|above|below|thick|square|in|from)$/.test(lower(tokens[end + 1]));
    const millionM = glued && !sizeWord && (nt.text === 'M' || (w === 'm' && (!Number.isInteger(v) || lower(tokens[end + 1]) === 'of')));
    if (s !== undefined && (w.length > 2 || (glued && w !== 'm' && w !== 'b') || millionM || (glued && (w === 'm' || w === 'b') && hasCurrencyBefore(tokens, start)) || w === 'bn' || w === 'mn' || w === 'tn')) {
      // "thousands" after digits is not a scale ("5 thousands" is odd); keep singular/abbrev forms.
      if (!w.endsWith('s') || w === 'thousands') {
        let value = v * s;
        let e = end + 1;
        // "1.2 million million" never; "3 hundred thousand" -> words
        const s2 = SCALES.get(lower(tokens[e]));
        if (s2 !== undefined && lower(tokens[e]).length > 2 && s2 > s) {
          value *= s2;
          e++;
        }
        return { value, start, end: e, form, scaled: true, scale: value / v };
      }
    }
    if (w === 'hundred') {
      const big = BIG_WORDS.get(lower(tokens[end + 1]));
      return { value: v * 100 * (big ?? 1), start, end: end + (big ? 2 : 1), form, scaled: true };
    }
    if (w === 'dozen') return { value: v * 12, start, end: end + 1, form, scaled: true };
  }
  return { value: v, start, end, form, scaled: false };
}

const CURRENCY_SYMBOL = /[$€£¥₹₽₴₩₪₺]$/;

function hasCurrencyBefore(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  return p !== undefined && (CURRENCY_SYMBOL.test(p.text) || /^(?:USD|EUR|GBP|Rs|RM)$/.test(p.text));
}
