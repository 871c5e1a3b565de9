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
 * Resolves speakers to canonical persons in one sweep over the names (linear overall): call
 * `resolve` with speakers in increasing order of `end`. `names` must be in text order.
 * - a person pronoun ("he", "she", "I") -> the nearest name before it (within the previous 1,500 chars);
 * - a name -> the longest name so far with the same surname ("Trump" -> "Donald Trump");
 * - a lone capitalised surname ("Kovalenko said") -> the longest earlier name ending with it.
 */
export class SpeakerResolver {
  private next = 0;
  private readonly longest = new Map<string, string>();

  constructor(private readonly names: readonly PersonName[]) {}

  resolve(speaker: Span): string | undefined {
    const names = this.names;
    while (this.next < names.length && names[this.next]!.start < speaker.end) {
      const n = names[this.next++]!;
      const sur = lastWord(n.canonical);
      const cur = this.longest.get(sur);
      if (cur === undefined || n.canonical.length > cur.length) this.longest.set(sur, n.canonical);
    }
    const full = (name: string): string => {
      const best = this.longest.get(lastWord(name));
      return best !== undefined && best.length > name.length ? best : name;
    };
    // Last name starting before the speaker ends (names seen so far: indices < this.next).
    const low = speaker.text.toLowerCase();
    if (PERSON_PRONOUNS.has(low)) {
      for (let i = this.next - 1; i >= 0; i--) {
        const n = names[i]!;
        if (n.end > speaker.start) continue;
        return speaker.start - n.end > 1500 ? undefined : full(n.canonical);
      }
      return undefined;
    }
    for (let i = this.next - 1; i >= 0 && names[i]!.end > speaker.start - 200; i--) {
      const n = names[i]!;
      if (n.start < speaker.end && n.end > speaker.start) return full(n.canonical);
    }
    if (LONE_SURNAME.test(speaker.text)) {
      const f = full(speaker.text);
      return f !== speaker.text ? f : undefined;
    }
    return undefined;
  }
}

const LONE_SURNAME = /^\p{Lu}[\p{L}'’-]+$/u;

/** The canonical person for one speaker span, or undefined (see SpeakerResolver). */
export function resolveSpeaker(speaker: Span, names: readonly PersonName[]): string | undefined {
  return new SpeakerResolver(names).resolve(speaker);
}
