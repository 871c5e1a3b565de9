/**
 * Canonical speakers: "he said" -> the nearest person named before it; "Mr. Trump" -> "Donald Trump"
 * when the text named him in full earlier. Uses the PER entities of the entities extractor when there
 * are any; otherwise a capitalised-name heuristic over the tokens.
 */
import type { EntityMention, Span } from '../../types.js';
import type { Doc } from '../types.js';
import { PERSON_PRONOUNS, TITLES } from './lexicon.js';

/** A person's name found in the text, with its canonical form. */
export interface PersonName {
  start: number;
  end: number;
  canonical: string;
}

/** Capitalised words that open sentences or name non-persons and never start a person's name. */
const NOT_NAME = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'In', 'On', 'At', 'But', 'And', 'Or', 'If', 'When',
  'After', 'Before', 'While', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their', 'Its', 'Our', 'My',
  'As', 'For', 'From', 'With', 'By', 'Of', 'To', 'Meanwhile', 'However', 'Still', 'Yet', 'So', 'Then',
  'There', 'Here', 'What', 'Who', 'Why', 'How', 'Where', 'Monday', 'Tuesday', 'Wednesday', 'Thursday',
  'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December', 'Republican', 'Republicans', 'Democrat', 'Democrats',
  'Democratic', 'House', 'Senate', 'Congress', 'White', 'Street', 'News', 'Times', 'Post', 'Journal',
  'Later', 'Earlier', 'Now', 'Also', 'Today', 'Yesterday', 'Last', 'Next', 'Both', 'Each', 'Some', 'Asked',
  'According', 'Speaking', 'Officials', 'Many', 'Several', 'Under', 'During', 'Since', 'Until', 'Although',
]);

/** A middle initial: "W." in "George W. Bush". */
const INITIAL = /^\p{Lu}\.$/u;

function isCap(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 65 && c <= 90 && text.length > 1 && !text.includes('.');
}

/**
 * Person names by heuristic: two or more capitalised words ("Maria Kovalenko"), or a title followed
 * by capitalised words ("Mr. Trump", "Sen. Warren" -> canonical without the title). Linear scan.
 */
export function heuristicNames(doc: Doc): PersonName[] {
  const toks = doc.tokens;
  const out: PersonName[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const titled = TITLES.has(t.text.toLowerCase()) && t.text[0] !== t.text[0]!.toLowerCase();
    const first = titled ? i + 1 : i;
    let j = first;
    while (j < toks.length && j - first < 4) {
      const w = toks[j]!.text;
      const ok = j === first ? isCap(w) && !NOT_NAME.has(w) : isCap(w) || INITIAL.test(w);
      if (!ok) break;
      j++;
    }
    const len = j - first;
    if ((titled && len >= 1) || len >= 2) {
      const a = toks[first]!;
      const b = toks[j - 1]!;
      out.push({ start: titled ? t.start : a.start, end: b.end, canonical: doc.text.slice(a.start, b.end) });
      i = j - 1;
    }
  }
  return out;
}

/** Person names from the entities extractor's PER mentions. */
export function entityNames(entities: readonly EntityMention[]): PersonName[] {
  return entities.filter((e) => e.type === 'PER').map((e) => ({ start: e.start, end: e.end, canonical: e.canonical || e.text }));
}

function lastWord(s: string): string {
  const parts = s.split(' ');
  return parts[parts.length - 1] ?? s;
}

/**
 * The canonical person for a speaker span, or undefined. `names` must be in text order.
 * - a person pronoun ("he", "she", "I") -> the nearest name before it (within the previous 1,500 chars);
 * - a name -> the longest earlier or equal name that ends with the same surname ("Trump" -> "Donald Trump").
 */
export function resolveSpeaker(speaker: Span, names: readonly PersonName[]): string | undefined {
  const low = speaker.text.toLowerCase();
  if (PERSON_PRONOUNS.has(low)) {
    for (let i = names.length - 1; i >= 0; i--) {
      const n = names[i]!;
      if (n.end > speaker.start) continue;
      if (speaker.start - n.end > 1500) return undefined;
      return fullForm(n.canonical, names, speaker.start);
    }
    return undefined;
  }
  const inside = names.find((n) => n.start < speaker.end && n.end > speaker.start);
  if (inside) return fullForm(inside.canonical, names, speaker.end);
  // A lone surname ("Kovalenko said") that the heuristic does not take for a name by itself.
  if (/^\p{Lu}[\p{L}'’-]+$/u.test(speaker.text)) {
    const full = fullForm(speaker.text, names, speaker.start);
    return full !== speaker.text ? full : undefined;
  }
  return undefined;
}

/** The longest name before `before` sharing the surname of `name`, else `name` itself. */
function fullForm(name: string, names: readonly PersonName[], before: number): string {
  const sur = lastWord(name);
  let best = name;
  for (const n of names) {
    if (n.start >= before) break;
    if (n.canonical.length > best.length && lastWord(n.canonical) === sur) best = n.canonical;
  }
  return best;
}
