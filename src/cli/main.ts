/**
 * The `tri` command line: dispatches to one module per command (src/cli/commands/NAME.ts), each
 * exporting `run(argv, io)`. Commands only parse arguments, call core services and format output
 * (CONVENTIONS 11).
 *
 * Exit codes (documented in README.md):
 *   0  success
 *   1  finished, but some inputs failed (details on stderr / in the summary)
 *   2  usage error (unknown command or option, bad argument)
 *   3  nothing could be processed (every input failed, or the store could not be opened)
 *   70 internal error (a bug: please report it)
 */
import { UsageError, type CliIO, defaultIO } from './io.js';

export type Command = { run(argv: string[], io: CliIO): Promise<number>; summary: string };

const COMMANDS: Record<string, () => Promise<Command>> = {
  ingest: () => import('./commands/ingest.js'),
  parse: () => import('./commands/parse.js'),
  extract: () => import('./commands/extract.js'),
  stories: () => import('./commands/stories.js'),
  summarize: () => import('./commands/summarize.js'),
  report: () => import('./commands/report.js'),
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  search: () => import('./commands/search.js'),
  export: () => import('./commands/export.js'),
  serve: () => import('./commands/serve.js'),
};

const USAGE = `usage: tri COMMAND [options]

commands:
  ingest PATH|URL|- ...   read articles into the store (files, folders, feeds, JSONL, URLs, stdin)
  parse FILE... [--jsonl] turn documents into articles without storing them
  extract                 JSONL documents -> entities, dates, places, figures, attributions
  stories                 JSONL articles -> story ids, decided online
  summarize               JSONL clusters -> cited extractive briefs
  report [STORY]          stories, briefs, claims with verdicts, timeline (--format md|html|json)
  list | show ID | search QUERY | export --format jsonl|csv|geojson
  serve                   HTTP API and web UI

common options: --db PATH (store file, default ./triangulate.db), --help
run "tri COMMAND --help" for a command's options.`;

export async function main(argv: string[], io: CliIO = defaultIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out('triangulate 0.1.0\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`tri: unknown command "${name}"\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const cmd = await load();
    return await cmd.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`tri ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
