#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.mjs (alphabetical); each prints a Markdown section.
// Writes bench/RESULTS.md with the machine and date. `npm run bench -- NAME` runs matching ones and
// prints without rewriting RESULTS.md.
import { readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, totalmem, platform, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const only = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
const cpu = cpus();
const head = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} cores), ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, Node ${process.version}.`,
  'Each section is printed by its script in bench/; single-core figures unless stated.',
  '',
];
const sections = [];
for (const s of scripts) {
  console.error(`bench: ${s}`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, s)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const out = (r.stdout ?? '').trim();
  sections.push(r.status === 0 ? out : `## ${s}\n\nFAILED (exit ${r.status})\n\n${out}`);
  console.log(out + '\n');
}
if (only.length === 0) writeFileSync(join(here, 'RESULTS.md'), head.join('\n') + '\n' + sections.join('\n\n') + '\n');
