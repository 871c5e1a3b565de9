import { describe, expect, it } from 'vitest';
import { isJsonFeed, parseJsonFeed } from './jsonfeed.js';

const FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Harbour Courier',
  home_page_url: 'https://courier.example/',
  items: [
    { id: 'c-1', url: 'https://courier.example/ferry', title: 'Ferry crews return', content_html: '<p>Crews returned on Friday.</p>', date_published: '2030-08-16T08:00:00+02:00', authors: [{ name: 'Lena Okafor' }] },
    { id: 2, title: 'Storm warning', content_text: 'Winds of 90 km/h are expected.\n\nSchools may close.', summary: 'Winds expected.' },
    'not an item',
  ],
};

describe('JSON Feed', () => {
  it('items with html or text content, authors, dates, and the feed title as source', () => {
    const f = parseJsonFeed(FEED);
    expect(f.kind).toBe('json');
    expect(f.link).toBe('https://courier.example/');
    expect(f.items).toEqual([
      { title: 'Ferry crews return', link: 'https://courier.example/ferry', guid: 'c-1', published: '2030-08-16T08:00:00+02:00', author: 'Lena Okafor', content: '<p>Crews returned on Friday.</p>', summary: null, source: 'Harbour Courier' },
      { title: 'Storm warning', link: null, guid: '2', published: null, author: null, content: '<p>Winds of 90 km/h are expected.</p><p>Schools may close.</p>', summary: 'Winds expected.', source: 'Harbour Courier' },
    ]);
    expect(f.warnings).toEqual(['item 3 is not an object; skipped']);
  });
  it.each([[{ items: [] }], [{ version: 'https://jsonfeed.org/version/1' }], [[1, 2]], [null], ['x']])('%j is not a JSON Feed', (v) => {
    expect(isJsonFeed(v)).toBe(false);
    expect(() => parseJsonFeed(v)).toThrow(/not a JSON Feed/);
  });
});
