import { describe, expect, it } from 'vitest';
import { jsonLine } from './extract.js';

describe('tri extract: JSONL lines', () => {
  it.each([
    ['NEL', 'a\u0085b'],
    ['line separator', 'a\u2028b'],
    ['paragraph separator', 'a\u2029b'],
    ['file/group/record separators', 'a\u001c\u001d\u001eb'],
  ])('escapes %s so every reader sees one line', (_name, text) => {
    const line = jsonLine({ text });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
    expect(JSON.parse(line)).toEqual({ text });
  });

  it('leaves ordinary text as JSON.stringify writes it', () => {
    expect(jsonLine({ a: 'Kyiv, “quoted” – dash' })).toBe(JSON.stringify({ a: 'Kyiv, “quoted” – dash' }) + '\n');
  });
});
