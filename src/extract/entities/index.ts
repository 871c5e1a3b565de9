/** The entities extractors and refiners, in the order they run. Registered in ../registry.ts. */
import type { Extractor, Refiner } from '../types.js';
import { nerExtractor } from './ner.js';
import { linkRefiner, outletRefiner, typeConsistencyRefiner } from './canonical.js';

export { canonicalKey, sameEntity, stripTitles } from './canonical.js';

export const entitiesExtractors: Extractor[] = [nerExtractor()];
// Order: outlets first (lexicon names are final), then document-level type consistency, then
// linking, which groups by type and so must see the repaired types.
export const entitiesRefiners: Refiner[] = [outletRefiner, typeConsistencyRefiner, linkRefiner];
