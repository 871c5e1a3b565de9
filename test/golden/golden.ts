/**
 * Golden end-to-end case (CONVENTIONS 6): invented articles -> stories (online), extraction,
 * cross-check verdicts and independent-source counts, as one stable JSON summary. Used by
 * golden.test.ts (compare) and regenerate.ts (rewrite expected.json for review as a diff).
 */
import { readFileSync } from 'node:fs';
import { crossCheck, type CrossArticle } from '../../src/crosscheck/index.js';
import { createPipeline } from '../../src/extract/pipeline.js';
import { StoryClusterer, loadIdfPrior } from '../../src/stories/index.js';

export interface GoldenArticle {
  id: string;
  text: string;
  title: string;
  source: string;
  published: string;
  duplicateOf?: string;
}

export function loadArticles(): GoldenArticle[] {
  return readFileSync(new URL('./articles.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldenArticle);
}

export function runGolden(articles: readonly GoldenArticle[]): unknown {
  const k = new StoryClusterer();
  const prior = loadIdfPrior();
  if (prior) k.setPrior(prior.docs, prior.words, prior.names);
  const pipeline = createPipeline();
  const storyOf = new Map<string, string>();
  const byStory = new Map<string, CrossArticle[]>();
  for (const a of articles) {
    const story = a.duplicateOf ? storyOf.get(a.duplicateOf)! : k.assign(a).story;
    storyOf.set(a.id, story);
    const extraction = pipeline.extract({ id: a.id, text: a.text, published: a.published, title: a.title });
    (byStory.get(story) ?? byStory.set(story, []).get(story)!).push({ ...a, duplicateOf: a.duplicateOf ?? null, extraction });
  }
  return {
    stories: [...byStory].map(([id, arts]) => ({ id, articles: arts.map((a) => a.id) })),
    checks: [...byStory].map(([id, arts]) => ({
      story: id,
      groups: crossCheck(arts).groups.map((g) => ({
        measure: g.measure,
        verdict: g.verdict,
        figures: g.claims.map((c) => `${c.articleId}: ${c.span.text}`),
        independentSources: g.independentSources,
      })),
    })),
  };
}
