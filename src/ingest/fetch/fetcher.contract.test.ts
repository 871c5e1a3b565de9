/**
 * One contract suite for every Fetcher (CONVENTIONS 7): the HTTP fetcher against a server on
 * 127.0.0.1 (allowPrivate) and the replay fetcher against the same recorded responses.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFetcher } from './http.js';
import { ReplayFetcher, type ReplayEntry } from './replay.js';
import { FetchError, type Fetcher, type FetchOptions } from './types.js';

interface Route {
  status?: number;
  contentType?: string;
  location?: string;
  body?: string | Uint8Array;
}

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
// "“Caf\xe9” r\xe9opened" in windows-1252: 0x93 and 0x94 are curly quotes there, C1 controls in latin1.
const CP1252_BODY = new Uint8Array([...latin1('<html><head><title>t</title></head><body><p>'), 0x93, ...latin1('Caf\xe9'), 0x94, ...latin1(' r\xe9opened</p></body></html>')]);
const META_BODY = new Uint8Array([...latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>'), 0x93, ...latin1('Quay'), 0x94, ...latin1('</p></body></html>')]);

const ROUTES: Record<string, Route> = {
  '/ok': { contentType: 'text/html; charset=utf-8', body: '<html><body><p>Café on the quay</p></body></html>' },
  '/cp1252': { contentType: 'text/html; charset=windows-1252', body: CP1252_BODY },
  '/meta1252': { contentType: 'text/html', body: META_BODY },
  '/feed': { contentType: 'application/rss+xml', body: '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>' },
  '/pdf': { contentType: 'application/pdf', body: '%PDF-1.4 not a page' },
  '/big': { contentType: 'text/html', body: 'x'.repeat(50_000) },
  '/redirect': { status: 301, location: '/ok' },
  '/loop1': { status: 302, location: '/loop2' },
  '/loop2': { status: 302, location: '/loop1' },
  '/disguised': { contentType: 'text/html', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]) },
  '/missing': { status: 404, contentType: 'text/html', body: 'not here' },
  '/chain8': { status: 404, contentType: 'text/html', body: 'end of chain' },
  ...Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`/chain${i}`, { status: 302, location: `/chain${i + 1}` }])),
};

function contract(name: string, setup: () => Promise<{ fetcher: Fetcher; base: string; opts: FetchOptions; close(): Promise<void> }>): void {
  describe(`Fetcher contract: ${name}`, () => {
    let f: Fetcher;
    let base = '';
    let opts: FetchOptions = {};
    let close: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ fetcher: f, base, opts, close } = await setup());
    });
    afterAll(async () => close());

    const code = async (path: string, extra: FetchOptions = {}): Promise<string> => {
      try {
        await f.fetch(base + path, { ...opts, ...extra });
        return 'ok';
      } catch (err) {
        expect(err).toBeInstanceOf(FetchError);
        expect((err as FetchError).message).toContain(base + path);
        return (err as FetchError).code;
      }
    };

    it('fetches and decodes a UTF-8 page', async () => {
      const r = await f.fetch(`${base}/ok`, opts);
      expect(r.body).toContain('Café on the quay');
      expect(r.charset).toBe('utf-8');
      expect(r.mediaType).toBe('text/html');
      expect(r.status).toBe(200);
    });
    it('decodes windows-1252 from the Content-Type header', async () => {
      const r = await f.fetch(`${base}/cp1252`, opts);
      expect(r.charset).toBe('windows-1252');
      expect(r.body).toContain('“Café” réopened');
    });
    it('decodes windows-1252 declared only in <meta http-equiv>', async () => {
      const r = await f.fetch(`${base}/meta1252`, opts);
      expect(r.body).toContain('“Quay”');
    });
    it('accepts feeds', async () => {
      expect((await f.fetch(`${base}/feed`, opts)).mediaType).toBe('application/rss+xml');
    });
    it('follows a redirect and records it', async () => {
      const r = await f.fetch(`${base}/redirect`, opts);
      expect(r.url).toBe(`${base}/ok`);
      expect(r.redirects).toEqual([`${base}/ok`]);
    });
    it.each([
      ['/pdf', {}, 'content_type'],
      ['/disguised', {}, 'content_type'],
      ['/big', { maxBytes: 10_000 }, 'too_large'],
      ['/loop1', {}, 'redirect_loop'],
      ['/chain0', { maxRedirects: 3 }, 'too_many_redirects'],
      ['/missing', {}, 'http_status'],
    ] as const)('%s with %o fails with %s', async (path, extra, want) => {
      expect(await code(path, extra)).toBe(want);
    });
    it('a chain within the cap is followed', async () => {
      expect(await code('/chain0', { maxRedirects: 8 })).toBe('http_status'); // /chain8 answers 404
    });
  });
}

contract('HttpFetcher on 127.0.0.1', async () => {
  const server: Server = createServer((req, res) => {
    const r = ROUTES[req.url ?? ''];
    if (r === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
      return;
    }
    const headers: Record<string, string> = {};
    if (r.contentType) headers['content-type'] = r.contentType;
    if (r.location) headers.location = r.location;
    res.writeHead(r.status ?? 200, headers);
    res.end(r.body ?? '');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    fetcher: new HttpFetcher(),
    base: `http://127.0.0.1:${port}`,
    opts: { allowPrivate: true },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
});

contract('ReplayFetcher', async () => {
  const base = 'https://replay.example';
  const entries = new Map<string, ReplayEntry>(
    Object.entries(ROUTES).map(([path, r]) => [
      base + path,
      { ...(r.status !== undefined ? { status: r.status } : {}), ...(r.contentType ? { contentType: r.contentType } : {}), ...(r.location ? { location: r.location } : {}), ...(r.body !== undefined ? { body: r.body } : {}) },
    ]),
  );
  return { fetcher: new ReplayFetcher(entries), base, opts: {}, close: async () => {} };
});

describe('ReplayFetcher specifics', () => {
  it('re-checks every hop: a redirect to a private address is refused', async () => {
    const f = new ReplayFetcher(new Map([['https://pub.example/a', { status: 302, location: 'http://10.0.0.7/admin' }]]));
    await expect(f.fetch('https://pub.example/a')).rejects.toMatchObject({ code: 'private_address' });
  });
  it('refuses non-http schemes', async () => {
    await expect(new ReplayFetcher(new Map()).fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'bad_url' });
  });
});

describe('HttpFetcher specifics', () => {
  let server: Server;
  let base = '';
  const held: Array<() => void> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body>');
        held.push(() => res.end('</body></html>')); // never finished before the timeout
        return;
      }
      if (req.url === '/stream') {
        // chunked, no Content-Length: the cap must apply while streaming
        res.writeHead(200, { 'content-type': 'text/html' });
        let sent = 0;
        const push = (): void => {
          while (sent < 20_000_000) {
            sent += 65_536;
            if (!res.write(Buffer.alloc(65_536, 0x61))) {
              res.once('drain', push);
              return;
            }
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        push();
        return;
      }
      if (req.url === '/bomb') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(gzipSync(Buffer.alloc(5_000_000, 0x20)));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const h of held) h();
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  it('a TLS handshake that never completes hits the connect timeout', async () => {
    const { createServer: createTcpServer } = await import('node:net');
    const sockets: Array<{ destroy(): void }> = [];
    const silent = createTcpServer((sock) => void sockets.push(sock)); // accepts, never answers the ClientHello
    await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
    try {
      const port = (silent.address() as AddressInfo).port;
      await expect(new HttpFetcher().fetch(`https://127.0.0.1:${port}/`, { allowPrivate: true, connectTimeoutMs: 300, totalTimeoutMs: 10_000 })).rejects.toMatchObject({ code: 'connect_timeout' });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => silent.close(() => ok()));
    }
  });
  it('a slow server hits the total timeout', async () => {
    await expect(new HttpFetcher().fetch(`${base}/slow`, { allowPrivate: true, totalTimeoutMs: 300 })).rejects.toMatchObject({ code: 'timeout' });
  });
  it('a streamed body without Content-Length stops at the size cap', async () => {
    await expect(new HttpFetcher().fetch(`${base}/stream`, { allowPrivate: true, maxBytes: 1_000_000 })).rejects.toMatchObject({ code: 'too_large' });
  });
  it('a gzip bomb stops at the cap after decompression', async () => {
    await expect(new HttpFetcher().fetch(`${base}/bomb`, { allowPrivate: true, maxBytes: 100_000 })).rejects.toMatchObject({ code: 'too_large' });
  });
  it('refuses a loopback IP literal without allowPrivate', async () => {
    await expect(new HttpFetcher().fetch(`${base}/ok`)).rejects.toMatchObject({ code: 'private_address' });
  });
  it('refuses a name that resolves to loopback without allowPrivate (DNS checked first)', async () => {
    const port = new URL(base).port;
    await expect(new HttpFetcher().fetch(`http://localhost:${port}/ok`)).rejects.toMatchObject({ code: 'private_address' });
  });
  it('refuses an IPv4-mapped IPv6 loopback literal', async () => {
    await expect(new HttpFetcher().fetch('http://[::ffff:127.0.0.1]:9/')).rejects.toMatchObject({ code: 'private_address' });
  });
  it('checks every address a name resolves to: one private address among public ones is refused', async () => {
    const resolve = async (): Promise<Array<{ address: string; family: number }>> => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.8', family: 4 },
    ];
    await expect(new HttpFetcher({}, { resolve }).fetch('http://mixed.test/a')).rejects.toMatchObject({ code: 'private_address', message: expect.stringContaining('10.0.0.8 (private)') });
  });
  it('connects to the address it checked (a name resolved by the injected resolver to 127.0.0.1)', async () => {
    const port = new URL(base).port;
    const resolve = async (): Promise<Array<{ address: string; family: number }>> => [{ address: '127.0.0.1', family: 4 }];
    const r = await new HttpFetcher({}, { resolve }).fetch(`http://newsroom.test:${port}/ok`, { allowPrivate: true });
    expect(r.body).toBe('<p>hello</p>');
  });
  it('an unresolvable name is a dns error', async () => {
    const resolve = async (): Promise<never> => {
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    await expect(new HttpFetcher({}, { resolve }).fetch('http://nowhere.test/')).rejects.toMatchObject({ code: 'dns', message: expect.stringContaining('ENOTFOUND') });
  });
  it('fetches the same page with allowPrivate', async () => {
    expect((await new HttpFetcher().fetch(`${base}/ok`, { allowPrivate: true })).body).toBe('<p>hello</p>');
  });
  it('an unreachable port is a network error naming the URL', async () => {
    const s = createServer();
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const port = (s.address() as AddressInfo).port;
    await new Promise<void>((ok) => s.close(() => ok()));
    await expect(new HttpFetcher().fetch(`http://127.0.0.1:${port}/`, { allowPrivate: true })).rejects.toMatchObject({ code: 'network' });
  });
});
