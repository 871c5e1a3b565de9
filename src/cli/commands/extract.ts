/**
 * `tri extract [--in FILE|-] [--out FILE|-]`: JSONL documents in, one extraction line per document out
 * (DESIGN.md). A bad line gets `{"id", "error"}` and the batch goes on.
 */
import { createPipeline } from '../../extract/pipeline.js';
import type { Extraction, Mention } from '../../types.js';
import { jsonLine, openSink, optString, parseCommandArgs, readJsonl, type CliIO } from '../io.js';

export { jsonLine };

export const summary = 'JSONL documents -> entities, dates, places, figures, attributions';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    in: { type: 'string', default: '-' },
    out: { type: 'string', default: '-' },
    help: { type: 'boolean' },
  }, false);
  if (values.help) {
    io.out('usage: tri extract [--in FILE|-] [--out FILE|-]\n');
    return 0;
  }
  const pipeline = createPipeline();
  const sink = openSink(values.out ?? '-', io);
  let failed = 0;
  let ok = 0;
  for await (const line of readJsonl(values.in ?? '-', io)) {
    if ('error' in line) {
      failed++;
      io.err(`tri extract: ${line.error}\n`);
      await sink.write(jsonLine({ id: null, line: line.line, error: line.error }));
      continue;
    }
    const rec = line.value;
    let id = '';
    try {
      id = optString(rec, 'id') ?? String(line.line);
      const text = optString(rec, 'text');
      if (text === undefined) throw new Error('missing "text"');
      const published = optString(rec, 'published');
      const title = optString(rec, 'title');
      const url = optString(rec, 'url');
      const source = optString(rec, 'source');
      const result = pipeline.extract({
        id,
        text,
        ...(published !== undefined ? { published } : {}),
        ...(title !== undefined ? { title } : {}),
        ...(url !== undefined ? { url } : {}),
        ...(source !== undefined ? { source } : {}),
      });
      await sink.write(jsonLine(serializeExtraction(result)));
      ok++;
    } catch (err) {
      failed++;
      const msg = `${values.in === '-' ? 'stdin' : values.in}:${line.line}: ${err instanceof Error ? err.message : String(err)}`;
      io.err(`tri extract: ${msg}\n`);
      await sink.write(jsonLine({ id: id || null, line: line.line, error: msg }));
    }
  }
  await sink.close();
  if (failed > 0 && ok === 0) return 3;
  return failed > 0 ? 1 : 0;
}

/** The DESIGN.md line: mentions without their internal `kind` tag. */
export function serializeExtraction(x: Extraction): Record<string, unknown> {
  const strip = (m: Mention): Record<string, unknown> => {
    const { kind: _kind, ...rest } = m;
    return rest;
  };
  return {
    id: x.id,
    entities: x.entities.map(strip),
    timexes: x.timexes.map(strip),
    places: x.places.map(strip),
    quantities: x.quantities.map(strip),
    attributions: x.attributions.map(strip),
    published: x.published,
  };
}
