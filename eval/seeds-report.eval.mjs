#!/usr/bin/env node
// Issue 6's acceptance on the five seed reports, read from the report a user gets: ingest
// ../shared/data/seeds into a fresh store (`tri ingest`), build `tri report --format json`, and check
// the stories ({000, 001, 004} and {002, 003}), the ATACMS range contradicted between the two outlets,
// the 20-mile advance counted as one independent origin (both outlets lean on the same newspaper),
// and the settlements count aligned across its two wordings. Prints each check, then key=value.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const seeds = '../shared/data/seeds';
if (!existsSync(seeds)) {
  console.log('seeds-report: ../shared/data/seeds not found; skipped');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tri-seeds-'));
const db = join(dir, 'seeds.db');
const tri = (...args) => {
  const r = spawnSync(process.execPath, ['bin/tri.js', ...args, '--db', db], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`tri ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
};
try {
  tri('ingest', seeds);
  const report = JSON.parse(tri('report', '--format', 'json'));
  const seedOf = (input) => /(\d{3})_[^/]*$/.exec(input ?? '')?.[1] ?? '?';
  const stories = [];
  const checks = [];
  for (const s of report.stories) {
    const ids = [];
    for (const a of s.articles) {
      const shown = JSON.parse(tri('show', a.id, '--json'));
      ids.push(seedOf(shown.article.input));
    }
    stories.push(ids.sort().join(','));
  }
  stories.sort();
  checks.push(['two_stories', stories.join(' | ') === '000,001,004 | 002,003', stories.join(' | ')]);
  const groups = report.stories.flatMap((s) => s.groups);
  const range = groups.find((g) => g.claims.some((c) => c.unit === 'km') && /range/i.test(g.measure));
  checks.push(['atacms_range_contradicted', range?.verdict === 'contradict', range ? `${range.measure}: ${range.verdict}` : 'no range group']);
  const advance = groups.find((g) => g.claims.some((c) => c.unit === 'mi' && c.value === 20));
  checks.push(['advance_one_origin', advance?.independentSources.length === 1, advance ? `${advance.independentSources.length}: ${advance.independentSources.join(', ')}` : 'no 20-mile group']);
  const settlements = groups.find((g) => g.claims.length >= 2 && g.claims.every((c) => c.value === 74));
  checks.push(['settlements_aligned', settlements?.verdict === 'agree', settlements ? `${settlements.measure}: ${settlements.verdict}` : 'no group of the 74 settlements']);
  for (const [k, ok, why] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${k}: ${why}`);
  console.log(checks.map(([k, ok]) => `${k}=${ok ? 1 : 0}`).join(' ') + ` passed=${checks.filter((c) => c[1]).length}/${checks.length}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
