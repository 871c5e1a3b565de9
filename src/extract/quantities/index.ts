/** The quantities extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';

export const quantitiesExtractors: Extractor[] = [];
export const quantitiesRefiners: Refiner[] = [];
