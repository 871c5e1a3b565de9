/**
 * `tri stories [--in FILE|-] [--out FILE|-]`: JSONL articles in arrival order -> `{"id","story"}`
 * per article, decided online (DESIGN.md): an article's story is fixed when it is read.
 * A bad line gets `{"id","error"}` and the stream goes on.
 */
import { loadIdfPrior, StoryClusterer } from '../../stories/index.js';
import { jsonLine, openSink, optString, parseCommandArgs, readJsonl, UsageError, type CliIO } from '../io.js';

export const summary = 'JSONL articles -> story ids, decided online';

export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    in: { type: 'string', default: '-' },
    out: { type: 'string', default: '-' },
    threshold: { type: 'string' },
    help: { type: 'boolean' },
  }, false);
  if (values.help) {
    io.out('usage: tri stories [--in FILE|-] [--out FILE|-] [--threshold 0..1]\n');
    return 0;
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    threshold = Number(values.threshold);
    if (!(threshold >= 0 && threshold <= 1)) throw new UsageError(`--threshold must be a number in [0, 1], got "${values.threshold}"`);
  }
  const clusterer = new StoryClusterer(threshold !== undefined ? { threshold } : {});
  const prior = loadIdfPrior();
  if (prior) clusterer.setPrior(prior.docs, prior.words, prior.names);
  const sink = openSink(values.out ?? '-', io);
  let failed = 0;
  let ok = 0;
  const name = values.in === '-' ? 'stdin' : (values.in ?? 'stdin');
  for await (const line of readJsonl(values.in ?? '-', io)) {
    if ('error' in line) {
      failed++;
      io.err(`tri stories: ${line.error}\n`);
      await sink.write(jsonLine({ id: null, line: line.line, error: line.error }));
      continue;
    }
    let id = '';
    try {
      id = optString(line.value, 'id') ?? String(line.line);
      const text = optString(line.value, 'text');
      if (text === undefined) throw new Error('missing "text"');
      const title = optString(line.value, 'title') ?? null;
      const published = optString(line.value, 'published') ?? optString(line.value, 'date') ?? null;
      const a = clusterer.assign({ id, text, title, published });
      await sink.write(jsonLine({ id, story: a.story }));
      ok++;
    } catch (err) {
      failed++;
      const msg = `${name}:${line.line}: ${err instanceof Error ? err.message : String(err)}`;
      io.err(`tri stories: ${msg}\n`);
      await sink.write(jsonLine({ id: id || null, line: line.line, error: msg }));
    }
  }
  await sink.close();
  if (failed > 0 && ok === 0) return 3;
  return failed > 0 ? 1 : 0;
}
