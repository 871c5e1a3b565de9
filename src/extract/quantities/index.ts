/** The quantities extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';
import { figuresExtractor } from './figures.js';
import { borrowComparedUnit, mergeFromToRanges } from './refiners.js';

export const quantitiesExtractors: Extractor[] = [figuresExtractor];
// mergeFromToRanges first: a "to" figure that joins a range must not borrow a unit as a figure of its own
export const quantitiesRefiners: Refiner[] = [mergeFromToRanges, borrowComparedUnit];
