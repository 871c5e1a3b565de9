/**
 * Toponym recognition: longest gazetteer matches over capitalised token runs, then the rules that
 * tell a place from a person, a newspaper or a common word. Output: candidate spans, each with the
 * gazetteer records it may denote (resolution picks one: resolve.ts).
 *
 * "Paterson, N.J." -> Paterson (hits: Paterson NJ, ...), N.J. (hit: New Jersey, via abbrev)
 * "the Kharkiv Oblast" -> one span "Kharkiv Oblast", hint admin1
 * "Mr Lincoln said" -> nothing (title before the name)
 */
import type { Token } from '../common/text.js';
import type { Doc } from '../types.js';
import type { Gazetteer, GazHit } from './gazetteer.js';
import { normToken } from './normalize.js';
import {
  ADMIN1_SUFFIXES,
  ADMIN2_SUFFIXES,
  MEDIA_CONTINUATIONS,
  METONYMY_VERBS,
  NAME_CONNECTORS,
  ORG_CONTINUATIONS,
  PERSON_TITLES,
  ROAD_WORDS,
  DISEASE_WORDS,
  NOT_PLACE_WORDS,
  SPEECH_VERBS,
} from './cues.js';

export interface Candidate {
  start: number;
  end: number;
  /** Token range of the name itself (without an admin suffix). */
  tokenStart: number;
  tokenEnd: number;
  key: string;
  hits: GazHit[];
  /** "Kharkiv Oblast" / "Kharkiv region" -> admin1; "Ocean County" -> admin2. */
  levelHint: 'admin1' | 'admin2' | null;
  /** Index of the candidate this one qualifies ("Paterson, N.J.": N.J. qualifies Paterson), or -1. */
  qualifies: number;
  metonymy: boolean;
  reasons: string[];
}

export interface Interval {
  start: number;
  end: number;
  /** What the interval is (a NER PER span blocks, a NER LOC span supports). */
  kind: 'block' | 'person' | 'loc';
}

const UPPER_START = /^\p{Lu}/u;
const CLITIC_S = /^['’]s$/;
const CAPITAL_ARTICLES = new Set(['The', 'A', 'An']);
const HAS_LOWER = /\p{Ll}/u;

function isCap(t: Token): boolean {
  if (t.kind !== 'word') return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER_START.test(t.text);
}

function isAllCaps(text: string): boolean {
  return !HAS_LOWER.test(text);
}

/** Finds candidate toponyms in `doc`. `intervals` are spans from earlier extractors and phrase lists. */
export function recognize(doc: Doc, gaz: Gazetteer, intervals: readonly Interval[]): Candidate[] {
  const toks = doc.tokens;
  const n = toks.length;
  const sentenceStart = new Uint8Array(n);
  for (const s of doc.sentences) {
    // The first word of a sentence, also after opening quotes or a dash.
    let k = s.tokenStart;
    while (k < s.tokenEnd && toks[k]!.kind !== 'word' && toks[k]!.kind !== 'number') k++;
    if (k < n) sentenceStart[k] = 1;
  }
  // Headlines in title case ("Freemason Joins Sochi Mayor Race"): capitalised neighbours say nothing
  // about a person there. A sentence is titled when three or more of its longer words are all capitalised.
  const titled = new Uint8Array(n);
  for (const s of doc.sentences) {
    let long = 0;
    let cap = 0;
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = toks[k]!;
      if (t.kind !== 'word' || t.text.length < 4) continue;
      long++;
      if (isCap(t)) cap++;
    }
    if (long >= 3 && cap === long) titled.fill(1, s.tokenStart, s.tokenEnd);
  }
  // Character masks (bit 1 block, 2 person, 4 loc): overlap tests in O(span) however many intervals.
  const mask = new Uint8Array(doc.text.length + 1);
  const BIT: Record<Interval['kind'], number> = { block: 1, person: 2, loc: 4 };
  for (const iv of intervals) for (let k = Math.max(0, iv.start); k < Math.min(iv.end, mask.length); k++) mask[k]! |= BIT[iv.kind];
  const overlaps = (a: number, b: number, kind: Interval['kind']): boolean => {
    for (let k = a; k < b; k++) if (mask[k]! & BIT[kind]) return true;
    return false;
  };

  const out: Candidate[] = [];
  // Names used for a person anywhere in the article ("Mayor Jones", "Tom Jones") are people throughout.
  const personVotes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (!isCap(t)) continue;
    let best: { j: number; key: string; hits: readonly GazHit[]; cut: number } | null = null;
    let key = '';
    const maxJ = Math.min(n, i + gaz.maxTokens);
    for (let j = i; j < maxJ; j++) {
      const tj = toks[j]!;
      // A clitic "'s" inside a name ("People's Republic of China", "St. John's"): the gazetteer key
      // drops the apostrophe, so it joins the word before it.
      if (j > i && !tj.spaceBefore && CLITIC_S.test(tj.text)) {
        key = `${key}s`;
        // A name may end at it only after two words ("St. John's"); "Cuba's" is a possessive.
        const hits = j - i >= 2 ? gaz.lookup(key) : [];
        if (hits.length > 0) best = { j, key, hits, cut: 0 };
        if (!gaz.hasLonger(key)) break;
        continue;
      }
      if (j > i) {
        if (tj.kind !== 'word' || tj.newlineBefore || (!tj.spaceBefore && !toks[j - 1]!.text.endsWith('.'))) break;
        if (!isCap(tj) && !NAME_CONNECTORS.has(tj.text)) break;
      }
      const prevKey = key;
      key = j === i ? normToken(tj.text) : `${key} ${normToken(tj.text)}`;
      if (isCap(tj)) {
        const hits = gaz.lookup(key);
        // "Dublin City Council", "Springfield City Schools": "X City" that names no town (only a
        // region or an alternate form), before an institution, is the town X's institution.
        const cityOfInstitution =
          best !== null && key.endsWith(' city') && !hits.some((h) => h.via === 'name' && h.place.precision === 'city') && toks[j + 1] !== undefined && isCap(toks[j + 1]!) && ORG_CONTINUATIONS.has(normToken(toks[j + 1]!.text));
        if (hits.length > 0 && !cityOfInstitution) best = { j, key, hits, cut: 0 };
        else if (hits.length === 0) {
          // "Washington-based", "Texas-born", "New York-area": the place before a lowercase hyphen suffix.
          const dash = tj.text.indexOf('-');
          if (dash > 0 && /^-\p{Ll}/u.test(tj.text.slice(dash))) {
            const head = j === i ? normToken(tj.text.slice(0, dash)) : `${prevKey} ${normToken(tj.text.slice(0, dash))}`;
            const h2 = gaz.lookup(head);
            if (h2.length > 0) best = { j, key: head, hits: h2, cut: tj.text.length - dash };
          }
        }
      }
      const after = toks[j + 1];
      if (!gaz.hasLonger(key) && !(after && !after.spaceBefore && CLITIC_S.test(after.text) && (gaz.hasLonger(`${key}s`) || (j > i && gaz.lookup(`${key}s`).length > 0)))) break;
    }
    if (!best) continue;
    const first = i;
    const tokenEnd = best.j + 1;
    const start = t.start;
    let end = toks[best.j]!.end - best.cut;
    i = best.j;
    if (overlaps(start, end, 'block')) continue;
    // The NER's judgement, when it ran: a PER span leaves only big places ("Jordan" the country, not
    // the town in "Michael Jordan"); a LOC span vouches for the name against the word and person rules.
    // (Not when the name goes on with a title or an institution: a NER person span over "Sochi Mayor
    // Ivanov" or "Kentucky Department" is the tagger's mistake.)
    const after = toks[tokenEnd];
    const afterNorm = after !== undefined && isCap(after) ? normToken(after.text) : '';
    const beforeTitle = afterNorm !== '' && (PERSON_TITLES.has(afterNorm) || ORG_CONTINUATIONS.has(afterNorm) || ADMIN1_SUFFIXES.has(afterNorm) || ADMIN2_SUFFIXES.has(afterNorm));
    const nerPerson = !beforeTitle && overlaps(start, end, 'person');
    const nerLoc = !nerPerson && overlaps(start, end, 'loc');

    const reasons: string[] = [];
    const next = best.cut > 0 ? undefined : toks[tokenEnd];
    const nextWord = next && next.kind === 'word' && next.spaceBefore ? next : undefined;
    const nextNorm = nextWord ? normToken(nextWord.text) : '';
    const prev = first > 0 ? toks[first - 1] : undefined;
    const single = tokenEnd - first === 1;
    const surface = doc.text.slice(start, end);
    const allCaps = isAllCaps(surface);
    let hits: GazHit[] = [...best.hits];

    // Admin suffix: "Kharkiv Oblast", "Ocean County" (span grows); "the Kharkiv region" (hint only).
    let levelHint: Candidate['levelHint'] = null;
    if (nextWord && ADMIN1_SUFFIXES.has(nextNorm)) {
      levelHint = 'admin1';
      if (isCap(nextWord)) end = nextWord.end;
      reasons.push(`suffix: ${nextWord.text}`);
    } else if (nextWord && ADMIN2_SUFFIXES.has(nextNorm) && isCap(nextWord)) {
      levelHint = 'admin2';
      end = nextWord.end;
      reasons.push(`suffix: ${nextWord.text}`);
    }

    // Abbreviations and postal codes ("N.J.", "Calif.", "NSW") only right after "Place, ".
    const afterComma = prev?.text === ',' && out.length > 0 && out[out.length - 1]!.tokenEnd === first - 1;
    // Three capitals that are no word ("NSW", "QLD") stand alone too.
    const code3 = allCaps && surface.length === 3 && !gaz.isCommonWord(best.key);
    hits = hits.filter((h) => h.via !== 'abbrev' || afterComma || code3 || (allCaps && surface.length >= 4 && surface.includes('.')));
    // An abbreviated qualifier ("Brandon, Man.", "Salem, Ore.") is the region, not a town of that name.
    const abbreviated = surface.endsWith('.') || (next !== undefined && next.text === '.' && !next.spaceBefore);
    const regionForm = (h: GazHit): boolean => h.via === 'abbrev' || h.place.precision === 'admin1';
    if (afterComma && abbreviated && hits.some(regionForm)) hits = hits.filter(regionForm);
    const bare = surface.replace(/\./g, '');
    // Two- and three-letter capitals ("US", "UK", "NJ") are codes: countries, or regions after a comma.
    // Dotted abbreviations ("D.C.", "S.C.") stand alone too.
    const dotted = surface.includes('.') && bare.length >= 2;
    // Three-letter region codes ("NSW", "QLD") are distinctive enough alone; two letters ("BC") are not.
    if (allCaps && bare.length <= 3) {
      hits = hits.filter(
        (h) =>
          h.place.precision === 'country' ||
          h.place.precision === 'region' ||
          afterComma ||
          (h.place.precision === 'admin1' && (dotted || (bare.length === 3 && !gaz.isCommonWord(best.key)))) ||
          // "L.A.", "D.C.", "NYC": short forms of capitals and the biggest cities.
          (h.place.precision === 'city' && (dotted || bare.length === 3) && (h.place.featureCode === 'PPLC' || h.place.population >= 1_000_000)),
      );
    }
    // An abbreviation token ("Nov.", "Co.", "St.") is only a place as a qualifier ("Paterson, N.J.").
    if (single && surface.endsWith('.') && !afterComma && !(allCaps && bare.length >= 2)) hits = [];
    if (NOT_PLACE_WORDS.has(best.key)) hits = [];
    // A currency: "US$42 million", "HK$5".
    if (next && !next.spaceBefore && next.text === '$') hits = [];
    // "Bank of America", "Future Farmers of America": an organisation's name.
    if (best.key === 'america' && prev?.text === 'of' && first >= 2 && isCap(toks[first - 2]!)) hits = [];
    // "Marburg virus", "West Nile fever", "Spanish flu": a disease, not the place.
    // (Also a virus named by one word: "Reston ebolavirus".)
    if (nextWord && (DISEASE_WORDS.has(nextNorm) || nextNorm.endsWith('virus'))) hits = [];
    const isStart = sentenceStart[first] === 1 || (prev !== undefined && (prev.text === '"' || prev.text === '“') && sentenceStart[first - 1] === 1);
    // A NER person span leaves countries, multi-word regions and cities of a million (a county named
    // in full, "Scott County", stays).
    if (nerPerson) hits = hits.filter((h) => (h.place.precision !== 'city' && h.place.precision !== 'admin2') || (h.place.precision === 'admin2' && !single) ? !single || h.place.precision === 'country' : h.place.population >= 1_000_000);
    // Common English words ("Mobile", "Reading", "Police") need to be a sizeable city, mid-sentence.
    if (single && !allCaps && gaz.isCommonWord(best.key)) {
      hits = hits.filter((h) => {
        const p = h.place;
        if (p.precision === 'country' || p.precision === 'continent') return true;
        // "Ore." and "Man." after "Salem, " and "Brandon, " are the regions, not the words.
        if (regionForm(h) && afterComma && abbreviated) return true;
        if (isStart) return false;
        if (p.precision === 'region') return true;
        // Seats of first-level regions too ("Concord", N.H.).
        return p.precision === 'city' && (p.population >= 100_000 || (p.featureCode === 'PPLA' && p.population >= 20_000)) && h.via === 'name';
      });
      if (hits.length > 0) reasons.push('common word: kept');
    }
    if (single && allCaps && bare.length > 3 && gaz.isCommonWord(best.key)) hits = hits.filter((h) => h.place.precision === 'country');
    // A title before the name makes it a person: "Gov. Jackson", "President Lincoln".
    let person = false;
    // Evidence that the name is a person here: a title, a first name before it or a speech verb after
    // it count 2; a capitalised word after it ("Jackson Browne", or "Charleston Gold Dome") counts 1.
    let personWeight = 2;
    if (prev && prev.kind === 'word' && PERSON_TITLES.has(normToken(prev.text))) {
      hits = [];
      person = true;
    }
    // Inside a newspaper or brand name: "Chicago Tribune", "Denver Post".
    // (Also hyphenated: "Atlanta Journal-Constitution".)
    if (nextWord && isCap(nextWord) && (MEDIA_CONTINUATIONS.has(nextNorm) || MEDIA_CONTINUATIONS.has(nextNorm.split('-')[0]!))) hits = [];
    // Person-like: a town name glued to other capitalised words ("Jackson Browne", "Hillary Clinton").
    if (single && hits.length > 0 && !allCaps && !nerLoc && titled[first] === 0) {
      const nextCap = nextWord !== undefined && isCap(nextWord) && !isAllCaps(nextWord.text) && !ORG_CONTINUATIONS.has(nextNorm) && !ADMIN1_SUFFIXES.has(nextNorm) && !ADMIN2_SUFFIXES.has(nextNorm);
      // (A capitalised article is no first name: "The Atlanta ...".)
      const prevCap = prev !== undefined && isCap(prev) && !sentenceStart[first - 1] && !isAllCaps(prev.text) && prev.spaceBefore !== false && !CAPITAL_ARTICLES.has(prev.text);
      const speaker = nextWord !== undefined && SPEECH_VERBS.has(nextNorm);
      const before = hits.length;
      hits = hits.filter((h) => {
        const p = h.place;
        if (p.precision !== 'city') return !(prevCap && p.precision === 'admin1' && nextCap);
        if (nextCap && p.population < 100_000 && !gaz.lookup(`${best.key} ${nextNorm}`).length) return false;
        if (prevCap && p.population < 500_000) return false;
        if (speaker && p.population < 100_000) return false;
        return true;
      });
      // A person only when no reading as a place is left (a big Gainesville survives "Gainesville says").
      if (hits.length === 0 && before > 0) {
        person = true;
        if (nextCap && !prevCap && !speaker) personWeight = 1;
      }
    }
    // (Inside a road's name, "Alton Edwardsville Road", a dropped reading is no vote for a person.)
    const road = nextWord !== undefined && isCap(nextWord) && ROAD_WORDS.has(nextNorm);
    if (person && single && !road) personVotes.set(best.key, (personVotes.get(best.key) ?? 0) + personWeight);
    // An exact country or region name beats towns that merely list it as an alternate ("Mexico").
    // A region's exact name beats towns listing it as an alternate, except capitals, cities of a
    // million and the region's own seat ("Washington" keeps Washington, D.C.; "Geneva" keeps Genève).
    if (hits.some((h) => h.via !== 'alt' && (h.place.precision === 'country' || h.place.precision === 'continent'))) {
      hits = hits.filter((h) => h.via !== 'alt');
    } else if (hits.some((h) => h.via !== 'alt' && h.place.precision !== 'city')) {
      const regions = hits.filter((h) => h.place.precision === 'admin1');
      hits = hits.filter(
        (h) =>
          h.via !== 'alt' ||
          h.place.featureCode === 'PPLC' ||
          h.place.population >= 1_000_000 ||
          regions.some((r) => r.place.cc === h.place.cc && r.place.admin1 === h.place.admin1),
      );
    }
    if (hits.length === 0) continue;
    if (nerLoc) reasons.push('ner: LOC');
    const metonymy = nextWord !== undefined && METONYMY_VERBS.has(nextNorm) && hits.some((h) => h.place.precision !== 'city' || h.place.population >= 100_000);
    out.push({
      start,
      end,
      tokenStart: first,
      tokenEnd,
      key: best.key,
      hits,
      levelHint,
      qualifies: afterComma ? out.length - 1 : -1,
      metonymy,
      reasons,
    });
    if (end > toks[best.j]!.end) i = best.j + 1;
  }
  const all = out.concat(compoundParts(doc, gaz, out, overlaps));
  if (all.length > out.length) {
    // Back into text order, with the qualifier links renumbered.
    const order = all.map((c, k) => ({ c, k })).sort((a, b) => a.c.start - b.c.start);
    const renum = new Map(order.map((o, k) => [o.k, k]));
    out.length = 0;
    for (const { c } of order) out.push(c.qualifies >= 0 ? { ...c, qualifies: renum.get(c.qualifies)! } : c);
  }
  if (personVotes.size === 0) return out;
  return out.filter((c) => (personVotes.get(c.key) ?? 0) < 2 || c.hits.some((h) => h.place.precision !== 'city' || h.place.population >= 500_000));
}

/** Party-and-place tags before a town: "D-Charleston", "R-Plano". */
const PARTY_LETTERS = new Set(['D', 'R', 'I']);

/**
 * Hyphenated compounds whose whole token names nothing ("Israeli-Egyptian", "Egyptian-US",
 * "anti-Russian", "D-Charleston"): each capitalised part that is a country, region or demonym on its
 * own, or a city of 100,000+ (any town after a party letter). Tokens already in a candidate are skipped.
 */
function compoundParts(doc: Doc, gaz: Gazetteer, found: readonly Candidate[], blocked: (a: number, b: number, kind: Interval['kind']) => boolean): Candidate[] {
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length);
  for (const c of found) covered.fill(1, c.tokenStart, c.tokenEnd);
  const out: Candidate[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (covered[k] || t.kind !== 'word' || t.text.indexOf('-') <= 0 || blocked(t.start, t.end, 'block') || blocked(t.start, t.end, 'person')) continue;
    const parts = t.text.split('-');
    let from = t.start;
    for (let q = 0; q < parts.length; q++) {
      const part = parts[q]!;
      const at = from;
      from += part.length + 1;
      if (part.length < 2 || !UPPER_START.test(part)) continue;
      const key = normToken(part);
      if (NOT_PLACE_WORDS.has(key)) continue;
      const party = q === 1 && PARTY_LETTERS.has(parts[0]!);
      const word = gaz.isCommonWord(key);
      const hits = gaz.lookup(key).filter((h) => {
        const p = h.place;
        if (h.via === 'abbrev' || h.via === 'alt') return false;
        if (p.precision === 'country' || p.precision === 'continent' || p.precision === 'region') return true;
        if (word || isAllCaps(part)) return false;
        if (p.precision === 'admin1') return h.via === 'name';
        return p.precision === 'city' && h.via === 'name' && (party || p.population >= 100_000);
      });
      if (hits.length === 0) continue;
      out.push({ start: at, end: at + part.length, tokenStart: k, tokenEnd: k + 1, key, hits, levelHint: null, qualifies: -1, metonymy: false, reasons: ['part of a hyphenated compound'] });
    }
  }
  return out;
}
