/** Feeds: RSS 2.0, Atom and RDF parsing (parse.ts), JSON Feed (jsonfeed.ts). */
export * from './parse.js';
export { isJsonFeed, parseJsonFeed } from './jsonfeed.js';
