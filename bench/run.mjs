#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs (alphabetical); each prints a Markdown section, and
// writes bench/RESULTS.md with the machine and date. `npm run bench -- NAME...` runs the matching ones
// and only prints; add `--write` to replace just their sections in RESULTS.md (the others are kept,
// each section says when it was measured and the load the machine was under).
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const args = process.argv.slice(2);
const write = args.includes('--write');
const only = args.filter((a) => a !== '--write');
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const cpu = cpus();
const head = [
  '# Benchmark results',
  '',
  `Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${platform()} ${release()}, Node ${process.version}.`,
  'Each section is printed by its script in bench/ and says when it was measured and the load average',
  '(1 minute) when it started: the machine is often shared, so per-CPU-second figures (one core) are the',
  'comparable ones. `npm run bench` rewrites the whole file; `npm run bench -- NAME --write` one section.',
  '',
].join('\n');

/** Splits RESULTS.md into the blocks written for each script (marker comment), keyed by file name. */
export function parseResults(md) {
  const blocks = new Map();
  const re = /^<!-- bench: (\S+) -->$/gm;
  const marks = [...md.matchAll(re)];
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1].index : md.length;
    blocks.set(m[1], md.slice(m.index, end).trim());
  });
  return blocks;
}

const path = join(here, 'RESULTS.md');
const blocks = write && existsSync(path) ? parseResults(readFileSync(path, 'utf8')) : new Map();
for (const s of scripts) {
  console.error(`bench: ${s}`);
  const load = loadavg()[0].toFixed(1);
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, s)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = (r.stdout ?? '').trim();
  const body = r.status === 0 ? out : `## ${s}\n\nFAILED (exit ${r.status})\n\n${out}`;
  const stamp = `_Measured ${date} UTC, load average ${load} at the start._`;
  // the stamp goes under the section's first heading
  const withStamp = body.replace(/^(## [^\n]*\n)/, `$1\n${stamp}\n`);
  blocks.set(s, `<!-- bench: ${s} -->\n${withStamp === body ? `${stamp}\n\n${body}` : withStamp}`);
  console.log(body + '\n');
}
if (only.length === 0 || write) {
  const ordered = [...blocks.keys()].sort().map((k) => blocks.get(k));
  writeFileSync(path, head + '\n' + ordered.join('\n\n') + '\n');
}
