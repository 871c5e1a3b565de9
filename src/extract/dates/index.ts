/** The dates extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';

export const datesExtractors: Extractor[] = [];
export const datesRefiners: Refiner[] = [];

/** Reference-date inference for documents without a publication date (set by the dates module). */
export { inferReference } from './infer-reference.js';
