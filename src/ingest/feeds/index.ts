/** Feeds: RSS 2.0, Atom and RDF parsing (parse.ts). */
export * from './parse.js';
