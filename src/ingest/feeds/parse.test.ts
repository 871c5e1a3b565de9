import { describe, expect, it } from 'vitest';
import { FeedError, looksLikeFullArticle, normalizeFeedDate, parseFeed, sniffFeed, stripTags } from './parse.js';

const LONG = Array.from({ length: 40 }, (_, i) => `<p>Paragraph ${i} of the flood report from the Ollan valley.</p>`).join('');

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Levee gives way near Marlow &amp; Tensby</title>
    <link>https://courier.example/levee</link>
    <guid isPermaLink="false">courier-1001</guid>
    <pubDate>Tue, 13 Aug 2030 10:15:00 +0200</pubDate>
    <dc:creator>Ada Brennan</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[${LONG}]]></content:encoded>
  </item>
  <item>
    <title>Council delays ferry vote</title>
    <link>https://courier.example/ferry</link>
    <description>&lt;p&gt;The council met on Monday.&lt;/p&gt;</description>
    <source url="https://wire.example/rss">Northern Wire</source>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Journal</title>
  <link rel="alternate" href="https://journal.example/"/>
  <link rel="self" href="https://journal.example/atom.xml"/>
  <entry>
    <title type="html">Water &lt;em&gt;recedes&lt;/em&gt;</title>
    <link rel="edit" href="https://journal.example/edit/7"/>
    <link rel="alternate" href="https://journal.example/2030/08/water-recedes"/>
    <id>tag:journal.example,2030:7</id>
    <updated>2030-08-15T08:00:00Z</updated>
    <published>2030-08-14T18:30:00-04:00</published>
    <author><name>Tomas Reyes</name><email>t@journal.example</email></author>
    <summary>Residents return.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Residents <b>returned</b> on Thursday.</p></div></content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://ledger.example/"><title>Daily Ledger</title><link>https://ledger.example/</link></channel>
  <item rdf:about="https://ledger.example/story/55">
    <title>Bridge reopens</title>
    <description>Traffic resumed.</description>
    <dc:date>2030-08-16</dc:date>
  </item>
</rdf:RDF>`;

describe('parseFeed', () => {
  it('RSS 2.0: fields, CDATA content, entities, source element and channel title', () => {
    const f = parseFeed(RSS);
    expect(f.kind).toBe('rss');
    expect(f.title).toBe('Harbour Courier');
    expect(f.link).toBe('https://courier.example/');
    expect(f.warnings).toEqual([]);
    expect(f.items).toHaveLength(2);
    expect(f.items[0]).toMatchObject({
      title: 'Levee gives way near Marlow & Tensby',
      link: 'https://courier.example/levee',
      guid: 'courier-1001',
      published: '2030-08-13T10:15:00+02:00',
      author: 'Ada Brennan',
      summary: 'Short teaser.',
      source: 'Harbour Courier',
    });
    expect(f.items[0]?.content).toContain('<p>Paragraph 0 of the flood report');
    expect(f.items[1]).toMatchObject({ title: 'Council delays ferry vote', summary: '<p>The council met on Monday.</p>', source: 'Northern Wire', content: null });
  });
  it('Atom: alternate link, published over updated, author name, xhtml content re-serialised', () => {
    const f = parseFeed(ATOM);
    expect(f.kind).toBe('atom');
    expect(f.link).toBe('https://journal.example/');
    expect(f.items[0]).toMatchObject({
      title: 'Water <em>recedes</em>',
      link: 'https://journal.example/2030/08/water-recedes',
      guid: 'tag:journal.example,2030:7',
      published: '2030-08-14T18:30:00-04:00',
      author: 'Tomas Reyes',
      source: 'Valley Journal',
    });
    expect(f.items[0]?.content).toContain('<p>Residents <b>returned</b> on Thursday.</p>');
  });
  it('RDF / RSS 1.0: rdf:about as the link, dc:date', () => {
    const f = parseFeed(RDF);
    expect(f.kind).toBe('rdf');
    expect(f.title).toBe('Daily Ledger');
    expect(f.items).toEqual([
      { title: 'Bridge reopens', link: 'https://ledger.example/story/55', guid: null, published: '2030-08-16', author: null, content: null, summary: 'Traffic resumed.', source: 'Daily Ledger' },
    ]);
  });
  it('Atom <source> keeps its title; type="text" content is escaped to HTML', () => {
    const f = parseFeed(
      '<feed xmlns="http://www.w3.org/2005/Atom"><title>Aggregator</title><entry><title>Grid fails</title><source><id>urn:x</id><title>Valley Journal</title><updated>2030-01-01T00:00:00Z</updated></source><content type="text">Power &lt; demand &amp; prices up</content></entry></feed>',
    );
    expect(f.items[0]).toMatchObject({ source: 'Valley Journal', content: 'Power &lt; demand &amp; prices up' });
  });
  it('a feed with no items is an empty list', () => {
    expect(parseFeed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>').items).toEqual([]);
  });

  describe('hostile and broken feeds', () => {
    it('billion laughs: internal entities are never expanded', () => {
      const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
      const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<rss version="2.0"><channel><title>T</title><item><title>&lol9;</title><link>https://x.example/a</link></item></channel></rss>`;
      const f = parseFeed(xml);
      expect(f.items).toHaveLength(1);
      expect(f.items[0]?.title).toBe('&lol9;');
      expect(f.warnings.join(' ')).toMatch(/DOCTYPE ignored/);
    });
    it('external entities are never resolved', () => {
      const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>Leak &xxe; here</title><description>&xxe;</description></item></channel></rss>`;
      const f = parseFeed(xml);
      expect(f.items[0]?.title).toBe('Leak &xxe; here');
      expect(JSON.stringify(f)).not.toMatch(/root:/);
    });
    it('a truncated feed yields the complete items with a warning', () => {
      const cut = RSS.slice(0, RSS.indexOf('<title>Council') + 20);
      const f = parseFeed(cut);
      expect(f.items.map((i) => i.title)).toEqual(['Levee gives way near Marlow & Tensby']);
      expect(f.warnings.join(' ')).toMatch(/feed truncated: 1 complete item\(s\) read, the unfinished last item dropped/);
    });
    it('a feed cut after the last item but before </rss> is read with a warning', () => {
      const f = parseFeed(RSS.slice(0, RSS.indexOf('</channel>')));
      expect(f.items).toHaveLength(2);
      expect(f.warnings.join(' ')).toMatch(/truncated/);
    });
    it('a truncated feed with no complete item throws', () => {
      expect(() => parseFeed(RSS.slice(0, RSS.indexOf('<guid')))).toThrow(/truncated feed: no complete item/);
    });
    it.each([
      ['HTML page', '<!DOCTYPE html><html><body><p>hi</p></body></html>'],
      ['plain text', 'Just some words about a dam.'],
      ['empty', ''],
      ['other XML', '<?xml version="1.0"?><catalog><book/></catalog>'],
    ])('%s is not a feed', (_name, doc) => {
      expect(() => parseFeed(doc)).toThrow(FeedError);
      expect(() => parseFeed(doc)).toThrow(/not a feed/);
    });
    it('mismatched tags do not crash and the items read are kept', () => {
      const f = parseFeed('<rss><channel><item><title>One</b></title><link>https://a.example/1</link></item><item><title>Two</title></item></channel></rss>');
      expect(f.items.map((i) => i.link ?? i.title)).toEqual(['https://a.example/1', 'Two']);
    });
    it.each([
      ['unclosed items', `<rss><channel>${'<item><title>x'.repeat(20_000)}`],
      ['unclosed CDATA', `<rss><channel><item><description><![CDATA[${'x'.repeat(100_000)}`],
      ['ampersands', `<rss><channel><item><title>${'&'.repeat(100_000)}</title></item></channel></rss>`],
      ['a long DOCTYPE', `<!DOCTYPE rss [${'<!ENTITY a "b">'.repeat(10_000)}]><rss><channel><item><title>t</title></item></channel></rss>`],
    ])('adversarial: %s finishes with items or a FeedError', (_n, xml) => {
      try {
        expect(Array.isArray(parseFeed(xml).items)).toBe(true);
      } catch (err) {
        expect(err).toBeInstanceOf(FeedError);
      }
    });
    it('adversarial input finishes: 200k "<" and a deeply nested item', () => {
      expect(stripTags('<'.repeat(200_000))).toBe(' ');
      const deep = `<rss><channel><item><title>${'<b>'.repeat(50_000)}x</title></item></channel></rss>`;
      expect(parseFeed(deep).warnings.length).toBeGreaterThanOrEqual(0);
    });
  });
});

describe('sniffFeed', () => {
  it.each([
    ['\uFEFF<?xml version="1.0"?>\n<!-- c --><rss version="2.0">', 'rss'],
    ['  <feed xmlns="http://www.w3.org/2005/Atom">', 'atom'],
    ['<rdf:RDF xmlns:rdf="x">', 'rdf'],
    ['<!DOCTYPE rss [<!ENTITY a "b">]><rss>', 'rss'],
    ['<html>', null],
    ['text <rss>', null],
  ])('%j -> %s', (doc, want) => {
    expect(sniffFeed(doc)).toBe(want);
  });
});

describe('helpers', () => {
  it.each([
    ['Tue, 13 Aug 2030 10:15:00 GMT', '2030-08-13T10:15:00.000Z'],
    ['2030-08-13', '2030-08-13'],
    ['2030-08-13T10:15:00+01:00', '2030-08-13T10:15:00+01:00'],
    ['Tue, 13 Aug 2030 01:15:00 +0200', '2030-08-13T01:15:00+02:00'],
    ['Tue, 13 Aug 2030 10:15:00 EDT', '2030-08-13T14:15:00.000Z'],
    ['sometime soon', null],
  ])('normalizeFeedDate(%s) = %s', (raw, want) => {
    expect(normalizeFeedDate(raw)).toBe(want);
  });
  it('full article vs teaser', () => {
    const base = { title: 't', link: null, guid: null, published: null, author: null, summary: null, source: null };
    expect(looksLikeFullArticle({ ...base, content: LONG })).toBe(true);
    expect(looksLikeFullArticle({ ...base, content: null, summary: '<p>Two sentences. Read more.</p>' })).toBe(false);
  });
});
