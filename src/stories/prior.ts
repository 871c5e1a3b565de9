/**
 * The background document frequencies trained by models/train-story-idf.mjs (models/story-idf.json).
 * Read once from the package's models/ folder; a missing file yields null (the clusterer then learns
 * IDF from the stream alone).
 */
import { readFileSync } from 'node:fs';

export interface IdfPrior {
  docs: number;
  words: Array<[string, number]>;
  names: Array<[string, number]>;
}

let cached: IdfPrior | null | undefined;

/** Loads models/story-idf.json (cached), or null when it is absent. Throws when it is malformed. */
export function loadIdfPrior(): IdfPrior | null {
  if (cached !== undefined) return cached;
  let raw: string;
  try {
    // src/stories/ and dist/stories/ both sit two levels below the package root.
    raw = readFileSync(new URL('../../models/story-idf.json', import.meta.url), 'utf8');
  } catch {
    cached = null;
    return null;
  }
  const v = JSON.parse(raw) as Partial<IdfPrior>;
  if (typeof v.docs !== 'number' || !Array.isArray(v.words) || !Array.isArray(v.names))
    throw new Error('stories: models/story-idf.json is not an IDF table (docs, words, names)');
  cached = { docs: v.docs, words: v.words, names: v.names };
  return cached;
}
