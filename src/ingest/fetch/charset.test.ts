import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, DecodeError, declaredCharset } from './charset.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('charset detection', () => {
  it.each([
    ['text/html; charset=ISO-8859-1', 'iso-8859-1'],
    ['text/html; charset="utf-8"', 'utf-8'],
    ['text/html', null],
    [null, null],
  ])('charsetFromContentType(%s) = %s', (ct, want) => {
    expect(charsetFromContentType(ct)).toBe(want);
  });
  it.each([
    ['<meta charset="windows-1252">', 'windows-1252'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r">', 'koi8-r'],
    ['<?xml version="1.0" encoding="ISO-8859-15"?><rss/>', 'iso-8859-15'],
    ['<p>charset=none here</p>', null],
  ])('declaredCharset(%s) = %s', (doc, want) => {
    expect(declaredCharset(bytes(doc))).toBe(want);
  });
});

describe('decodeBytes', () => {
  it('strips a UTF-8 BOM', () => {
    expect(decodeBytes(bytes([0xef, 0xbb, 0xbf], 'Hello')).text).toBe('Hello');
  });
  it('decodes UTF-16LE with a BOM', () => {
    const d = decodeBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from('Dam', 'utf16le')]));
    expect(d).toMatchObject({ text: 'Dam', charset: 'utf-16le', from: 'bom' });
  });
  it('maps windows-1252 0x80-0x9F to quotes, dashes and the euro sign', () => {
    const d = decodeBytes(new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]), { contentType: 'text/plain; charset=windows-1252' });
    expect(d.text).toBe('“A” – €5');
  });
  it('undeclared legacy bytes (no valid UTF-8 sequence) fall back to windows-1252 with a warning', () => {
    const d = decodeBytes(bytes('The mayor said: ', [0x93, 0x4e, 0x6f, 0x94, 0x2e]));
    expect(d.text).toBe('The mayor said: “No”.');
    expect(d.from).toBe('fallback');
    expect(d.warnings[0]).toMatch(/windows-1252/);
  });
  it('UTF-8 with a few damaged bytes is decoded with U+FFFD and a warning', () => {
    const d = decodeBytes(bytes('Café in Zürich '.repeat(10), [0xff], ' reopened'));
    expect(d.text).toContain('\uFFFD reopened');
    expect(d.text).toContain('Zürich');
    expect(d.warnings[0]).toMatch(/invalid UTF-8: 1 byte/);
  });
  it('mostly undecodable UTF-8 is refused', () => {
    const junk = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 0xc3 : 0x28));
    expect(() => decodeBytes(bytes('é', junk))).toThrow(DecodeError);
  });
  it('a declared charset wins over UTF-8 sniffing', () => {
    expect(decodeBytes(bytes([0xe9, 0x74, 0xe9]), { contentType: 'text/plain; charset=iso-8859-1' }).text).toBe('été');
  });
  it('an unknown declared charset is ignored with a warning', () => {
    const d = decodeBytes(bytes('plain'), { contentType: 'text/plain; charset=x-klingon' });
    expect(d.text).toBe('plain');
    expect(d.warnings[0]).toMatch(/x-klingon/);
  });
});
