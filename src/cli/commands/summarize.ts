/**
 * `tri summarize [--in FILE|-] [--out FILE|-] [--max-words N | --max-bytes N]`: JSONL clusters
 * `{"id","articles":[{"title"?,"text","source"?,"published"?}]}` -> `{"id","summary","sentences"}`
 * (DESIGN.md): the extractive brief, one sentence per line, each with its article index and offsets.
 */
import { buildBrief, orderForReading, summaryLine, type BriefArticle } from '../../crosscheck/brief.js';
import { mapJsonl, optString, parseCommandArgs, UsageError, type CliIO } from '../io.js';

export const summary = 'JSONL clusters -> cited extractive briefs';

function positiveInt(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${v}"`);
  return n;
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    in: { type: 'string', default: '-' },
    out: { type: 'string', default: '-' },
    'max-words': { type: 'string' },
    'max-bytes': { type: 'string' },
    order: { type: 'string', default: 'selection' },
    help: { type: 'boolean' },
  }, false);
  if (values.help) {
    io.out('usage: tri summarize [--in FILE|-] [--out FILE|-] [--max-words N | --max-bytes N] [--order selection|reading]\n');
    return 0;
  }
  const maxWords = positiveInt('max-words', values['max-words']);
  const maxBytes = positiveInt('max-bytes', values['max-bytes']);
  if (maxWords !== undefined && maxBytes !== undefined) throw new UsageError('give --max-words or --max-bytes, not both');
  const order = values.order ?? 'selection';
  if (order !== 'selection' && order !== 'reading') throw new UsageError(`--order must be "selection" or "reading", got "${order}"`);
  return mapJsonl('summarize', values, io, (rec, id) => {
    const raw = rec.articles;
    if (!Array.isArray(raw)) throw new Error('missing "articles" array');
    const articles: BriefArticle[] = raw.map((a, i) => {
      if (a === null || typeof a !== 'object') throw new Error(`articles[${i}] is not an object`);
      const r = a as Record<string, unknown>;
      return {
        text: optString(r, 'text') ?? '',
        title: optString(r, 'title') ?? null,
        source: optString(r, 'source') ?? null,
        published: optString(r, 'published') ?? optString(r, 'date') ?? null,
      };
    });
    let sents = buildBrief(articles, { ...(maxWords !== undefined ? { maxWords } : {}), ...(maxBytes !== undefined ? { maxBytes } : {}) });
    if (order === 'reading') sents = orderForReading(sents, articles);
    return { id, summary: sents.map((s) => summaryLine(s.text)).join('\n'), sentences: sents };
  });
}
