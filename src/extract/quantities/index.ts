/** The quantities extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';
import { figuresExtractor } from './figures.js';
import { borrowComparedUnit } from './refiners.js';

export const quantitiesExtractors: Extractor[] = [figuresExtractor];
export const quantitiesRefiners: Refiner[] = [borrowComparedUnit];
