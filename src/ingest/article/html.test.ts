import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml, decodeHtml } from './html.js';

const FIX = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'html');
const load = (name: string): string => decodeHtml(readFileSync(join(FIX, name))).text;

describe('parseHtml on invented fixture pages', () => {
  it.each([
    {
      file: 'article-boilerplate.html',
      status: 'ok',
      title: 'Flood barrier fails as river peaks in Eastmoor',
      byline: 'Priya Castellane, Tom Okafor',
      published: '2024-03-14T07:45:00+00:00',
      source: 'The Valley Courier',
      url: 'https://valleycourier.example/news/2024/03/14/eastmoor-flood-barrier',
      lang: 'en',
      first: 'A temporary flood barrier gave way in Eastmoor early on Thursday',
      last: 'although more rain is due on Monday.',
      paragraphs: 7,
    },
    {
      file: 'jsonld-body.html',
      status: 'ok',
      title: 'Port strike enters second week',
      byline: 'Lena Marsh',
      published: '2023-11-02T16:20:00Z',
      source: 'Harbour Herald',
      url: null,
      lang: 'en',
      first: 'Dock workers at the port of Saltmere',
      last: 'no date has been set.',
      paragraphs: 4,
    },
    {
      file: 'cp1251.html',
      status: 'ok',
      title: 'Мост через реку закрыт на ремонт',
      byline: null,
      published: null,
      source: null,
      url: null,
      lang: 'ru',
      first: 'Городские власти закрыли мост через реку Северную',
      last: 'занимает на полчаса больше, чем раньше.',
      paragraphs: 3,
    },
    {
      file: 'latin1.html',
      status: 'ok',
      title: 'La mairie ferme le pont Nord',
      byline: null,
      published: null,
      source: null,
      url: null,
      lang: 'fr',
      first: 'La mairie a fermé le pont Nord mardi après la découverte',
      last: 'plus longs aux heures de pointe.',
      paragraphs: 3,
    },
    {
      file: 'tweet-and-url-date.html',
      status: 'ok',
      title: "Mayor's post on bridge closure draws replies",
      byline: null,
      published: null,
      source: 'Riverside Daily',
      url: null,
      lang: 'en',
      first: 'The mayor of Riverside announced the closure',
      last: 'publish an updated timetable by Thursday.',
      paragraphs: 5,
    },
  ])('$file', (c) => {
    const a = parseHtml(load(c.file), c.file);
    expect(a.input).toBe(c.file);
    expect(a.status).toBe(c.status);
    expect(a.title).toBe(c.title);
    expect(a.byline).toBe(c.byline);
    expect(a.published).toBe(c.published);
    expect(a.source).toBe(c.source);
    expect(a.url).toBe(c.url);
    expect(a.lang).toBe(c.lang);
    expect(a.text.startsWith(c.first)).toBe(true);
    expect(a.text.endsWith(c.last)).toBe(true);
    expect(a.text.split('\n\n')).toHaveLength(c.paragraphs);
  });

  it.each([
    ['navigation', 'Sport'],
    ['cookie notice', 'We use cookies'],
    ['headline (kept in title, not text)', 'Flood barrier fails'],
    ['byline', 'By Priya'],
    ['share bar', 'Share on Facebook'],
    ['caption', 'Water pours over the barrier'],
    ['ad label', 'Advertisement'],
    ['read-more link', 'Read more'],
    ['newsletter box', 'Sign up for our free daily newsletter'],
    ['related stories', 'Eastmoor school closes'],
    ['comments', 'nobody in charge ever seems to learn'],
    ['sidebar', 'Bypass plan shelved'],
    ['footer', 'All rights reserved'],
    ['script', 'dataLayer'],
    ['style', 'height:250px'],
  ])('drops the %s', (_what, needle) => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html');
    expect(a.text).not.toContain(needle);
  });

  it('keeps a subheading inside the body', () => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html');
    expect(a.text.split('\n\n')).toContain('Questions over funding');
  });

  it('keeps an embedded tweet, which article bodies quote', () => {
    const a = parseHtml(load('tweet-and-url-date.html'), 'x.html');
    expect(a.text).toContain('The North Bridge will be closed from tonight');
  });

  it.each([
    ['index-page.html', 'not_article'],
    ['not-found.html', 'not_article'],
  ])('%s is %s with a reason', (file, status) => {
    const a = parseHtml(load(file), file);
    expect(a.status).toBe(status);
    expect(a.error).toMatch(/\w/);
  });

  it('overrules a template lang="en" when a long text is clearly in another language', () => {
    const p = '<p>Die Stadtverwaltung hat am Dienstag die Brücke über den Fluss gesperrt, nachdem bei einer Routineprüfung Risse in zwei Pfeilern entdeckt wurden. Die Busse werden umgeleitet und ein neuer Fahrplan wird am Donnerstag veröffentlicht, teilte die Stadt mit.</p>';
    expect(parseHtml(`<html lang="en"><body><article>${p.repeat(4)}</article></body></html>`, 'x').lang).toBe('de');
    // a short text keeps the declared language
    expect(parseHtml(`<html lang="en"><body><article>${p}</article></body></html>`, 'x').lang).toBe('en');
  });

  it('an error page with some text is not an article', () => {
    const p = '<p>We could not find the page you asked for. It may have moved, or the link you followed may be out of date, so please try the search box above or one of the sections below.</p>';
    const a = parseHtml(`<html><head><title>Page not found | The Valley Courier</title></head><body><main>${p.repeat(2)}</main></body></html>`, 'x');
    expect(a.status).toBe('not_article');
    expect(a.error).toBe('error page');
  });

  it('takes the publication date from the URL when the page has none', () => {
    const a = parseHtml(load('tweet-and-url-date.html'), 'x.html', { url: 'https://riverside.example/2024/05/07/bridge-closure/' });
    expect(a.published).toBe('2024-05-07');
    expect(a.publishedFrom).toBe('url');
    expect(a.url).toBe('https://riverside.example/2024/05/07/bridge-closure/');
  });

  it('lets caller metadata win over the page', () => {
    const a = parseHtml(load('article-boilerplate.html'), 'x.html', { meta: { title: 'Feed title', published: '2024-03-15' } });
    expect(a.title).toBe('Feed title');
    expect(a.published).toBe('2024-03-15');
    expect(a.publishedFrom).toBe('given');
  });

  it('names the outlet from the domain when the page does not', () => {
    const html = '<html><body><article>' + '<p>The committee met on Monday and agreed to publish its findings on the port dispute next month, officials said.</p>'.repeat(3) + '</article></body></html>';
    expect(parseHtml(html, 'x', { url: 'https://www.reuters.com/world/some-story' }).source).toBe('Reuters');
    expect(parseHtml(html, 'x', { url: 'https://news.example.org/a' }).source).toBe('news.example.org');
  });

  it.each([
    ['empty string', ''],
    ['whitespace', '   \n  '],
    ['no body text', '<html><head><title>T</title></head><body></body></html>'],
    ['only scripts', '<script>var a = "lots of text in a script that is not shown to readers at all";</script>'],
  ])('%s -> not_article', (_what, html) => {
    const a = parseHtml(html, 'x.html');
    expect(a.status).toBe('not_article');
    expect(a.text.length).toBeLessThan(80);
  });

  it('separates paragraphs made with double <br>', () => {
    const body = 'The station reopened on Friday after a week of repairs to its roof, the rail operator said in a statement.';
    const html = `<html><body><div class="post-body">${body}<br><br>${body}<br><br>${body}</div></body></html>`;
    expect(parseHtml(html, 'x').text.split('\n\n')).toEqual([body, body, body]);
  });
});

describe('parseHtml on adversarial input (must finish)', () => {
  it('still reads a paragraph nested 1,500 levels deep', () => {
    const p = 'The bridge reopened on Friday, the council said, after three months of repairs to its supports.';
    const a = parseHtml(`${'<div>'.repeat(1500)}<p>${p}</p><p>${p}</p>${'</div>'.repeat(1500)}`, 'x');
    expect(a.text).toBe(`${p}\n\n${p}`);
  });

  it.each([
    ['100k digits', `<p>${'7'.repeat(100_000)}</p>`],
    ['"of the " 50k times', `<p>${'of the '.repeat(50_000)}</p>`],
    ['100k nested divs', `${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}`],
    ['20k unclosed tags', '<b><i><span>'.repeat(7_000)],
    ['long attribute', `<div class="${'a-'.repeat(50_000)}"><p>x</p></div>`],
    ['meta charset junk', `<meta ${'charset '.repeat(10_000)}>`],
    ['broken JSON-LD', '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><p>Body</p>'],
  ])('%s', (_what, html) => {
    const a = parseHtml(html, 'x');
    expect(['ok', 'not_article']).toContain(a.status);
  });
});

describe('parseHtml page structures (invented pages)', () => {
  const para = (i: number): string =>
    `<p>Paragraph ${i}: the regional water authority said on Monday that reservoir levels had fallen to 41 percent, the lowest for the time of year since records began, and asked residents to cut use.</p>`;
  const comment = (i: number): string =>
    `<li class="comment"><div class="comment-body"><p>Comment ${i}: I have lived here for thirty years and I have never seen the reservoir this low, the authority should have acted much sooner than this.</p></div></li>`;
  const starts = (text: string): string[] => text.split('\n\n').map((p) => p.slice(0, 12));

  it('leaves out a comment thread longer than the article', () => {
    const html = `<html><body><div class="wrap"><article><h1>Reservoir at record low</h1><div class="entry">${[1, 2, 3, 4].map(para).join('')}</div></article>
      <section id="comments"><h2>12 comments</h2><ol class="commentlist">${Array.from({ length: 12 }, (_, i) => comment(i)).join('')}</ol></section></div></body></html>`;
    expect(starts(parseHtml(html, 'x').text)).toEqual(['Paragraph 1:', 'Paragraph 2:', 'Paragraph 3:', 'Paragraph 4:']);
  });

  it('joins an article split into sibling blocks around an ad', () => {
    const html = `<html><body><div id="main"><div class="chunk">${[1, 2, 3].map(para).join('')}</div><div class="ad-wrapper"><span>Advertisement</span></div><div class="chunk">${[4, 5, 6].map(para).join('')}</div><div class="chunk-footer"><a href="/">Home</a></div></div></body></html>`;
    expect(starts(parseHtml(html, 'x').text)).toEqual(['Paragraph 1:', 'Paragraph 2:', 'Paragraph 3:', 'Paragraph 4:', 'Paragraph 5:', 'Paragraph 6:']);
  });

  it('reads an old table layout with <font> and <br><br> paragraphs', () => {
    const p = 'The harbour master said the ferry would resume on Friday, after storm damage to the pier was repaired by contractors working overnight.';
    const html = `<html><body><table><tr><td class="nav"><a href="/">Home</a><a href="/b">Boats</a></td><td><font size=2>${`${p}<br><br>`.repeat(5)}</font></td></tr></table></body></html>`;
    const a = parseHtml(html, 'x');
    expect(a.status).toBe('ok');
    expect(a.text.split('\n\n')).toEqual([p, p, p, p, p]);
  });

  it('reads a data table in the body as one line per row', () => {
    const html = `<html><body><div class="article-body">${[1, 2].map(para).join('')}<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr><tr><td>1</td><td>Ana Ruiz</td><td>5040</td></tr><tr><td>2</td><td>Li Wei</td><td>5035</td></tr></table>${para(3)}</div></body></html>`;
    expect(parseHtml(html, 'x').text.split('\n\n').slice(2, 5)).toEqual(['Pos. Driver Points', '1 Ana Ruiz 5040', '2 Li Wei 5035']);
  });

  it('keeps a list inside the body and drops a related-links box', () => {
    const html = `<html><body><div class="post">${[1, 2].map(para).join('')}<ul><li>First point about the reservoir and the hosepipe ban.</li><li>Second point, about farms.</li></ul>${para(3)}<div class="related"><h3>Related</h3><ul><li><a href="/1">Drought hits farms</a></li><li><a href="/2">Hosepipe ban explained</a></li></ul></div></div></body></html>`;
    expect(starts(parseHtml(html, 'x').text)).toEqual(['Paragraph 1:', 'Paragraph 2:', 'First point ', 'Second point', 'Paragraph 3:']);
  });

  it.each([
    ['Reuters credit line', '<p>(Reporting by Ann Smith; Editing by Tom Jones)</p>'],
    ['contributed line', '<p>Associated Press writer Jo Bloggs contributed to this report.</p>'],
    ['follow line', '<p>Follow Jane Doe on Twitter and Facebook.</p>'],
    ['timestamp', '<p>November 19, 2019 / 12:21 AM / Updated 14 hours ago</p>'],
    ['share row', '<div><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>'],
  ])('trims a %s at the end of the body', (_what, tail) => {
    const html = `<html><body><div class="article-body">${[1, 2, 3].map(para).join('')}${tail}</div></body></html>`;
    expect(starts(parseHtml(html, 'x').text)).toEqual(['Paragraph 1:', 'Paragraph 2:', 'Paragraph 3:']);
  });

  it.skip('known failure: a hover card of links inside a paragraph (no class hint) is read as text', () => {
    // e.g. <p>Rep. <span class="people"><a>Name</a><span><a>Latest story 1</a><a>Latest story 2</a></span></span> said</p>
    // shown only on hover through CSS; without the stylesheet we cannot tell it is hidden.
  });
});

describe('parseHtml publication date sources', () => {
  const body = '<p>The council confirmed on Monday that the ring road will reopen to traffic next week after resurfacing work finished early.</p>'.repeat(3);
  it.each([
    ['article:published_time', '<meta property="article:published_time" content="2024-05-07T10:00:00+01:00">', '2024-05-07T10:00:00+01:00'],
    ['Sailthru date', '<meta name="sailthru.date" content="2024-05-07 10:00:00">', '2024-05-07T10:00:00'],
    ['Dublin Core', '<meta name="DC.date.issued" content="2024-05-07">', '2024-05-07'],
    ['JSON-LD of another type', '<script type="application/ld+json">{"@type":"ClaimReview","datePublished":"2024-05-07T08:00:00Z"}</script>', '2024-05-07T08:00:00Z'],
    ['<time datetime>', '<time datetime="2024-05-07">7 May</time>', '2024-05-07'],
    ['itemprop on a span', '<span itemprop="datePublished">Tue 6:45 PM, May 7, 2024</span>', '2024-05-07'],
    ['a date-like class', '<span class="article-publish-date">May 7, 2024, 9:02 AM</span>', '2024-05-07'],
  ])('%s', (_what, markup, iso) => {
    const a = parseHtml(`<html><head>${markup.startsWith('<meta') || markup.startsWith('<script') ? markup : ''}</head><body>${markup.startsWith('<meta') || markup.startsWith('<script') ? '' : markup}<div class="story">${body}</div></body></html>`, 'x');
    expect(a.published).toBe(iso);
    expect(a.publishedFrom).toBe('metadata');
  });

  it('ignores a date-like class without a year', () => {
    const a = parseHtml(`<html><body><div class="calendar-date">November 20</div><div class="story">${body}</div></body></html>`, 'x');
    expect(a.published).toBeNull();
  });
});
