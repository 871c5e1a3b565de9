/** The attributions extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';
import { createTaggerExtractor, defaultModel } from './extractor.js';
import { outletCueExtractor } from './outlet-cues.js';
import { citesRefiner, continuationsRefiner, mergeRefiner, speakersRefiner } from './refiners.js';

export const attributionsExtractors: Extractor[] = [createTaggerExtractor(defaultModel), outletCueExtractor];
// Order matters: merge first (cites and speakers only see the attributions kept), see refiners.ts.
export const attributionsRefiners: Refiner[] = [mergeRefiner, citesRefiner, speakersRefiner, continuationsRefiner];
