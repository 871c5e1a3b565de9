/** Pure formatters: report data -> Markdown, HTML, JSON, CSV; places -> GeoJSON. */
export { toMarkdown, storyToMarkdown, mdEscape } from './markdown.js';
export { toHTML, esc } from './html.js';
export { toJSON } from './json.js';
export { claimsToCSV, csvCell, articleCsvHeader, articleCsvRow, ARTICLE_CSV_COLUMNS } from './csv.js';
export { toGeoJSON } from './geojson.js';
export type { GeoPlace, GeoJSONFeature, GeoJSONFeatureCollection } from './geojson.js';
export type { Report, StoryReport, ReportArticle, ReportPlace } from './types.js';
