/**
 * Toponym resolution: picks one gazetteer record per candidate from its prior (population, feature
 * class, level) and the context: the other places of the article (country and admin-1 region
 * context: "Lima" near "Peru" vs "Lima, Ohio"), an explicit qualifier ("Paterson, N.J."), an admin
 * suffix ("Kursk region") and, optionally, the places of the story the article belongs to.
 */
import type { GazHit, GazPlace } from './gazetteer.js';
import type { Candidate } from './recognize.js';
import { normToken } from './normalize.js';

/** Places already known for the story (e.g. from earlier articles): country and admin-1 codes. */
export interface StoryPlace {
  cc: string;
  admin1?: string;
}

export interface Resolved {
  candidate: Candidate;
  hit: GazHit;
  score: number;
  /** Score margin over the runner-up (Infinity when there was one record). */
  margin: number;
}

/** Prior of a record before context: levels above cities first, then population and seat status. */
export function prior(h: GazHit, levelHint: Candidate['levelHint']): number {
  const p = h.place;
  let s: number;
  switch (p.precision) {
    case 'country':
      // Above any city matched by an alternate name ("Mexico" is the country, not Mexico City).
      s = 11;
      break;
    case 'continent':
    case 'region':
      s = 9.5;
      break;
    case 'admin1':
      s = 7.5;
      break;
    case 'admin2':
      // Only matched by full names ("Laurel County"), so no town competes; context picks the state.
      s = 6.5;
      break;
    default: {
      s = Math.log10(p.population + 10);
      if (p.featureCode === 'PPLC') s += 3.5;
      else if (p.featureCode === 'PPLA') s += 1;
      else if (p.featureCode === 'PPLA2') s += 0.5;
      // A city of a million or more outranks the region of the same name ("Kharkiv", "New York").
      if (p.population >= 1_000_000) s += 1.5;
      if (h.via === 'alt') s -= p.population >= 1_000_000 ? 0.3 : 1.5;
    }
  }
  // An abbreviation ("La.", "Ind.") is weaker evidence than a name.
  if (h.via === 'abbrev') s -= 1;
  if (levelHint === 'admin1') s += p.precision === 'admin1' ? 6 : p.precision === 'city' ? 0 : -3;
  if (levelHint === 'admin2') s += p.precision === 'city' ? 3 : -3;
  return s;
}

/** Weights of the context evidence (defaults: DEFAULT_TUNING; exposed for evaluation sweeps). */
export interface ResolveTuning {
  /** Per country vote of the article for a town or county (half for a region). */
  countryWeight: number;
  /** Cap on the country votes counted. */
  countryCap: number;
  /** Radius within which another name's reading supports a town, km. */
  nearKm: number;
  /** Per supporting name (at most 3). */
  nearWeight: number;
  /** Per admin-1 vote of the article for a town or county in that region. */
  regionWeight: number;
  /** Cap on the admin-1 votes counted. */
  regionCap: number;
}

export const DEFAULT_TUNING: Readonly<ResolveTuning> = { countryWeight: 2.5, countryCap: 1.5, nearKm: 100, nearWeight: 2, regionWeight: 3, regionCap: 1.5 };
/**
 * Penalty of a town abroad that no other name of the article points to, when another reading of the
 * name lies in a country that some other name points to (dev sweep: 2 to 6 give the same result).
 */
const UNSUPPORTED_ABROAD = 3;
/** Spatial coherence: distinct surface forms per article put in the grid (bounds the work). */
const MAX_SURFACES = 200;
/** A supporting reading this close counts in full; one farther (up to nearKm) counts half (dev sweep 30-60 km). */
const CLOSE_KM = 50;
const FAR_SUPPORT = 0.5;

const a1key = (p: GazPlace): string => `${p.cc}.${p.admin1}`;

/**
 * Resolves every candidate. Two passes: the first by prior alone gives the article's countries and
 * regions; the second rescores with that context, counting only evidence from other surface forms
 * (so "Georgia" cannot vote for itself).
 */
export function resolve(cands: readonly Candidate[], story: readonly StoryPlace[] = [], tuning: Readonly<ResolveTuning> = DEFAULT_TUNING): Resolved[] {
  const { countryWeight: COUNTRY_W, countryCap: COUNTRY_CAP, nearKm: NEAR_KM, nearWeight: NEAR_W, regionWeight: REGION_W, regionCap: REGION_CAP } = tuning;
  // An alternate name of a big city ("Victoria" for Hong Kong, "Salisbury" for Harare, "Philadelphia"
  // for Amman) is an old or rare form when several towns, or a city of a million, bear it as their name.
  // (Smaller cities keep their exonyms: "Geneva" is Genève although several towns are named Geneva.)
  const altWeak = cands.map((c) => {
    let named = 0;
    let maxPop = 0;
    for (const h of c.hits) {
      if (h.via !== 'name' || h.place.precision !== 'city') continue;
      named++;
      maxPop = Math.max(maxPop, h.place.population);
    }
    return named >= 2 || maxPop >= 1_000_000;
  });
  // (Not a short form of the name: "Washington" for "Washington, D.C.".)
  const base = (h: GazHit, c: Candidate, i: number): number =>
    prior(h, c.levelHint) - (altWeak[i] && h.via === 'alt' && h.place.precision === 'city' && h.place.population >= 1_000_000 && !normToken(h.place.name).startsWith(c.key) ? 3 : 0);
  const first = cands.map((c, i) => best(c, (h) => base(h, c, i)));
  // Spatial coherence: every reading (town or county) of every surface form goes into a 1-degree
  // grid; a reading near some reading of another name gains support ("Swansea" near "Lexington" and
  // "Batesburg-Leesville" is Swansea, South Carolina). Surfaces are capped to bound the work.
  // A neighbour within CLOSE_KM (the county seat and its county) counts more than one at the edge of
  // nearKm (graded: the vetoes below count supporting names whatever their distance).
  const grid = new Map<number, { key: string; lat: number; lon: number }[]>();
  const cell = (lat: number, lon: number): number => (Math.floor(lat) + 90) * 400 + (Math.floor(lon) + 180);
  const gridded = new Set<string>();
  for (const c of cands) {
    if (gridded.has(c.key) || gridded.size >= MAX_SURFACES) continue;
    gridded.add(c.key);
    for (const h of c.hits) {
      const p = h.place;
      if (p.precision !== 'city' && p.precision !== 'admin2') continue;
      const k = cell(p.lat, p.lon);
      const list = grid.get(k);
      if (list) list.push({ key: c.key, lat: p.lat, lon: p.lon });
      else grid.set(k, [{ key: c.key, lat: p.lat, lon: p.lon }]);
    }
  }
  const support = (key: string, lat: number, lon: number, graded = false): number => {
    const seen = new Map<string, number>();
    const la = Math.floor(lat);
    const lo = Math.floor(lon);
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        for (const o of grid.get((la + dy + 90) * 400 + (lo + dx + 180)) ?? []) {
          if (o.key === key || seen.get(o.key) === 1) continue;
          const d = km(lat, lon, o.lat, o.lon);
          if (d < NEAR_KM) seen.set(o.key, !graded || d < CLOSE_KM ? 1 : Math.max(seen.get(o.key) ?? 0, FAR_SUPPORT));
        }
      }
    }
    let s = 0;
    for (const w of seen.values()) s += w;
    return s;
  };
  // Qualifiers by the index of the candidate they qualify.
  const qualsOf = new Map<number, Resolved[]>();
  cands.forEach((q, k) => {
    const r = first[k];
    if (q.qualifies >= 0 && r) qualsOf.set(q.qualifies, [...(qualsOf.get(q.qualifies) ?? []), r]);
  });
  // Context: country and admin-1 votes per surface key.
  const countryVotes = new Map<string, Map<string, number>>();
  const regionVotes = new Map<string, Map<string, number>>();
  const clearVotes = new Map<string, Map<string, number>>();
  const vote = (m: Map<string, Map<string, number>>, k: string, key: string, w: number): void => {
    let inner = m.get(k);
    if (!inner) m.set(k, (inner = new Map()));
    inner.set(key, Math.max(inner.get(key) ?? 0, w));
  };
  first.forEach((r, i) => {
    if (!r) return;
    const p = r.hit.place;
    const c = cands[i]!;
    // Confident choices only: a lone record, or a clear winner.
    const w = r.margin >= 2 ? 1 : 0.5;
    if (p.cc) vote(countryVotes, p.cc, c.key, w);
    // Clear evidence of a country: a confident country, region or city of a million (not a lone village).
    if (p.cc && w >= 1 && (p.precision !== 'city' || p.population >= 1_000_000)) vote(clearVotes, p.cc, c.key, 1);
    if (p.precision === 'admin1' || p.precision === 'city' || p.precision === 'admin2') vote(regionVotes, a1key(p), c.key, w);
  });
  const sum = (m: Map<string, Map<string, number>>, k: string, self: string): number => {
    const inner = m.get(k);
    if (!inner) return 0;
    let s = 0;
    for (const [key, w] of inner) if (key !== self) s += w;
    return s;
  };
  /** True when some other name of the article points clearly to a country other than `home`. */
  const abroad = (home: string, self: string): boolean => {
    for (const [cc, inner] of clearVotes) {
      if (cc === home) continue;
      for (const key of inner.keys()) if (key !== self) return true;
    }
    return false;
  };
  /** The two countries with most votes among the countries of a name's town and county readings. */
  const homeCountries = (c: Candidate): { cc: string; votes: number }[] => {
    const top: { cc: string; votes: number }[] = [];
    const seen = new Set<string>();
    for (const o of c.hits) {
      const cc = o.place.cc;
      if ((o.place.precision !== 'city' && o.place.precision !== 'admin2') || seen.has(cc)) continue;
      seen.add(cc);
      const votes = sum(countryVotes, cc, c.key);
      if (votes <= 0) continue;
      if (!top[0] || votes > top[0].votes) top.splice(0, 0, { cc, votes });
      else if (!top[1] || votes > top[1].votes) top[1] = { cc, votes };
      top.length = Math.min(top.length, 2);
    }
    return top;
  };
  const storyCountries = new Set(story.map((s) => s.cc));
  const storyRegions = new Set(story.filter((s) => s.admin1).map((s) => `${s.cc}.${s.admin1}`));

  const out: Resolved[] = [];
  const chosen: (Resolved | null)[] = [];
  /** The reading of each name (key and level) where a qualifier decided it. */
  const qualified = new Map<string, Resolved>();
  const qualifiedAt = new Set<number>();
  const scored = new Map<string, Resolved | null>();
  cands.forEach((c, i) => {
    // A qualifier after a comma ("Paterson, N.J.", "Lima, Peru") decides among the records of the name before it.
    // Only a qualifier that contains some reading counts: in a list of states ("Ohio, Oregon, South
    // Carolina") "South Carolina" does not qualify "Oregon".
    const quals = (qualsOf.get(i) ?? []).filter((q) => c.hits.some((h) => contains(q.hit.place, h.place)));
    // A town named like a country or a region ("Mexico", Missouri; "California", Maryland) needs a
    // qualifier; a capital or a city of a million may outrank a region of its name ("Washington").
    const countryNamed = c.hits.some((h) => h.via === 'name' && (h.place.precision === 'country' || h.place.precision === 'continent'));
    const regionNamed = new Set(c.hits.filter((h) => h.via === 'name' && h.place.precision === 'admin1').map((h) => h.place.cc));
    // Mentions of one name with the same readings and no qualifier score alike: score them once.
    const memoKey = quals.length === 0 ? `${c.key}|${c.levelHint ?? ''}|${c.hits.map((h) => `${h.place.id}:${h.via}`).join(',')}` : '';
    const memo = memoKey ? scored.get(memoKey) : undefined;
    let homes: { cc: string; votes: number }[] | undefined;
    const r = memo !== undefined ? (memo && { ...memo, candidate: c }) : best(c, (h) => {
      const p = h.place;
      let s = base(h, c, i);
      // The seat of a region named like it ("Zaporizhzhia", "Geneva") is the city unless the text says region.
      // (Not when the text is a shortening of the town's name: "Oklahoma" is the state, not Oklahoma City.)
      const seat = p.precision === 'city' && p.featureCode === 'PPLA' && !normToken(p.name).startsWith(`${c.key} `) && c.hits.some((o) => o.place.precision === 'admin1' && o.place.cc === p.cc && o.place.admin1 === p.admin1);
      // ... but not when the article's other places point to the country of another reading and not to
      // the seat's ("Alexandria" next to "Virginia" is not the Egyptian governorate's seat).
      if (seat && c.levelHint === null && (sum(countryVotes, p.cc, c.key) > 0 || !c.hits.some((o) => o.place.cc !== p.cc && sum(countryVotes, o.place.cc, c.key) > 0))) s += 3;
      // A region's exact name beats a city inside it (not its seat) that merely lists the name as an alternate:
      // "New York" is the state (GeoNames' name for it); the city is "New York City".
      if (p.precision === 'city' && h.via === 'alt' && p.featureCode !== 'PPLC' && p.featureCode !== 'PPLA' && c.levelHint === null && c.hits.some((o) => o.via === 'name' && o.place.precision === 'admin1' && o.place.cc === p.cc && o.place.admin1 === p.admin1)) s -= 5;
      if (p.precision === 'city' && quals.length === 0 && c.levelHint === null) {
        // Unless two other names of the article can be read as places near it and another names its
        // region ("Palestine" with "Anderson County" and "Grapeland": Palestine, Texas).
        if (countryNamed) {
          if (sum(regionVotes, a1key(p), c.key) === 0 || support(c.key, p.lat, p.lon) < 2) s -= 100;
        }
        else if (regionNamed.has(p.cc) && !seat && p.population < 1_000_000 && p.featureCode !== 'PPLC') s -= 100;
        // A foreign region's name ("Ontario") goes to a town only with local support.
        else if (regionNamed.size > 0 && !regionNamed.has(p.cc) && p.population < 1_000_000 && p.featureCode !== 'PPLC' && sum(regionVotes, a1key(p), c.key) === 0 && !storyRegions.has(a1key(p)) && support(c.key, p.lat, p.lon) === 0) s -= 100;
      }
      if (p.precision === 'city' || p.precision === 'admin1' || p.precision === 'admin2') {
        // Half for regions: a bare "Washington" in US news is the capital more often than the state.
        s += (p.precision === 'admin1' ? COUNTRY_W / 2 : COUNTRY_W) * Math.min(COUNTRY_CAP, sum(countryVotes, p.cc, c.key));
        if (p.precision === 'city' || p.precision === 'admin2') {
          s += REGION_W * Math.min(REGION_CAP, sum(regionVotes, a1key(p), c.key));
          // Near readings of other names of the article (local news names neighbours).
          s += NEAR_W * Math.min(3, support(c.key, p.lat, p.lon, true));
        }
      }
      // A town abroad that nothing else in the article points to, when another reading lies in the
      // country the article's other places are in ("Paris" in a story of Texas towns).
      if (p.precision === 'city' && quals.length === 0 && sum(countryVotes, p.cc, c.key) === 0 && !storyCountries.has(p.cc)) {
        homes ??= homeCountries(c);
        const home = homes[0]?.cc !== p.cc ? homes[0] : homes[1];
        // (Not in an article that goes abroad elsewhere: "from Texas to London and Paris".)
        if (home && !abroad(home.cc, c.key)) s -= UNSUPPORTED_ABROAD;
      }
      const foreignRegion = p.precision === 'country' ? c.hits.find((o) => o.place.precision === 'admin1' && o.place.cc !== p.cc) : undefined;
      if (foreignRegion && sum(countryVotes, foreignRegion.place.cc, c.key) >= 1) {
        // "Georgia" among US places is the state; among Russian ones the country.
        s -= 3 * Math.min(2, sum(countryVotes, foreignRegion.place.cc, c.key));
        s += 1.5 * Math.min(2, sum(countryVotes, p.cc, c.key));
      }
      // The story's places count like one more mention in the article.
      if (p.precision === 'city' || p.precision === 'admin1') {
        if (storyCountries.has(p.cc)) s += p.precision === 'city' ? COUNTRY_W : COUNTRY_W / 2;
        if (p.precision === 'city' && storyRegions.has(a1key(p))) s += 5;
      }
      for (const q of quals) {
        const qp = q.hit.place;
        if (qp.precision === 'country' && qp.cc === p.cc) s += 6;
        if (qp.precision === 'admin1' && a1key(qp) === a1key(p)) s += 8;
      }
      return s;
    });
    if (memoKey && memo === undefined) scored.set(memoKey, r);
    chosen.push(r);
    if (quals.length > 0) qualifiedAt.add(i);
    if (r && quals.length > 0 && r.hit.place.precision === 'city') {
      const g = `${c.key}|${c.levelHint ?? ''}`;
      if (!qualified.has(g)) qualified.set(g, r);
    }
  });
  // One sense per article: a name qualified once ("CHARLESTON, W.Va.") keeps that reading in its
  // other mentions, whose own evidence may be thinner ("Charleston Gold Dome Lions Club").
  // Likewise a mention whose readings the recognizer thinned ("Dublin Center Drive" keeps only the
  // big city) takes the reading of the name's fullest mention when it had every reading left here.
  const fullest = new Map<string, number>();
  cands.forEach((c, i) => {
    const g = `${c.key}|${c.levelHint ?? ''}`;
    const f = fullest.get(g);
    if (chosen[i] && (f === undefined || cands[f]!.hits.length < c.hits.length)) fullest.set(g, i);
  });
  chosen.forEach((r, i) => {
    if (!r) return;
    const c = cands[i]!;
    const g = `${c.key}|${c.levelHint ?? ''}`;
    const q = qualified.get(g);
    if (q && q !== r && r.hit.place.precision === 'city' && !qualifiedAt.has(i)) r = { ...r, hit: q.hit, score: q.score, margin: q.margin };
    else if (!q && !qualifiedAt.has(i)) {
      const f = fullest.get(g)!;
      const fr = chosen[f]!;
      const fc = cands[f]!;
      if (f !== i && fr.hit.place !== r.hit.place && fc.hits.length > c.hits.length && c.hits.every((h) => fc.hits.some((o) => o.place === h.place))) r = { ...r, hit: fr.hit, score: fr.score, margin: fr.margin };
    }
    // "X County" is placed at the town X, which is only near the county when the article's region agrees.
    if (c.levelHint === 'admin2' && sum(regionVotes, a1key(r.hit.place), c.key) < 0.5) return;
    out.push(r);
  });
  return out;
}

/** True when `q` (a country or first-level region) contains `p`. */
function contains(q: GazPlace, p: GazPlace): boolean {
  if (q.precision === 'country') return q.cc === p.cc;
  if (q.precision === 'admin1') return q.cc === p.cc && q.admin1 === p.admin1 && p.precision !== 'admin1';
  return false;
}

function best(c: Candidate, score: (h: GazHit) => number): Resolved | null {
  let top: GazHit | null = null;
  let topS = -Infinity;
  let second = -Infinity;
  for (const h of c.hits) {
    const s = score(h);
    if (s > topS) {
      second = topS;
      topS = s;
      top = h;
    } else if (s > second) second = s;
  }
  return top ? { candidate: c, hit: top, score: topS, margin: topS - second } : null;
}

/** Great-circle distance in km (haversine). */
export function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dp = (lat2 - lat1) * r;
  const dl = (lon2 - lon1) * r;
  const h = Math.sin(dp / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dl / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
