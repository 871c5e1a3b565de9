#!/usr/bin/env node
// The web UI tested as a person would, in a real browser (Debian's chromium driven by playwright-core):
// ingest the examples, open the story list, open a story, click a citation and see the highlighted
// sentence, see the map and the timeline, run a search, and check that hostile article text stays
// inert. Screenshots go to test-artifacts/browser/. Run by .ci/run after `apt-get install chromium`;
// `npm run test:browser` locally. Needs a build (npm ci / npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`browser tests: ${chromiumPath} not found (apt-get install chromium)`);
  process.exit(1);
}
const { chromium } = await import('playwright-core');
const artifacts = join(root, 'test-artifacts', 'browser');
mkdirSync(artifacts, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), 'tri-ui-'));
const db = join(tmp, 'ui.db');
const TOKEN = 'browser-test-token';

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const ingest = spawnSync(process.execPath, [join(root, 'bin', 'tri.js'), 'ingest', join(root, 'examples'), '--db', db], { encoding: 'utf8' });
if (ingest.status !== 0 && ingest.status !== 1) {
  console.error(ingest.stderr);
  console.error('browser tests: ingest of examples/ failed');
  process.exit(1);
}

const server = spawn(process.execPath, [join(root, 'bin', 'tri.js'), 'serve', '--db', db, '--port', '0'], {
  env: { ...process.env, TRI_TOKEN: TOKEN },
  stdio: ['ignore', 'ignore', 'pipe'],
});
const base = await new Promise((resolve, reject) => {
  let err = '';
  const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
  server.stderr.on('data', (d) => {
    err += d;
    const m = /listening on (http:\/\/\S+)/.exec(err);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
const dialogs = [];
page.on('dialog', async (d) => {
  dialogs.push(d.message());
  await d.dismiss();
});
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));

try {
  await check('story list shows the examples story', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('table.stories tbody tr', { timeout: 15_000 });
    const rows = await page.locator('table.stories tbody tr').count();
    assert(rows >= 1, `expected stories, got ${rows}`);
    await page.screenshot({ path: join(artifacts, '1-story-list.png'), fullPage: true });
  });

  await check('story page shows brief, claims, timeline and map', async () => {
    await page.locator('table.stories tbody tr a').first().click();
    await page.waitForSelector('#h-brief', { timeout: 15_000 });
    assert(await page.locator('section[aria-labelledby="h-claims"]').isVisible(), 'claims section missing');
    assert(await page.locator('section[aria-labelledby="h-timeline"]').isVisible(), 'timeline section missing');
    await page.waitForSelector('svg.map path.land', { timeout: 15_000 });
    const land = await page.locator('svg.map path.land').count();
    assert(land > 100, `map drew ${land} countries`);
    await page.screenshot({ path: join(artifacts, '2-story.png'), fullPage: true });
    const dots = await page.locator('svg.map circle.place').count();
    assert(dots > 0, 'no places on the map');
    const events = await page.locator('ol.events li').count();
    assert(events > 0, 'timeline has no events');
  });

  await check('clicking a citation highlights the cited sentence', async () => {
    const cite = page.locator('ol.brief a.cite').first();
    await cite.click();
    await page.waitForSelector('mark#hl', { timeout: 15_000 });
    const text = (await page.locator('mark#hl').first().innerText()).trim();
    assert(text.length > 10, `highlight too short: "${text}"`);
    assert(await page.locator('mark#hl').first().isVisible(), 'highlight not visible');
    await page.screenshot({ path: join(artifacts, '3-article-highlight.png'), fullPage: false });
  });

  await check('search finds articles', async () => {
    await page.fill('#q', 'spillway');
    await page.press('#q', 'Enter');
    await page.waitForSelector('ol.results li', { timeout: 15_000 });
    const n = await page.locator('ol.results li').count();
    assert(n > 0, 'no results');
    await page.screenshot({ path: join(artifacts, '4-search.png'), fullPage: true });
  });

  await check('hostile article text is rendered inert', async () => {
    const hostile = {
      documents: [
        {
          title: '<script>window.__pwned=1;alert("title")</script> Flood gauge readings',
          text:
            'River gauges in Vantia rose again on Friday. <img src=x onerror="window.__pwned=2;alert(2)"> <script>window.__pwned=3</script> ' +
            '<a href="javascript:window.__pwned=4">click</a> Officials said the levee held.',
          url: 'javascript:window.__pwned=5',
        },
      ],
    };
    const res = await fetch(`${base}/api/ingest`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(hostile) });
    const body = await res.json();
    assert(res.status === 201 && body.articleIds?.length === 1, `ingest failed: ${res.status} ${JSON.stringify(body)}`);
    await page.goto(`${base}/#/article/${encodeURIComponent(body.articleIds[0])}`);
    await page.waitForSelector('.article-text', { timeout: 15_000 });
    const title = await page.locator('h1').first().innerText();
    assert(title.includes('<script>'), `title not shown literally: ${title}`);
    for (const a of await page.locator('a').all()) {
      const href = (await a.getAttribute('href')) ?? '';
      assert(!/^\s*javascript:/i.test(href), `a javascript: link was rendered: ${href}`);
    }
    const links = page.locator('.article-text a');
    assert((await links.count()) === 0, 'article text produced links');
    await page.locator('.article-text').click();
    const pwned = await page.evaluate(() => window.__pwned);
    assert(pwned === undefined, `script ran: __pwned=${pwned}`);
    assert(dialogs.length === 0, `dialogs opened: ${dialogs.join(', ')}`);
    assert((await page.locator('.article-text img, .article-text script').count()) === 0, 'markup from the text became elements');
    await page.screenshot({ path: join(artifacts, '5-hostile-article.png'), fullPage: true });
  });

  await check('keyboard: skip link and search reachable with Tab', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('table.stories');
    // From the top of the document: the skip link first, then the search box.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
    assert(first.includes('Skip'), `first Tab stop is "${first}"`);
    let reached = false;
    for (let i = 0; i < 5 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'q');
    }
    assert(reached, 'the search box is not reachable with Tab');
    await page.keyboard.type('spillway');
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.results li', { timeout: 15_000 });
    // a result link is reachable and opens with Enter
    await page.locator('ol.results li a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.article-text', { timeout: 15_000 });
  });

  await check('no script errors on any page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('; '));
  });
} finally {
  await browser.close();
  await check('the server stops on SIGTERM', async () => {
    const exited = new Promise((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 10_000))]);
    assert(code === 0, `exit: ${code}`);
  });
  if (server.exitCode === null) server.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`\nbrowser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
