/**
 * Attribution refiners, in this order (index.ts):
 * 1. `attribution-merge`: drops a rule attribution whose cue or speaker overlaps a tagger
 *    attribution's (the tagger saw the whole sentence; the rule only the outlet pattern);
 * 2. `attribution-cites`: the outlet an attribution relays, from its speaker ("The Wall Street
 *    Journal reported") or the outlet right after its cue ("officials told the Wall Street Journal");
 * 3. `attribution-speakers`: `speakerCanonical`, pronouns resolved to the nearest person;
 * 4. `attribution-continuations`: one more attribution per later segment of a split quote.
 * Cites must run after merge so it sees only the attributions kept.
 */
import type { AttributionMention, EntityMention, Mention, Span } from '../../types.js';
import type { Doc, ExtractContext, Refiner } from '../types.js';
import { OUTLET_CUE_EXTRACTOR } from './outlet-cues.js';
import { findOutlets } from './outlets.js';
import { entityNames, heuristicNames, SpeakerResolver } from './speakers.js';
import { tokenIndexAt } from '../common/text.js';


export const mergeRefiner: Refiner = {
  name: 'attribution-merge',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    if (!mentions.some((m) => m.kind === 'attribution' && m.extractor === OUTLET_CUE_EXTRACTOR)) return [...mentions];
    // Characters covered by a tagger attribution's cue or speaker (linear, whatever the counts).
    const covered = new Uint8Array(doc.text.length + 1);
    for (const m of mentions) {
      if (m.kind !== 'attribution' || m.extractor === OUTLET_CUE_EXTRACTOR) continue;
      const t = m as AttributionMention;
      for (const s of [t.cue, t.speaker]) if (s) covered.fill(1, s.start, s.end);
    }
    const hit = (s: Span | null): boolean => {
      if (!s) return false;
      for (let i = s.start; i < s.end; i++) if (covered[i]) return true;
      return false;
    };
    return mentions.filter((m) => {
      if (m.kind !== 'attribution' || m.extractor !== OUTLET_CUE_EXTRACTOR) return true;
      const r = m as AttributionMention;
      return !hit(r.cue) && !hit(r.speaker);
    });
  },
};

/** How many tokens after the cue an outlet may start and still be its addressee ("told the ..."). */
const CITE_WINDOW_TOKENS = 4;


export const citesRefiner: Refiner = {
  name: 'attribution-cites',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    if (!mentions.some((m) => m.kind === 'attribution')) return [...mentions];
    const outlets = findOutlets(doc);
    const outletEntities = mentions.filter((m): m is EntityMention => m.kind === 'entity' && m.subtype === 'outlet');
    if (outlets.length === 0 && outletEntities.length === 0) return [...mentions];
    const outletAt = outletIndex(doc);
    const entityAt = new Int32Array(doc.tokens.length).fill(-1);
    outletEntities.forEach((e, i) => {
      for (let k = tokenIndexAt(doc.tokens, e.start); k < doc.tokens.length && doc.tokens[k]!.start < e.end; k++) entityAt[k] = i;
    });
    return mentions.map((m) => {
      if (m.kind !== 'attribution' || (m as AttributionMention).cites) return m;
      const a = m as AttributionMention;
      let cites: string | undefined;
      if (a.speaker) {
        for (let k = tokenIndexAt(doc.tokens, a.speaker.start); k < doc.tokens.length && doc.tokens[k]!.start < a.speaker.end && !cites; k++) {
          if (outletAt[k]! >= 0) cites = outlets[outletAt[k]!]!.canonical;
          else if (entityAt[k]! >= 0) cites = outletEntities[entityAt[k]!]!.canonical;
        }
      }
      if (!cites && a.cue) {
        // The outlet must open within the window after the cue, in the same sentence.
        const after = tokenIndexAt(doc.tokens, a.cue.end);
        for (let k = after; k < after + CITE_WINDOW_TOKENS && k < doc.tokens.length; k++) {
          const o = outletAt[k]!;
          if (o >= 0) {
            if (outlets[o]!.tokenStart === k && !crossesSentence(doc, a.cue.end, outlets[o]!.start)) cites = outlets[o]!.canonical;
            break;
          }
        }
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
    const outletAt = outletIndex(doc);
    const coveredByOutlet = (sp: { start: number; end: number }): number => {
      for (let k = tokenIndexAt(doc.tokens, sp.start); k < doc.tokens.length && doc.tokens[k]!.start < sp.end; k++) if (outletAt[k]! >= 0) return outletAt[k]!;
      return -1;
    };
    // Outlet names are not persons: "The New York Times" must not become a name candidate.
    const names = (fromEntities.length > 0 ? fromEntities : heuristicNames(doc)).filter((n) => coveredByOutlet(n) < 0).sort((x, y) => x.start - y.start);
    const outlets = findOutlets(doc);
    // The resolver sweeps forward: visit speakers in order of their end offset.
    const order = mentions
      .map((m, i) => ({ m, i }))
      .filter(({ m }) => m.kind === 'attribution' && (m as AttributionMention).speaker)
      .sort((x, y) => (x.m as AttributionMention).speaker!.end - (y.m as AttributionMention).speaker!.end);
    const resolver = new SpeakerResolver(names);
    const out = [...mentions];
    for (const { m, i } of order) {
      const a = m as AttributionMention;
      const o = coveredByOutlet(a.speaker!);
      const canonical = o >= 0 ? outlets[o]!.canonical : resolver.resolve(a.speaker!);
      if (canonical) out[i] = { ...a, speakerCanonical: canonical };
    }
    return out;
  },
};

/** For each token, the index (in findOutlets order) of the outlet name covering it, or -1. */
function outletIndex(doc: Doc): Int32Array {
  const at = new Int32Array(doc.tokens.length).fill(-1);
  findOutlets(doc).forEach((o, i) => {
    for (let k = o.tokenStart; k < o.tokenEnd; k++) at[k] = i;
  });
  return at;
}

/** The `reasons` entry of a continuation attribution (continuationsRefiner). */
export const CONTINUATION_REASON = 'continuation: later segment of a quote split by its cue';

/**
 * A quote split by its cue (`"A," she said, "B."`) keeps its first segment as `content` and the rest
 * in `contentSegments`; this refiner also lists each later segment as an attribution of its own, with
 * no speaker or cue span (those belong to the first part and are not repeated) but with the
 * speaker's canonical name and the cited outlet copied, so a consumer reading only
 * `speaker`/`cue`/`content` still sees every part of the quote and whom it belongs to. (The
 * reference scorer counts each content segment, PolNeAR-style; without this, everything after the
 * first segment would be invisible to a reader of `content`.) Runs last: it copies what the
 * speakers and cites refiners found.
 */
export const continuationsRefiner: Refiner = {
  name: 'attribution-continuations',
  refine(mentions: readonly Mention[], doc: Doc): Mention[] {
    if (!mentions.some((m) => m.kind === 'attribution' && (m as AttributionMention).contentSegments?.length)) return [...mentions];
    const out: Mention[] = [];
    for (const m of mentions) {
      out.push(m);
      if (m.kind !== 'attribution') continue;
      const a = m as AttributionMention;
      if (!a.contentSegments?.length) continue;
      const who = a.speakerCanonical ?? a.speaker?.text;
      for (const seg of a.contentSegments) {
        const c: AttributionMention = {
          kind: 'attribution',
          start: seg.start,
          end: seg.end,
          text: doc.text.slice(seg.start, seg.end),
          extractor: a.extractor,
          reasons: [CONTINUATION_REASON],
          speaker: null,
          cue: null,
          content: seg,
        };
        if (who) c.speakerCanonical = who;
        if (a.cites) c.cites = a.cites;
        out.push(c);
      }
    }
    return out;
  },
};
