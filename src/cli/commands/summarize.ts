/**
 * `tri summarize [--in FILE|-] [--out FILE|-] [--max-words N | --max-bytes N]`: JSONL clusters
 * `{"id","articles":[{"title"?,"text","source"?,"published"?}]}` -> `{"id","summary","sentences"}`
 * (DESIGN.md): the extractive brief, one sentence per line, each with its article index and offsets.
 */
import { buildBrief, orderForReading, summaryLine, type BriefArticle } from '../../crosscheck/brief.js';
import { jsonLine, openSink, optString, parseCommandArgs, readJsonl, UsageError, type CliIO } from '../io.js';

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
  const name = values.in === '-' ? 'stdin' : (values.in ?? 'stdin');
  const sink = openSink(values.out ?? '-', io);
  let failed = 0;
  let ok = 0;
  for await (const line of readJsonl(values.in ?? '-', io)) {
    if ('error' in line) {
      failed++;
      io.err(`tri summarize: ${line.error}\n`);
      await sink.write(jsonLine({ id: null, line: line.line, error: line.error }));
      continue;
    }
    let id = '';
    try {
      id = optString(line.value, 'id') ?? String(line.line);
      const raw = line.value.articles;
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
      await sink.write(jsonLine({ id, summary: sents.map((s) => summaryLine(s.text)).join('\n'), sentences: sents }));
      ok++;
    } catch (err) {
      failed++;
      const msg = `${name}:${line.line}: ${err instanceof Error ? err.message : String(err)}`;
      io.err(`tri summarize: ${msg}\n`);
      await sink.write(jsonLine({ id: id || null, line: line.line, error: msg }));
    }
  }
  await sink.close();
  if (failed > 0 && ok === 0) return 3;
  return failed > 0 ? 1 : 0;
}
