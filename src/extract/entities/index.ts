/** The entities extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';

export const entitiesExtractors: Extractor[] = [];
export const entitiesRefiners: Refiner[] = [];
