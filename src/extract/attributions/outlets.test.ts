import { describe, expect, it } from 'vitest';
import { prepareDoc } from '../common/text.js';
import { findOutlets } from './outlets.js';

const find = (text: string) => findOutlets(prepareDoc({ id: 't', text })).map((o) => ({ text: text.slice(o.start, o.end), canonical: o.canonical }));

describe('findOutlets', () => {
  it.each([
    ['Officials told The Wall Street Journal on Monday.', 'The Wall Street Journal', 'The Wall Street Journal'],
    ['The report, per Politico, was leaked.', 'Politico', 'Politico'],
    ['According to the Associated Press, the bridge fell.', 'Associated Press', 'Associated Press'],
    ['A Reuters tally put the toll at nine.', 'Reuters', 'Reuters'],
    ['The Washington Post first reported it; later the Post corrected the figure.', 'The Washington Post', 'The Washington Post'],
  ])('%s -> %s', (text, surface, canonical) => {
    const got = find(text);
    expect(got[0]).toEqual({ text: surface, canonical });
    expect(text.indexOf(surface)).toBe(findOutlets(prepareDoc({ id: 't', text }))[0]!.start);
  });

  it('links a short form to the full name the same text named', () => {
    const text = 'The New York Times said the talks stalled. Later the Times added that envoys left.';
    expect(find(text)).toEqual([
      { text: 'The New York Times', canonical: 'The New York Times' },
      { text: 'the Times', canonical: 'The New York Times' },
    ]);
  });

  it.each([
    ['a short form with no full name in the text', 'Later the Journal added that envoys left.'],
    ['an alias inside a longer word', 'The APs of the region met in Lviv.'],
    ['a lowercase common word', 'the guardian of the bridge said nothing.'],
    ['per cent and per capita', 'Output rose 5 per cent and income per capita fell.'],
  ])('no outlet: %s', (_why, text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('findOutlets memo', () => {
  it('answers the same document with the same list, a new document afresh', () => {
    const doc = prepareDoc({ id: 't', text: 'The strike killed 12 people, per Politico.' });
    const first = findOutlets(doc);
    expect(findOutlets(doc)).toBe(first);
    const other = findOutlets(prepareDoc({ id: 't', text: 'Nothing was named here.' }));
    expect(other).toEqual([]);
  });
});

