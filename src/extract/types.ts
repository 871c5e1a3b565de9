/**
 * The extractor contract (CONVENTIONS 1-4): small single-concern extractors in one ordered list,
 * then a fold of refiners. No extractor imports another; later extractors see earlier mentions
 * through `ctx.prior`, never through imports.
 */
import type { Mention, MentionKind, PublishedRef } from '../types.js';
import type { Sentence, Token } from './common/text.js';

/** A document prepared once for all extractors: text, tokens and sentences with offsets. */
export interface Doc {
  id: string;
  text: string;
  title?: string;
  source?: string;
  url?: string;
  lang?: string;
  /** Tokens in order; offsets into `text`. */
  tokens: readonly Token[];
  /** Sentences in order; `tokenStart`/`tokenEnd` index into `tokens`. */
  sentences: readonly Sentence[];
}

/** What an extractor may know besides the document. Never the clock or the environment. */
export interface ExtractContext {
  /** The reference date relative expressions resolve against (given or inferred), or null. */
  reference: PublishedRef | null;
  /** Mentions produced by the extractors that ran before this one, in registry order. */
  prior: readonly Mention[];
}

export interface Extractor<M extends Mention = Mention> {
  /** Unique, stable name; written into each mention's `extractor`. */
  readonly name: string;
  readonly kind: MentionKind;
  extract(doc: Doc, ctx: ExtractContext): M[];
}

/** A pure clean-up step over all mentions of a document (CONVENTIONS 2). */
export interface Refiner {
  readonly name: string;
  refine(mentions: readonly Mention[], doc: Doc, ctx: ExtractContext): Mention[];
}

/** Infers the reference date of a document that came without one. */
export type ReferenceInferrer = (doc: Doc) => PublishedRef | null;
