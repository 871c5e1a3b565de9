/**
 * Crash safety end to end: `tri ingest` of many articles is killed with SIGKILL while it runs; a
 * re-run completes the job and every article is in the store exactly once, readable and searchable.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureBuilt, TRI } from './helpers.js';

const N = 2500;
let dir: string;

/** Invented, distinct bulletins: the numbers and place names make each one unique. */
function bulletin(i: number): string {
  const towns = ['Ostry', 'Pell', 'Merlow', 'Dunholm', 'Carrow', 'Fenwick', 'Ilsby', 'Tarn'];
  const t = towns[i % towns.length]!;
  return (
    `Council bulletin number ${i} for ${t}: the road between ${t} and ${towns[(i * 7 + 3) % towns.length]} will close for ${(i % 9) + 2} days from ${(i % 27) + 1} June ` +
    `while crews replace ${(i % 40) + 3} metres of drainage pipe, the works department said. Buses on route ${(i % 60) + 1} will divert via the ring road, ` +
    `adding roughly ${(i % 15) + 5} minutes. Residents with questions can call the works office; reference ${i * 7919}.`
  );
}

const count = (db: string): number => {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      return (d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      d.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
};

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'tri-e2e-kill-'));
  const lines: string[] = [];
  for (let i = 0; i < N; i++) lines.push(JSON.stringify({ id: `b-${i}`, title: `Road closure bulletin ${i}`, text: bulletin(i), published: '2031-06-01' }));
  writeFileSync(join(dir, 'bulletins.jsonl'), lines.join('\n') + '\n');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('SIGKILL mid-ingest, then a re-run: every article stored exactly once', async () => {
  const db = join(dir, 'kill.db');
  const child = spawn(process.execPath, [TRI, 'ingest', 'bulletins.jsonl', '--db', db, '--no-analyze'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let before = 0;
  let running = true;
  void exited.then(() => (running = false));
  // Kill as soon as some articles are committed, well before the end.
  while (running && before < 100) {
    await new Promise((r) => setTimeout(r, 20));
    before = count(db);
  }
  expect(running, 'the ingest finished before it could be killed').toBe(true);
  child.kill('SIGKILL');
  await exited;
  const afterKill = count(db);
  expect(afterKill).toBeGreaterThan(0);
  expect(afterKill).toBeLessThan(N);

  const r = spawnSync(process.execPath, [TRI, 'ingest', 'bulletins.jsonl', '--db', db, '--no-analyze', '--json'], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  expect(r.status, r.stderr).toBe(0);
  const s = JSON.parse(r.stdout);
  expect(s.failed).toBe(0);
  expect(s.exactDuplicates).toBeGreaterThanOrEqual(afterKill);
  expect(s.new + s.nearDuplicates + s.exactDuplicates).toBe(N);

  const d = new Database(db, { readonly: true });
  try {
    expect((d.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(N);
    expect((d.prepare('SELECT count(DISTINCT external_id) AS n FROM articles').get() as { n: number }).n).toBe(N);
    expect((d.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
  } finally {
    d.close();
  }
  // The full-text index covers the articles stored before the kill too.
  const hits = spawnSync(process.execPath, [TRI, 'search', 'reference', `${0 * 7919}`, '--db', db, '--json'], { cwd: dir, encoding: 'utf8' });
  expect(JSON.parse(hits.stdout).length).toBeGreaterThanOrEqual(1);
  const all = spawnSync(process.execPath, [TRI, 'search', 'bulletin', '--limit', String(N + 10), '--db', db, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  expect(JSON.parse(all.stdout)).toHaveLength(N);
}, 300_000);
