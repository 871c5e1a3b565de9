/** Streaming story clustering (see clusterer.ts). */
export { StoryClusterer, DEFAULT_CLUSTERER_OPTIONS, dayNumber } from './clusterer.js';
export type { ClustererOptions, ClustererState, StoryInput, Assignment } from './clusterer.js';
export { articleFeatures, stem, STOPWORDS } from './features.js';
export type { ArticleFeatures } from './features.js';
export { loadIdfPrior } from './prior.js';
export type { IdfPrior } from './prior.js';
