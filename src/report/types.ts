/** What the report formatters take: plain data, built by core (src/core/analyze.ts). */
import type { BriefSentence, ClaimGroup, Story, TimelineEvent } from '../types.js';

export interface ReportArticle {
  id: string;
  title: string | null;
  source: string | null;
  published: string | null;
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
  story: Story;
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
