/**
 * `tri extract [--in FILE|-] [--out FILE|-]`: JSONL documents in, one extraction line per document out
 * (DESIGN.md). A bad line gets `{"id", "error"}` and the batch goes on.
 */
import { createPipeline } from '../../extract/pipeline.js';
import type { Extraction, Mention } from '../../types.js';
import { jsonLine, mapJsonl, optString, parseCommandArgs, type CliIO } from '../io.js';

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
  return mapJsonl('extract', values, io, (rec, id) => {
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
    return serializeExtraction(result);
  });
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
