/**
 * `tri stories [--in FILE|-] [--out FILE|-]`: JSONL articles in arrival order -> `{"id","story"}`
 * per article, decided online (DESIGN.md): an article's story is fixed when it is read.
 * A bad line gets `{"id","error"}` and the stream goes on.
 */
import { loadIdfPrior, StoryClusterer } from '../../stories/index.js';
import { mapJsonl, optString, parseCommandArgs, UsageError, type CliIO } from '../io.js';

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
  return mapJsonl('stories', values, io, (rec, id) => {
    const text = optString(rec, 'text');
    if (text === undefined) throw new Error('missing "text"');
    const title = optString(rec, 'title') ?? null;
    const published = optString(rec, 'published') ?? optString(rec, 'date') ?? null;
    return { id, story: clusterer.assign({ id, text, title, published }).story };
  });
}
