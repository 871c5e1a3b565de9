/**
 * The gazetteer toponym extractor: recognises place names (recognize.ts), resolves each to one
 * gazetteer record with coordinates and a precision (resolve.ts). Uses NER PER spans from earlier
 * extractors to skip people, and their LOC spans as support; news outlets and phrases such as
 * "White House" are never places.
 */
import type { EntityMention, PlaceMention, PlacePrecision } from '../../types.js';
import { OUTLETS } from '../lexicons/outlets.js';
import type { Doc, ExtractContext, Extractor } from '../types.js';
import { NOT_PLACES } from './cues.js';
import { loadGazetteer, type Gazetteer } from './gazetteer.js';
import { recognize, type Interval } from './recognize.js';
import { DEFAULT_TUNING, resolve, type ResolveTuning, type StoryPlace } from './resolve.js';

export interface PlacesOptions {
  /** The gazetteer (default: the bundled one, loaded lazily on first use). */
  gazetteer?: () => Gazetteer;
  /** Places of the story this article belongs to, to break ties ("Kursk" the oblast in a war story). */
  storyPlaces?: readonly StoryPlace[];
  /** Context weights of the resolution (default DEFAULT_TUNING). */
  tuning?: Partial<ResolveTuning>;
}

const PHRASES = [...NOT_PLACES, ...OUTLETS.flatMap((o) => o.aliases)];

/** Occurrences of fixed non-place phrases, on word boundaries, case-sensitive. */
export function blockedPhrases(text: string): Interval[] {
  const out: Interval[] = [];
  for (const p of PHRASES) {
    let from = 0;
    for (;;) {
      const k = text.indexOf(p, from);
      if (k < 0) break;
      from = k + 1;
      const before = text[k - 1] ?? ' ';
      const after = text[k + p.length] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      out.push({ start: k, end: k + p.length, kind: 'block' });
    }
  }
  return out;
}

export function createPlacesExtractor(opts: PlacesOptions = {}): Extractor<PlaceMention> {
  const getGaz = opts.gazetteer ?? loadGazetteer;
  const tuning: ResolveTuning = { ...DEFAULT_TUNING, ...opts.tuning };
  for (const [k, v] of Object.entries(tuning)) {
    if (!Number.isFinite(v) || v < 0) throw new Error(`places extractor: tuning.${k} must be a non-negative number, got ${String(v)}`);
  }
  return {
    name: 'places.gazetteer',
    kind: 'place',
    extract(doc: Doc, ctx: ExtractContext): PlaceMention[] {
      const gaz = getGaz();
      const intervals: Interval[] = blockedPhrases(doc.text);
      for (const m of ctx.prior) {
        if (m.kind !== 'entity') continue;
        const e = m as EntityMention;
        if (e.type === 'PER') intervals.push({ start: e.start, end: e.end, kind: 'person' });
        else if (e.type === 'LOC') intervals.push({ start: e.start, end: e.end, kind: 'loc' });
      }
      const cands = recognize(doc, gaz, intervals);
      return resolve(cands, opts.storyPlaces ?? [], tuning).map(({ candidate: c, hit, margin }) => {
        const p = hit.place;
        const precision: PlacePrecision = c.levelHint === 'admin2' && p.precision === 'city' ? 'admin2' : p.precision;
        const m: PlaceMention = {
          kind: 'place',
          start: c.start,
          end: c.end,
          text: doc.text.slice(c.start, c.end),
          extractor: 'places.gazetteer',
          reasons: [`gazetteer: ${p.precision} ${p.name}${p.cc ? ` (${p.cc})` : ''}, via ${hit.via}`, ...c.reasons],
          confidence: Number((c.hits.length === 1 ? 0.9 : Math.min(0.9, 0.5 + margin / 10)).toFixed(2)),
          name: p.name,
          lat: p.lat,
          lon: p.lon,
          precision,
        };
        if (/^\d+$/.test(p.id)) m.geonameid = Number(p.id);
        if (p.cc) m.country = p.cc;
        if (c.metonymy) m.metonymy = true;
        return m;
      });
    },
  };
}
