/**
 * The ordered lists (CONVENTIONS 1-2, chrono's configuration.ts). Order matters:
 * - dates first: their spans are reserved, so figures never claim "2024" or "6 August";
 * - entities before places and attributions: places reuse LOC spans, attributions need speakers;
 * - places before quantities: "Boeing 747"-style names are already spans;
 * - attributions last: they read every earlier mention (speakers, cited outlets).
 * Each area's own refiners run after all extractors, in the same area order.
 */
import type { Extractor, Refiner, ReferenceInferrer } from './types.js';
import { datesExtractors, datesRefiners, inferReference } from './dates/index.js';
import { entitiesExtractors, entitiesRefiners } from './entities/index.js';
import { placesExtractors, placesRefiners } from './places/index.js';
import { quantitiesExtractors, quantitiesRefiners } from './quantities/index.js';
import { attributionsExtractors, attributionsRefiners } from './attributions/index.js';

export interface Registry {
  extractors: readonly Extractor[];
  refiners: readonly Refiner[];
  inferReference: ReferenceInferrer;
}

/** A fresh registry per pipeline instance (no shared mutable state: CONVENTIONS 4). */
export function defaultRegistry(): Registry {
  return {
    extractors: [...datesExtractors, ...entitiesExtractors, ...placesExtractors, ...quantitiesExtractors, ...attributionsExtractors],
    refiners: [...datesRefiners, ...entitiesRefiners, ...placesRefiners, ...quantitiesRefiners, ...attributionsRefiners],
    inferReference,
  };
}
