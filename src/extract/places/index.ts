/** The places extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';
import { createPlacesExtractor } from './extractor.js';

export const placesExtractors: Extractor[] = [createPlacesExtractor()];
export const placesRefiners: Refiner[] = [];
