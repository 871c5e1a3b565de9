/** The OpenAPI 3.1 document served at /api/openapi.json (kept beside the routes it describes). */

const page = (item: string) => ({
  type: 'object',
  properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, total: { type: ['integer', 'null'] }, offset: { type: 'integer' }, limit: { type: 'integer' } },
  required: ['items', 'total', 'offset', 'limit'],
});
const paging = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 200, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
];
const error = { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const json = (schema: object, description = 'ok') => ({ description, content: { 'application/json': { schema } } });

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Triangulate API',
    version: '0.1.0',
    description: 'Articles, stories, cross-checked claims and exports. Reads are open to localhost only unless the server runs with --allow-remote; writes need "Authorization: Bearer <TRI_TOKEN>".',
  },
  components: {
    securitySchemes: { token: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } } },
      ArticleSummary: { type: 'object', description: 'An article without its text (see src/types.ts Article).', properties: { id: { type: 'string' }, title: { type: ['string', 'null'] }, source: { type: ['string', 'null'] }, published: { type: ['string', 'null'] }, url: { type: ['string', 'null'] }, storyId: { type: ['string', 'null'] }, duplicateOf: { type: ['string', 'null'] }, chars: { type: 'integer' } } },
      ArticleDetail: { type: 'object', properties: { article: { type: 'object' }, extraction: { type: ['object', 'null'], description: 'The `tri extract` shape.' } } },
      SearchResult: { type: 'object', properties: { article: { $ref: '#/components/schemas/ArticleSummary' }, snippet: { type: 'string' }, rank: { type: 'number' } } },
      StoryListItem: { type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, size: { type: 'integer' }, outlets: { type: 'array', items: { type: 'string' } }, firstSeen: { type: ['string', 'null'] }, lastSeen: { type: ['string', 'null'] }, contradictions: { type: ['integer', 'null'] } } },
      StoryDetail: { type: 'object', properties: { story: { type: 'object' }, articles: { type: 'array' }, brief: { type: 'array' }, claims: { type: 'array' }, timeline: { type: 'array' }, entities: { type: 'array' }, places: { type: 'array' } } },
      IngestRequest: { type: 'object', properties: { documents: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' }, html: { type: 'string' }, title: { type: 'string' }, url: { type: 'string' }, published: { type: 'string' }, source: { type: 'string' }, lang: { type: 'string' }, id: { type: 'string' } } } }, urls: { type: 'array', items: { type: 'string', format: 'uri' } } } },
      IngestResponse: { type: 'object', properties: { new: { type: 'integer' }, nearDuplicates: { type: 'integer' }, exactDuplicates: { type: 'integer' }, notArticles: { type: 'integer' }, failed: { type: 'integer' }, problems: { type: 'array' }, articleIds: { type: 'array', items: { type: 'string' } } } },
    },
  },
  paths: {
    '/api/health': { get: { summary: 'Liveness', responses: { 200: json({ type: 'object' }) } } },
    '/api/articles': { get: { summary: 'List articles in ingestion order', parameters: [...paging, { name: 'story', in: 'query', schema: { type: 'string' } }], responses: { 200: json(page('ArticleSummary')), 400: error } } },
    '/api/articles/{id}': { get: { summary: 'One article with its mentions', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json({ $ref: '#/components/schemas/ArticleDetail' }), 404: error } } },
    '/api/search': { get: { summary: 'Full-text search over titles and texts', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 500 } }, ...paging], responses: { 200: json(page('SearchResult')), 400: error } } },
    '/api/stories': { get: { summary: 'Stories, largest first', parameters: paging, responses: { 200: json(page('StoryListItem')) } } },
    '/api/stories/{id}': { get: { summary: 'One story: brief with citations, claims with verdicts, timeline, entities, places', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: json({ $ref: '#/components/schemas/StoryDetail' }), 404: error } } },
    '/api/ingest': {
      post: {
        summary: 'Ingest articles through the same pipeline as `tri ingest`',
        security: [{ token: [] }],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/IngestRequest' } },
            'application/x-ndjson': { schema: { type: 'string', description: 'one article object per line' } },
            'text/html': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        responses: { 200: json({ $ref: '#/components/schemas/IngestResponse' }), 201: json({ $ref: '#/components/schemas/IngestResponse' }, 'articles stored'), 400: error, 401: error, 403: error, 413: error, 415: error },
      },
    },
    '/api/export': { get: { summary: 'Export articles (jsonl, csv) or places (geojson)', parameters: [{ name: 'format', in: 'query', required: true, schema: { enum: ['jsonl', 'csv', 'geojson'] } }, { name: 'story', in: 'query', schema: { type: 'string' } }], responses: { 200: { description: 'the export' }, 400: error } } },
    '/api/map/world': { get: { summary: 'Country outlines for the offline map (GeoJSON)', responses: { 200: json({ type: 'object' }) } } },
  },
} as const;
