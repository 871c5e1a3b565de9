/** Shell I/O helpers shared by the commands: streams, JSONL reading with file:line errors, arg parsing. */
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { finished } from 'node:stream/promises';
import type { Writable, Readable } from 'node:stream';

/** Misuse of the command line: reported with exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  stdin: Readable;
  stdout: Writable;
  isTTY: boolean;
}

export function defaultIO(): CliIO {
  return {
    out: (s) => void process.stdout.write(s),
    err: (s) => void process.stderr.write(s),
    stdin: process.stdin,
    stdout: process.stdout,
    isTTY: Boolean(process.stderr.isTTY),
  };
}

/** `parseArgs` that turns its errors into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = true,
): { values: { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K] extends { multiple: true } ? string[] : string }; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return r as never;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err), { cause: err });
  }
}

/** A line of a JSONL input: either the parsed object or an error naming the file and line. */
export type JsonlLine = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** Reads JSONL from a path or "-" (stdin), one object per non-blank line; bad lines become errors. */
export async function* readJsonl(path: string, io: CliIO): AsyncGenerator<JsonlLine> {
  const input = path === '-' ? io.stdin : createReadStream(path);
  const name = path === '-' ? 'stdin' : path;
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const raw of rl) {
    n++;
    if (raw.trim() === '') continue;
    try {
      const v: unknown = JSON.parse(raw);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) {
        yield { line: n, error: `${name}:${n}: expected a JSON object, got ${Array.isArray(v) ? 'an array' : typeof v}` };
      } else yield { line: n, value: v as Record<string, unknown> };
    } catch (err) {
      yield { line: n, error: `${name}:${n}: invalid JSON (${err instanceof Error ? err.message : String(err)})` };
    }
  }
}

/** An output sink for a path or "-" (stdout) with backpressure-aware writes. */
export interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

export function openSink(path: string, io: CliIO): Sink {
  const stream: Writable = path === '-' ? io.stdout : createWriteStream(path);
  return {
    async write(s) {
      if (!stream.write(s)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    },
    async close() {
      if (path !== '-') {
        stream.end();
        await finished(stream);
      }
    },
  };
}

/** Reads a string field of a JSONL record, or undefined; throws naming the field when the type is wrong. */
export function optString(rec: Record<string, unknown>, key: string): string | undefined {
  const v = rec[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') throw new Error(`field "${key}" must be a string, got ${Array.isArray(v) ? 'array' : typeof v}`);
  return v;
}

/**
 * One JSONL line. JSON.stringify leaves U+0085, U+2028, U+2029 and U+001C-U+001E raw, and line
 * readers such as Python's str.splitlines() break lines at them; escaping keeps one record per line.
 */
export function jsonLine(value: unknown): string {
  const json = JSON.stringify(value);
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if ((c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029) {
      out += json.slice(from, i) + `\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return (from === 0 ? json : out + json.slice(from)) + '\n';
}

/**
 * The JSONL batch every analysis command runs (extract, stories, summarize): one output line per
 * input line, in order. A bad line (invalid JSON, wrong field, a failing record) becomes
 * `{"id", "line", "error"}` on the output and a message on stderr naming the file and line, and the
 * batch goes on. `handle` gets the record and its id (`id` field, else the line number).
 * Returns the exit code: 0 all ok, 1 some failed, 3 all failed.
 */
export async function mapJsonl(
  command: string,
  paths: { in?: string | undefined; out?: string | undefined },
  io: CliIO,
  handle: (rec: Record<string, unknown>, id: string) => unknown,
): Promise<number> {
  const input = paths.in ?? '-';
  const name = input === '-' ? 'stdin' : input;
  const sink = openSink(paths.out ?? '-', io);
  let failed = 0;
  let ok = 0;
  for await (const line of readJsonl(input, io)) {
    if ('error' in line) {
      failed++;
      io.err(`tri ${command}: ${line.error}\n`);
      await sink.write(jsonLine({ id: null, line: line.line, error: line.error }));
      continue;
    }
    let id = '';
    try {
      id = optString(line.value, 'id') ?? String(line.line);
      await sink.write(jsonLine(await handle(line.value, id)));
      ok++;
    } catch (err) {
      failed++;
      const msg = `${name}:${line.line}: ${err instanceof Error ? err.message : String(err)}`;
      io.err(`tri ${command}: ${msg}\n`);
      await sink.write(jsonLine({ id: id || null, line: line.line, error: msg }));
    }
  }
  await sink.close();
  if (failed > 0 && ok === 0) return 3;
  return failed > 0 ? 1 : 0;
}
