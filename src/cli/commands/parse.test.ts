import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../io.js';
import { kindOf, parseFile, run } from './parse.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'html');

function fakeIO(): CliIO & { stdoutText: () => string; stderrText: () => string } {
  let out = '';
  let err = '';
  return {
    out: (s) => void (out += s),
    err: (s) => void (err += s),
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    isTTY: false,
    stdoutText: () => out,
    stderrText: () => err,
  };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tri-parse-'));
  writeFileSync(join(dir, 'story.html.gz'), gzipSync(readFileSync(join(FIX, 'article-boilerplate.html'))));
  writeFileSync(join(dir, 'note.txt'), 'Bridge closes for repairs\n\nThe North Bridge closed on Tuesday after engineers found cracks in two supports.\n');
  writeFileSync(join(dir, 'note.md'), '# Bridge closes\n\nThe North Bridge closed on Tuesday after engineers found cracks.\n');
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2]));
  writeFileSync(join(dir, 'bad.html.gz'), 'this is not gzip');
  writeFileSync(join(dir, 'data.pdf'), '%PDF-1.4');
  mkdirSync(join(dir, 'folder.html'));
});

describe('tri parse', () => {
  it('writes one DESIGN.md line per input, in order, and the batch goes on after failures', async () => {
    const io = fakeIO();
    const files = ['story.html.gz', 'note.txt', 'note.md', 'empty.html', 'binary.html', 'bad.html.gz', 'data.pdf', 'missing.html', 'folder.html'].map((f) => join(dir, f));
    const code = await run(['--jsonl', join(FIX, 'cp1251.html'), ...files], io);
    expect(code).toBe(1);
    const lines = io.stdoutText().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'not_article', 'failed', 'failed', 'failed', 'failed', 'failed']);
    for (const l of lines) {
      expect(Object.keys(l).filter((k) => k !== 'error')).toEqual(['input', 'status', 'title', 'byline', 'published', 'source', 'url', 'lang', 'text']);
    }
    expect(lines[0]!.title).toBe('Мост через реку закрыт на ремонт');
    expect(lines[1]!.input).toBe(join(dir, 'story.html.gz'));
    expect(lines[1]!.title).toBe('Flood barrier fails as river peaks in Eastmoor');
    expect(String(lines[1]!.text)).toContain('\n\nEmergency crews evacuated residents');
    expect(lines[2]!.title).toBe('Bridge closes for repairs');
    expect(lines[3]!.title).toBe('Bridge closes');
    expect(lines.slice(5).map((l) => l.error)).toEqual([
      'binary data, not a text document',
      expect.stringMatching(/^not valid gzip/),
      expect.stringMatching(/^unsupported file type/),
      'file not found',
      'is a directory',
    ]);
  });

  it('prints a readable summary without --jsonl', async () => {
    const io = fakeIO();
    expect(await run([join(FIX, 'article-boilerplate.html'), join(dir, 'missing.html')], io)).toBe(1);
    expect(io.stdoutText()).toContain('article-boilerplate.html: ok');
    expect(io.stdoutText()).toContain('  source    The Valley Courier');
    expect(io.stdoutText()).toMatch(/text {6}\d+ words, 7 paragraphs/);
    expect(io.stderrText()).toContain('missing.html: file not found');
  });

  it('exits 3 when every input failed, 2 (usage) without inputs', async () => {
    expect(await run([join(dir, 'missing.html')], fakeIO())).toBe(3);
    await expect(run([], fakeIO())).rejects.toThrow(/no input files/);
    await expect(run(['--bogus', 'x.html'], fakeIO())).rejects.toThrow(/bogus/);
  });
});

describe('parseFile', () => {
  it('refuses a .gz that expands beyond the limit (gzip bomb) with a reason', async () => {
    const path = join(dir, 'bomb.html.gz');
    writeFileSync(path, gzipSync(Buffer.alloc(50_000, 0x20)));
    const a = await parseFile(path, 10_000);
    expect(a.status).toBe('failed');
    expect(a.error).toBe('gzip expands beyond 10000 bytes');
  });
});

describe('kindOf', () => {
  it.each([
    ['a.html', 'html', false],
    ['A.HTM', 'html', false],
    ['page.html.gz', 'html', true],
    ['n.txt', 'text', false],
    ['n.md', 'markdown', false],
  ])('%s', (path, kind, gz) => {
    expect(kindOf(path)).toEqual({ kind, gz });
  });
  it.each([['a.pdf'], ['a.gz'], ['README']])('%s is not supported', (path) => {
    expect(kindOf(path)).toBeNull();
  });
});
