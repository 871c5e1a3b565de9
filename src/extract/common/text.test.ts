import { describe, expect, it } from 'vitest';
import { prepareDoc, sentenceAt, tokenize } from './text.js';

describe('tokenize', () => {
  it.each([
    ['Mr. Dovan left.', ['Mr.', 'Dovan', 'left', '.']],
    ["Lorvia's army", ['Lorvia', "'s", 'army']],
    ['the U.S. Army', ['the', 'U.S.', 'Army']],
    ['about 1,200.5 km', ['about', '1,200.5', 'km']],
    ['on 2031-04-09 at 10:30', ['on', '2031-04-09', 'at', '10:30']],
    ['Anti-Vantic groups', ['Anti-Vantic', 'groups']],
    ['J. Amsel said', ['J.', 'Amsel', 'said']],
    ['see https://example.org/a?b=1.', ['see', 'https://example.org/a?b=1', '.']],
    ['"We won," he said.', ['"', 'We', 'won', ',', '"', 'he', 'said', '.']],
  ])('%s', (text, expected) => {
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual(expected);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('is linear on adversarial input', () => {
    const text = '1'.repeat(100_000) + ' ' + 'of the '.repeat(50_000);
    expect(tokenize(text).length).toBe(1 + 100_000);
  });
});

describe('sentences', () => {
  it.each([
    ['Mr. Dovan arrived. He spoke.', ['Mr. Dovan arrived.', 'He spoke.']],
    ['Aid reached the U.S. The convoy left.', ['Aid reached the U.S.', 'The convoy left.']],
    ['Aid reached U.S. Army bases.', ['Aid reached U.S. Army bases.']],
    ['"We will stay." The mayor left.', ['"We will stay."', 'The mayor left.']],
    ['FLOOD HITS VANTIA\nWater rose overnight.', ['FLOOD HITS VANTIA', 'Water rose overnight.']],
    ['The river rose\nthree metres overnight.', ['The river rose\nthree metres overnight.']],
    ['First para.\n\nsecond para', ['First para.', 'second para']],
  ])('%s', (text, expected) => {
    const d = prepareDoc({ id: 't', text });
    expect(d.sentences.map((s) => text.slice(s.start, s.end))).toEqual(expected);
    expect(sentenceAt(d.sentences, text.length - 1)).toBe(expected.length - 1);
  });
});
