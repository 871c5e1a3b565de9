/** What the report formatters take: plain data, built by core (src/core/analyze.ts). */
import type { BriefSentence, ClaimGroup, Story, TimelineEvent } from '../types.js';

export interface ReportArticle {
  id: string;
  title: string | null;
  source: string | null;
  /** The given publication date, else the inferred one (then `publishedInferred` is true). */
  published: string | null;
  publishedInferred?: boolean;
  /** The inferred date is the story's (the text gives none): approximate. */
  publishedFromStory?: boolean;
  url: string | null;
  duplicateOf: string | null;
}

export interface ReportPlace {
  name: string;
  lat: number;
  lon: number;
  country?: string;
  precision?: string;
  /** Mentions across the story's articles. */
  count: number;
  articleIds: string[];
}

export interface StoryReport {
  /** The story; its first/last seen dates come from the articles' dates, inferred ones included. */
  story: Story;
  /** True when the story's date range rests on inferred publication dates. */
  datesInferred?: boolean;
  /** True when no article of the story is dated: its first/last seen are ingestion times. */
  undated?: boolean;
  articles: ReportArticle[];
  brief: BriefSentence[];
  groups: ClaimGroup[];
  timeline: TimelineEvent[];
  entities: Array<{ name: string; type: string; count: number }>;
  places: ReportPlace[];
}

export interface Report {
  stories: StoryReport[];
}
