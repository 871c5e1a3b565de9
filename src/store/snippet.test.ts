import { describe, expect, it } from 'vitest';
import { buildSnippet, foldWord, snippetTerms } from './snippet.js';

const LONG =
  'The council met on Monday to discuss the budget. Members argued about roads, schools and parks for hours. ' +
  'Late in the evening the Pellham ferry strike came up, and the mayor said the dock workers would be paid in full. ' +
  'The meeting closed after midnight with no vote on the budget.';

describe('buildSnippet', () => {
  it.each([
    ['pellham', 'Ferry strike ends', 'Dock workers at Pellham ended their strike on Friday.', 'Dock workers at [Pellham] ended their strike on Friday.'],
    ['ferry', 'Ferry strike ends', 'Dock workers at Pellham ended their strike on Friday.', '[Ferry] strike ends'],
    ['STRIK*', null, 'Strikers said the strike would go on.', '[Strikers] said the [strike] would go on.'],
    ['cafe', null, 'The Café Rouge in Orlen reopened.', 'The [Café] Rouge in Orlen reopened.'],
    ['orlen mayor', null, '“We will rebuild,” the Orlen mayor said — twice.', 'We will rebuild,” the [Orlen] [mayor] said — twice.'],
    ['łódź', 'Flood in Łódź', 'Water rose overnight.', 'Flood in [Łódź]'],
    ['2031', null, 'In 2031, the 2031a plan began.', 'In [2031], the 2031a plan began.'],
    ['ferry workers', null, LONG, '…evening the Pellham [ferry] strike came up, and the mayor said the dock [workers] would be…'],
    ['budget', null, LONG, '…to discuss the [budget]. Members argued about roads, schools and parks for hours. Late in the…'],
    ['midnight', null, LONG, '…would be paid in full. The meeting closed after [midnight] with no vote on the budget.'],
  ])('%j in %j / %j -> %j', (q, title, text, want) => {
    expect(buildSnippet(title, text, snippetTerms(q))).toBe(want);
  });

  it('marks nothing when nothing matches, and returns an empty snippet for an empty article', () => {
    expect(buildSnippet('Title', 'One two three.', snippetTerms('zebra'))).toBe('Title');
    expect(buildSnippet(null, '', snippetTerms('zebra'))).toBe('');
  });
});

describe('snippetTerms', () => {
  it.each([
    ['Strik* "dock WORKERS"', 1, [{ text: 'strik', prefix: true }, { text: 'dock', prefix: false }, { text: 'workers', prefix: false }]],
    ['st* strik*', 3, [{ text: 'st', prefix: false }, { text: 'strik', prefix: true }]],
    ['Élan', 1, [{ text: 'elan', prefix: false }]],
  ])('%j (min prefix %j)', (q, min, want) => {
    expect(snippetTerms(q, min)).toEqual(want);
  });

  it.each([
    ['Café', 'cafe'],
    ['NAÏVE', 'naive'],
    ['Kyiv', 'kyiv'],
  ])('folds %j to %j', (w, f) => {
    expect(foldWord(w)).toBe(f);
  });
});
