/**
 * Cross-checking one story: claims from figures, aligned across articles with verdicts and
 * independent-source counts, a merged timeline and a cited brief.
 */
import type { BriefSentence, ClaimGroup, TimelineEvent } from '../types.js';
import { alignClaims } from './align.js';
import { buildBrief, orderForReading } from './brief.js';
import { articleClaims, type ClaimInfo, type CrossArticle } from './claims.js';
import { buildTimeline } from './timeline.js';

export { alignClaims, claimInterval, pairVerdict } from './align.js';
export { articleClaims } from './claims.js';
export type { ClaimInfo, CrossArticle } from './claims.js';
export { buildBrief, orderForReading, summaryLine, DEFAULT_BRIEF_OPTIONS } from './brief.js';
export type { BriefArticle, BriefOptions, BriefSentenceRef } from './brief.js';
export { buildTimeline } from './timeline.js';

export interface CrossCheck {
  claims: ClaimInfo[];
  groups: ClaimGroup[];
  timeline: TimelineEvent[];
  brief: BriefSentence[];
}

/** Everything the report shows for one story. Articles in arrival order. */
export function crossCheck(articles: readonly CrossArticle[], briefWords = 150): CrossCheck {
  const claims = articles.flatMap((a) => articleClaims(a));
  const groups = alignClaims(claims, articles);
  // Contradictions first: they are what a fact-checker looks at.
  const rank: Record<string, number> = { contradict: 0, 'consistent-aggregate': 1, refine: 2, agree: 3, single: 4 };
  groups.sort((a, b) => (rank[a.verdict] ?? 9) - (rank[b.verdict] ?? 9));
  // Near-duplicates add nothing to a brief: summarise the originals.
  const originals = articles.filter((a) => !a.duplicateOf);
  const briefInput = originals.map((a) => ({ text: a.text, title: a.title ?? null, source: a.source ?? null, published: a.published ?? null }));
  const brief = orderForReading(buildBrief(briefInput, { maxWords: briefWords }), briefInput).map((s) => ({
    text: s.text,
    articleId: originals[s.article]!.id,
    start: s.start,
    end: s.end,
  }));
  return { claims, groups, timeline: buildTimeline(articles), brief };
}
