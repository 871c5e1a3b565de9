/**
 * The dates extractors and refiners, in the order they run. Registered in ../registry.ts.
 * Extractors are independent (each one pass over the tokens); overlaps are settled by the first
 * refiner, so the order of extractors only breaks ties between equally long spans.
 */
import type { Extractor, Refiner } from '../types.js';
import { absoluteDates } from './absolute.js';
import { durations } from './durations.js';
import { holidays } from './holidays.js';
import { periods } from './periods.js';
import { chainAnchors } from './refine-anchor.js';
import { clockDates } from './refine-clock.js';
import { finalizeTimexes } from './refine-finalize.js';
import { offsetAnchors } from './refine-offset.js';
import { removeOverlaps } from './refine-overlap.js';
import { resolveByTense } from './refine-tense.js';
import { relativeDates } from './relative.js';
import { sets } from './sets.js';
import { clockTimes } from './times.js';
import { weekdays } from './weekdays.js';

export const datesExtractors: Extractor[] = [absoluteDates, periods, relativeDates, weekdays, clockTimes, holidays, sets, durations];

// Order matters: overlaps first (one draft per span), then tense (fills years and days), then anchors
// (need resolved values to shift), then clock times and offsets (read resolved days), then finalize
// (drops drafts before other areas' refiners run).
export const datesRefiners: Refiner[] = [removeOverlaps, resolveByTense, chainAnchors, clockDates, offsetAnchors, finalizeTimexes];

/** Reference-date inference for documents without a publication date (set by the dates module). */
export { inferReference } from './infer-reference.js';
