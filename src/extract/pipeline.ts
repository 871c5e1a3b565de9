/**
 * Runs the registry over one document: reference date (given or inferred), extractors in order
 * (each sees the mentions before it), then the refiners as a fold. Pure: no clock, no environment.
 */
import type {
  AttributionMention,
  EntityMention,
  Extraction,
  Mention,
  PlaceMention,
  PublishedRef,
  QuantityMention,
  TimexMention,
} from '../types.js';
import { prepareDoc } from './common/text.js';
import { defaultRegistry, type Registry } from './registry.js';
import type { Doc, ExtractContext } from './types.js';

export interface ExtractInput {
  id: string;
  text: string;
  /** ISO date or datetime; when absent the reference is inferred from the text. */
  published?: string | null;
  /**
   * The reference to use when no date is given and the text yields none (e.g. the date of the story
   * the article belongs to). Relative expressions then resolve against it; it should be `inferred`
   * with a low confidence so that what rests on it reads as approximate.
   */
  fallbackReference?: PublishedRef;
  title?: string;
  url?: string;
  source?: string;
  lang?: string;
}

export interface Pipeline {
  /** Extracts all mentions of one document. */
  run(input: ExtractInput): { doc: Doc; mentions: Mention[]; reference: PublishedRef | null };
  /** Same, grouped in the `tri extract` shape. */
  extract(input: ExtractInput): Extraction;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Normalises a given publication date to an ISO date(time), or throws naming the bad value. */
export function normalizePublished(value: string, id: string): string {
  const v = value.trim();
  if (ISO_DATE.test(v)) return v.replace(' ', 'T');
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw new Error(`document ${id}: "published" is not a date: ${JSON.stringify(value)}`);
  return new Date(t).toISOString();
}

export function createPipeline(registry: Registry = defaultRegistry()): Pipeline {
  const run: Pipeline['run'] = (input) => {
    const doc = prepareDoc(input);
    const reference: PublishedRef | null =
      input.published != null && input.published !== ''
        ? { value: normalizePublished(input.published, input.id), inferred: false }
        : (registry.inferReference(doc) ?? input.fallbackReference ?? null);
    let mentions: Mention[] = [];
    for (const ex of registry.extractors) {
      // Each extractor sees a snapshot of the mentions before it (it may keep the array).
      const ctx: ExtractContext = { reference, prior: mentions };
      const found = ex.extract(doc, ctx);
      if (found.length > 0) mentions = mentions.concat(found);
    }
    const ctx: ExtractContext = { reference, prior: mentions };
    for (const r of registry.refiners) mentions = r.refine(mentions, doc, ctx);
    return { doc, mentions, reference };
  };
  return {
    run,
    extract(input) {
      const { mentions, reference } = run(input);
      return toExtraction(input.id, mentions, reference);
    },
  };
}

/** Groups mentions by kind, sorted by offset. */
export function toExtraction(id: string, mentions: readonly Mention[], reference: PublishedRef | null): Extraction {
  const out: Extraction = { id, entities: [], timexes: [], places: [], quantities: [], attributions: [], published: reference };
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of sorted) {
    switch (m.kind) {
      case 'entity':
        out.entities.push(m as EntityMention);
        break;
      case 'time':
        out.timexes.push(m as TimexMention);
        break;
      case 'place':
        out.places.push(m as PlaceMention);
        break;
      case 'quantity':
        out.quantities.push(m as QuantityMention);
        break;
      case 'attribution':
        out.attributions.push(m as AttributionMention);
        break;
    }
  }
  return out;
}
