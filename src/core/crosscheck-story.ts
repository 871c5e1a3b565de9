/**
 * The cross-check of one stored story, as the server and report use it.
 * (Wired to src/crosscheck when it lands; until then: no brief, claims or timeline.)
 */
import type { CrossCheck } from './story-detail.js';

export const crossCheckStory: CrossCheck = () => ({ brief: [], claims: [], timeline: [] });
