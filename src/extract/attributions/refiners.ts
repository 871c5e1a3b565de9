/**
 * Attribution refiners, in this order (index.ts):
 * 1. `attribution-merge`: drops a rule attribution whose cue or speaker overlaps a tagger
 *    attribution's (the tagger saw the whole sentence; the rule only the outlet pattern);
 * 2. `attribution-cites`: the outlet an attribution relays, from its speaker ("The Wall Street
 *    Journal reported") or the outlet right after its cue ("officials told the Wall Street Journal");
 * 3. `attribution-speakers`: `speakerCanonical`, pronouns resolved to the nearest person.
 * Cites must run after merge so it sees only the attributions kept.
 */
import type { AttributionMention, EntityMention, Mention } from '../../types.js';
import type { Doc, ExtractContext, Refiner } from '../types.js';
import { OUTLET_CUE_EXTRACTOR } from './outlet-cues.js';
import { findOutlets } from './outlets.js';
import { entityNames, heuristicNames, resolveSpeaker } from './speakers.js';

const overlaps = (a: { start: number; end: number } | null, b: { start: number; end: number } | null): boolean => a !== null && b !== null && a.start < b.end && b.start < a.end;

export const mergeRefiner: Refiner = {
  name: 'attribution-merge',
  refine(mentions: readonly Mention[]): Mention[] {
    const model = mentions.filter((m): m is AttributionMention => m.kind === 'attribution' && m.extractor !== OUTLET_CUE_EXTRACTOR);
    return mentions.filter((m) => {
      if (m.kind !== 'attribution' || m.extractor !== OUTLET_CUE_EXTRACTOR) return true;
      const r = m as AttributionMention;
      return !model.some((t) => overlaps(t.cue, r.cue) || overlaps(t.speaker, r.speaker) || overlaps(t.cue, r.speaker));
    });
  },
};

/** How many tokens after the cue an outlet may start and still be its addressee ("told the ..."). */
const CITE_WINDOW_TOKENS = 4;

function tokenAt(doc: Doc, pos: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const citesRefiner: Refiner = {
  name: 'attribution-cites',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    if (!mentions.some((m) => m.kind === 'attribution')) return [...mentions];
    const outlets = findOutlets(doc);
    const outletEntities = mentions.filter((m): m is EntityMention => m.kind === 'entity' && m.subtype === 'outlet');
    if (outlets.length === 0 && outletEntities.length === 0) return [...mentions];
    return mentions.map((m) => {
      if (m.kind !== 'attribution' || (m as AttributionMention).cites) return m;
      const a = m as AttributionMention;
      let cites: string | undefined;
      if (a.speaker) {
        cites = outlets.find((o) => overlaps(o, a.speaker))?.canonical ?? outletEntities.find((e) => overlaps(e, a.speaker))?.canonical;
      }
      if (!cites && a.cue) {
        const after = tokenAt(doc, a.cue.end);
        cites = outlets.find((o) => o.tokenStart >= after && o.tokenStart - after < CITE_WINDOW_TOKENS && !crossesSentence(doc, a.cue!.end, o.start))?.canonical;
      }
      return cites ? { ...a, cites } : a;
    });
  },
};

function crossesSentence(doc: Doc, from: number, to: number): boolean {
  const between = doc.text.slice(from, to);
  return /[.!?]\s/u.test(between);
}

export const speakersRefiner: Refiner = {
  name: 'attribution-speakers',
  refine(mentions: readonly Mention[], doc: Doc, _ctx: ExtractContext): Mention[] {
    if (!mentions.some((m) => m.kind === 'attribution' && (m as AttributionMention).speaker)) return [...mentions];
    const entities = mentions.filter((m): m is EntityMention => m.kind === 'entity');
    const fromEntities = entityNames(entities);
    const outlets = findOutlets(doc);
    // Outlet names are not persons: "The New York Times" must not become a name candidate.
    const names = (fromEntities.length > 0 ? fromEntities : heuristicNames(doc))
      .filter((n) => !outlets.some((o) => overlaps(o, n)))
      .sort((x, y) => x.start - y.start);
    return mentions.map((m) => {
      if (m.kind !== 'attribution') return m;
      const a = m as AttributionMention;
      if (!a.speaker) return a;
      const outlet = outlets.find((o) => overlaps(o, a.speaker));
      const canonical = outlet ? outlet.canonical : resolveSpeaker(a.speaker, names);
      return canonical ? { ...a, speakerCanonical: canonical } : a;
    });
  },
};
