import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeHtml, sniffDeclaredCharset } from './charset.js';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('decodeHtml', () => {
  it.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '<p>caf', [0xc3, 0xa9], '</p>'), '<p>café</p>', 'bom'],
    ['UTF-16LE BOM', Uint8Array.from([0xff, 0xfe, 0x3c, 0, 0x70, 0, 0x3e, 0, 0x19, 0x04]), '<p>Й', 'bom'],
    ['meta charset windows-1251', bytes('<meta charset="windows-1251"><p>', [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]), '<meta charset="windows-1251"><p>Привет', 'meta'],
    ['http-equiv ISO-8859-1', bytes('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>gar', [0xe7], 'on'), '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>garçon', 'meta'],
    ['koi8-r', bytes('<meta charset=koi8-r>', [0xf0, 0xd2, 0xc9]), '<meta charset=koi8-r>При', 'meta'],
    ['XML declaration', bytes('<?xml version="1.0" encoding="ISO-8859-2"?><p>', [0xb1]), '<?xml version="1.0" encoding="ISO-8859-2"?><p>ą', 'meta'],
    ['no declaration -> UTF-8', bytes('<p>', [0xe2, 0x82, 0xac], '</p>'), '<p>€</p>', 'default'],
    ['unknown label -> UTF-8', bytes('<meta charset="x-klingon"><p>ok'), '<meta charset="x-klingon"><p>ok', 'default'],
    ['declared UTF-16 in an ASCII-readable file -> UTF-8', bytes('<meta charset="utf-16"><p>ok'), '<meta charset="utf-16"><p>ok', 'meta'],
  ])('%s', (_what, input, text, from) => {
    const d = decodeHtml(input);
    expect(d.text).toBe(text);
    expect(d.from).toBe(from);
  });

  it('a header charset wins over the page', () => {
    const d = decodeHtml(bytes('<meta charset="utf-8"><p>', [0xe9]), 'windows-1252');
    expect(d.text.endsWith('é')).toBe(true);
    expect(d.from).toBe('header');
  });

  it('declared windows-1252 keeps curly quotes, dashes and the euro sign (0x80-0x9F)', () => {
    const d = decodeHtml(bytes('<meta charset="windows-1252"><p>', [0x93, 0x80, 0x96, 0x94]));
    expect(d.text).toBe('<meta charset="windows-1252"><p>“€–”');
    expect(d.charset).toBe('windows-1252');
  });

  it('invalid UTF-8 decodes with replacement characters instead of throwing', () => {
    expect(decodeHtml(Uint8Array.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0xfd])).text).toBe('<p>\ufffd\ufffd\ufffd');
  });
});

describe('sniffDeclaredCharset / charsetFromContentType', () => {
  it.each([
    ['<meta charset="UTF-8">', 'utf-8'],
    ["<meta http-equiv='content-type' content='text/html;charset=Shift_JIS'>", 'shift_jis'],
    ['<html><head><title>x</title>', null],
    ['<p>charset=foo is text, not a declaration</p>', null],
  ])('%s -> %s', (head, cs) => {
    expect(sniffDeclaredCharset(bytes(head))).toBe(cs);
  });
  it.each([
    ['text/html; charset=KOI8-R', 'koi8-r'],
    ['text/html;charset="utf-8"', 'utf-8'],
    ['text/html', null],
    [null, null],
  ])('%s -> %s', (ct, cs) => {
    expect(charsetFromContentType(ct)).toBe(cs);
  });
});
