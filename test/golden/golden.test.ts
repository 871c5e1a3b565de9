import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadArticles, runGolden } from './golden.js';

describe('golden: invented bridge-collapse and transfer stories', () => {
  const got = runGolden(loadArticles()) as {
    stories: Array<{ id: string; articles: string[] }>;
    checks: Array<{ story: string; groups: Array<{ verdict: string; independentSources: string[]; figures: string[] }> }>;
  };
  it('matches expected.json (regenerate with npx tsx test/golden/regenerate.ts and review the diff)', () => {
    const expected: unknown = JSON.parse(readFileSync(new URL('./expected.json', import.meta.url), 'utf8'));
    expect(got).toEqual(expected);
  });
  it('has the two stories', () => {
    expect(got.stories.map((s) => s.articles)).toEqual([['g1', 'g2', 'g3'], ['g4', 'g5']]);
  });
});
