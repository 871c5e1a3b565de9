/**
 * Canonical entities: one name per real thing.
 * - `canonicalKey(name)`: a transliteration-aware matching key ("Zelenskyy" and "Zelensky" share
 *   one; "Syrskiy" and "Syrskyi" too), pure, for cross-article linking (stories, crosscheck).
 * - `sameEntity(a, b)`: keys equal, or one name is the other's surname ("Zelensky" ~ "Volodymyr
 *   Zelenskyy").
 * - refiners: outlets from the lexicon (subtype "outlet", "the Journal" only where the text names
 *   the Journal), document-level type consistency, and within-article linking (Joe Biden ... Biden
 *   ... Mr Biden -> "Joe Biden"; European Union ... EU -> "European Union"; Kiev -> "Kyiv").
 */
import type { EntityMention, EntityType, Mention } from '../../types.js';
import type { Doc, Refiner } from '../types.js';
import { OUTLETS, type Outlet } from '../lexicons/outlets.js';
import { EXONYMS } from './aliases.js';

const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'president', 'vice', 'prime', 'minister',
  'gen', 'general', 'lt', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'sgt', 'adm', 'admiral', 'sen', 'senator', 'rep',
  'representative', 'gov', 'governor', 'mayor', 'judge', 'justice', 'king', 'queen', 'prince', 'princess', 'pope', 'rev', 'chancellor',
  'secretary', 'commander', 'chief', 'ambassador', 'st', 'saint',
]);

/** Lowercase, strip diacritics and punctuation, unify apostrophes and hyphens. */
function fold(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One word's transliteration-insensitive form: kh/h, tz/ts, x/ks, ph/f, -iy/-yy/-yi/-ii/-y -> -i, doubled letters. */
function foldWord(w: string): string {
  let s = w.replace(/kh/g, 'h').replace(/tz/g, 'ts').replace(/x/g, 'ks').replace(/ph/g, 'f').replace(/w/g, 'v');
  s = s.replace(/(?:iy|yy|yi|ii|ij|y)$/, 'i');
  s = s.replace(/yi/g, 'i').replace(/j(?=[aeou])/g, 'y');
  let out = '';
  for (const ch of s) if (ch !== out[out.length - 1]) out += ch;
  return out;
}

/**
 * A matching key: "Volodymyr Zelenskyy" -> "volodimir zelenski"; "Zelensky" -> "zelenski";
 * "Syrskiy" and "Syrskyi" -> "sirski"; "Kiev" and "Kyiv" -> the same key through the exonym table;
 * "the Wall Street Journal" -> "vall street journal" (leading "the" and titles dropped).
 */
export function canonicalKey(name: string): string {
  let k = KEYS.get(name);
  if (k === undefined) {
    k = computeKey(name);
    if (KEYS.size >= MEMO_MAX) KEYS.clear();
    KEYS.set(name, k);
  }
  return k;
}

/**
 * Memo of `canonicalKey` and `fold` (pure functions of the name; names recur across documents):
 * bounded, emptied when full, so results never depend on it.
 */
const KEYS = new Map<string, string>();
const FOLDS = new Map<string, string>();
const MEMO_MAX = 50_000;

/** `fold`, memoised (see KEYS). */
function foldMemo(name: string): string {
  let f = FOLDS.get(name);
  if (f === undefined) {
    f = fold(name);
    if (FOLDS.size >= MEMO_MAX) FOLDS.clear();
    FOLDS.set(name, f);
  }
  return f;
}

function computeKey(name: string): string {
  const exo = EXONYMS.get(foldMemo(name));
  const words = foldMemo(exo ?? name).split(' ').filter((w) => w !== '');
  while (words.length > 1 && (words[0] === 'the' || TITLES.has(words[0]!))) words.shift();
  return words
    .map(foldWord)
    .map((w) => (w.length > 1 ? w.replace(/y/g, 'i') : w))
    .join(' ');
}

/** Whether two names likely denote the same entity: equal keys, or one is the other's surname. */
export function sameEntity(a: string, b: string): boolean {
  const ka = canonicalKey(a);
  const kb = canonicalKey(b);
  if (ka === '' || kb === '') return false;
  if (ka === kb) return true;
  const [short, long] = ka.length < kb.length ? [ka, kb] : [kb, ka];
  if (short.includes(' ')) return long.endsWith(' ' + short);
  return long.split(' ').pop() === short;
}

/** Strips titles and a leading "the" from a person or organisation name: "Mr. Biden" -> "Biden". */
export function stripTitles(name: string): string {
  const parts = name.split(/\s+/);
  while (parts.length > 1 && TITLES.has(parts[0]!.toLowerCase().replace(/\.$/, ''))) parts.shift();
  return parts.join(' ');
}

function isEntity(m: Mention): m is EntityMention {
  return m.kind === 'entity';
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Finds `needle` in `text` at word boundaries, case-sensitively. Linear: indexOf scans. */
function findAll(text: string, needle: string): number[] {
  const out: number[] = [];
  let i = text.indexOf(needle);
  while (i >= 0) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + needle.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) out.push(i);
    i = text.indexOf(needle, i + 1);
  }
  return out;
}

/** Single-word outlet names that are also common words or surnames. */
const AMBIGUOUS_ALIASES = new Set(['Insider', 'Guardian', 'Telegraph', 'Economist', 'Forbes', 'Bloomberg', 'Vox', 'Anadolu', 'Spiegel', 'Hill']);

const OUTLET_BY_ALIAS = new Map<string, Outlet>();
for (const o of OUTLETS) for (const a of [o.canonical, ...o.aliases]) OUTLET_BY_ALIAS.set(a, o);

/**
 * Outlets: entities whose text is an outlet alias become ORG/outlet with the outlet's canonical
 * name; unambiguous aliases the model missed are added ("Kyiv Independent"); short forms
 * ("the Journal") are linked only when the same text names the outlet in full.
 */
export const outletRefiner: Refiner = {
  name: 'entities.outlets',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    const out = mentions.map((m) => m);
    const entities = (): EntityMention[] => out.filter(isEntity);
    for (let k = 0; k < out.length; k++) {
      const m = out[k]!;
      if (!isEntity(m) || m.type === 'PER') continue;
      const withThe = /the\s$/i.test(doc.text.slice(Math.max(0, m.start - 4), m.start)) ? `The ${m.text}` : m.text;
      const o = OUTLET_BY_ALIAS.get(m.text) ?? OUTLET_BY_ALIAS.get(withThe);
      if (o) out[k] = { ...m, type: 'ORG', canonical: o.canonical, subtype: 'outlet', reasons: [...m.reasons, 'lexicon: outlets'] };
    }
    const named = new Set<Outlet>();
    for (const o of OUTLETS) {
      for (const alias of [o.canonical, ...o.aliases]) {
        const hits = findAll(doc.text, alias);
        if (hits.length > 0 && (alias.length >= 5 || alias.includes(' '))) named.add(o);
        // Short, all-caps and common-word aliases ("AP", "TIME", "Insider", "Vox") are too
        // ambiguous to add on their own; the model must tag them.
        if (!alias.includes(' ') && (alias.length < 4 || !/\p{Ll}/u.test(alias) || AMBIGUOUS_ALIASES.has(alias))) continue;
        // A leading "The" stays outside the span, as in CoNLL-style annotation.
        const skip = alias.startsWith('The ') ? 4 : 0;
        for (const hit of hits) {
          const start = hit + skip;
          const span = { start, end: hit + alias.length };
          if (entities().some((e) => overlaps(e, span))) continue;
          out.push({ kind: 'entity', ...span, text: alias.slice(skip), type: 'ORG', canonical: o.canonical, subtype: 'outlet', extractor: 'entities.outlets', reasons: ['lexicon: outlets'] });
        }
      }
    }
    for (const o of named) {
      for (const sf of o.shortForms ?? []) {
        // "the Journal": the entity is "Journal"; the article must name the outlet in full elsewhere.
        const word = sf.replace(/^the\s+/i, '');
        for (const start of findAll(doc.text, sf)) {
          const span = { start: start + sf.length - word.length, end: start + sf.length };
          const existing = out.findIndex((e) => isEntity(e) && overlaps(e, span));
          const e = existing >= 0 ? (out[existing] as EntityMention) : null;
          if (e && (e.start !== span.start || e.end !== span.end)) continue;
          const m: EntityMention = { kind: 'entity', ...span, text: word, type: 'ORG', canonical: o.canonical, subtype: 'outlet', extractor: e?.extractor ?? 'entities.outlets', reasons: [...(e?.reasons ?? []), `lexicon: outlets (short form of ${o.canonical})`] };
          if (existing >= 0) out[existing] = m;
          else out.push(m);
        }
      }
    }
    return out;
  },
};

/** `canonicalKey` (memoised process-wide). */
function keyMemo(): (name: string) => string {
  return canonicalKey;
}

/**
 * Document-level type consistency: a single-word name that is the surname of a person named in
 * full in the same text is a PER ("Blackburn" after "Peter Blackburn"; spelling variants too:
 * "Syrskiy" after "Oleksandr Syrskyi"), and such a surname the model left untagged is added
 * ("Zelensky told ..." after "Volodymyr Zelenskiy"). Otherwise the same text tagged with different
 * types takes its majority type.
 */
export const typeConsistencyRefiner: Refiner = {
  name: 'entities.consistency',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    const ents = mentions.filter(isEntity).filter((m) => m.subtype !== 'outlet');
    const key = keyMemo();
    const surnames = new Set<string>();
    for (const e of ents) {
      if (e.type !== 'PER') continue;
      const parts = stripTitles(e.text).split(/\s+/);
      const last = parts[parts.length - 1]!;
      if (parts.length >= 2 && last.length >= 3) surnames.add(key(last));
    }
    const votes = new Map<string, Map<EntityType, number>>();
    for (const e of ents) {
      const v = votes.get(e.text) ?? new Map<EntityType, number>();
      v.set(e.type, (v.get(e.type) ?? 0) + 1);
      votes.set(e.text, v);
    }
    const out: Mention[] = mentions.map((m) => {
      if (!isEntity(m) || m.subtype === 'outlet') return m;
      let type: EntityType = m.type;
      if (!m.text.includes(' ') && surnames.has(key(m.text))) type = 'PER';
      else {
        const v = votes.get(m.text);
        if (v && v.size > 1) {
          let best = m.type;
          let bc = v.get(m.type) ?? 0;
          for (const [t, c] of v) if (c > bc) [best, bc] = [t, c];
          type = best;
        }
      }
      return type === m.type ? m : { ...m, type, reasons: [...m.reasons, `document: consistent type ${type}`] };
    });
    if (surnames.size === 0) return out;
    // Untagged capitalised words that are a named person's surname (mixed-case text only).
    const taken = out.filter(isEntity);
    for (const tok of doc.tokens) {
      if (tok.kind !== 'word' || !/^\p{Lu}\p{Ll}/u.test(tok.text)) continue;
      if (!surnames.has(key(tok.text))) continue;
      if (taken.some((e) => overlaps(e, tok))) continue;
      const m: EntityMention = { kind: 'entity', start: tok.start, end: tok.end, text: tok.text, type: 'PER', canonical: tok.text, extractor: 'entities.consistency', reasons: ['document: surname of a person named in full'] };
      out.push(m);
      taken.push(m);
    }
    return out;
  },
};

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'du', '&']);

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

/**
 * Within-article linking. Order matters: runs after the outlet and consistency refiners because
 * it links by type (a surname only joins a PER) and leaves outlets' lexicon names alone.
 */
export const linkRefiner: Refiner = {
  name: 'entities.link',
  refine(mentions: readonly Mention[]): Mention[] {
    const ents = mentions.filter(isEntity);
    const keyOf = keyMemo();
    // Full names of people (two or more words after titles), in text order.
    const fullPer = ents
      .filter((e) => e.type === 'PER')
      .map((e) => ({ e, name: stripTitles(e.text) }))
      .filter((x) => x.name.includes(' '))
      .sort((a, b) => a.e.start - b.e.start);
    const multiOrg = ents.filter((e) => (e.type === 'ORG' || e.type === 'LOC' || e.type === 'MISC') && e.text.includes(' ') && e.subtype !== 'outlet');
    // One representative per key: the longest form; of forms as long, the most used ("ATACMS"
    // six times over "Atacms" once), then the first.
    const uses = new Map<string, number>();
    for (const e of ents) uses.set(e.text, (uses.get(e.text) ?? 0) + 1);
    const used = (name: string): number => uses.get(name) ?? 0;
    const repByKey = new Map<string, string>();
    for (const e of ents) {
      if (e.subtype === 'outlet') continue;
      const name = e.type === 'PER' ? stripTitles(e.text) : e.text.replace(/^the\s+/i, '');
      const key = `${e.type}:${keyOf(name)}`;
      const cur = repByKey.get(key);
      if (cur === undefined || name.length > cur.length || (name.length === cur.length && used(name) > used(cur))) repByKey.set(key, name);
    }
    return mentions.map((m) => {
      if (!isEntity(m) || m.subtype === 'outlet') return m;
      let canonical: string;
      const reasons: string[] = [];
      if (m.type === 'PER') {
        const name = stripTitles(m.text);
        canonical = name;
        const key = keyOf(name);
        if (!name.includes(' ')) {
          // Nearest preceding full name with this surname, else the first following one.
          const cands = fullPer.filter((x) => keyOf(x.name.split(' ').pop() ?? '') === key);
          const before = cands.filter((x) => x.e.start < m.start).pop();
          const pick = before ?? cands[0];
          if (pick) {
            canonical = repByKey.get(`PER:${keyOf(pick.name)}`) ?? pick.name;
            reasons.push(`link: surname of ${canonical}`);
          }
        } else canonical = repByKey.get(`PER:${key}`) ?? name;
      } else {
        const name = m.text.replace(/^the\s+/i, '');
        canonical = repByKey.get(`${m.type}:${keyOf(name)}`) ?? name;
        const exo = EXONYMS.get(foldMemo(name));
        if (exo) {
          canonical = exo;
          reasons.push('link: exonym');
        } else if (/^\p{Lu}{2,6}$/u.test(name)) {
          const full = multiOrg.find((o) => initials(o.text.replace(/^the\s+/i, '')) === name);
          if (full) {
            canonical = full.text.replace(/^the\s+/i, '');
            reasons.push(`link: acronym of ${canonical}`);
          }
        }
      }
      if (canonical === m.canonical && reasons.length === 0) return m;
      return { ...m, canonical, reasons: [...m.reasons, ...reasons] };
    });
  },
};
