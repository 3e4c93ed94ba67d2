// Browser mode over real sockets: the token, the cookie, the Host check, static files and the API.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../core/db/library';
import { openAppLibrary } from '../core/library/app-library';
import { HTTP_TOKEN_HEADER, tokenCookieName } from '../shared/transport';
import { RESOURCES_DIR } from './install-paths';
import { isLoopbackHost, MAX_API_BODY_BYTES, startWebHost, type WebHost } from './web-host';

const INDEX_HTML = '<!doctype html><html><head><title>Assay</title></head><body><script src="/assets/app.js"></script></body></html>';
const SECRET = 'the library must not leak this';

let folder: string;
let rendererDir: string;
let library: Library;
let host: WebHost;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (fetch would normalise away `..`). */
function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: Agent } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      }
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const withCookie = () => ({ cookie: `${tokenCookieName(host.port)}=${host.token}` });

function callApi(method: string, body: string, headers: Record<string, string> = { [HTTP_TOKEN_HEADER]: host.token }) {
  return send(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'assay-web-'));
  rendererDir = join(folder, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("assay");');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body { margin: 0 }');
  writeFileSync(join(folder, 'secret.txt'), SECRET);
  library = openAppLibrary(join(folder, 'library.sqlite'), { resourcesDir: RESOURCES_DIR, sample: true });
  host = await startWebHost({ library, appVersion: '9.9.9', rendererDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  library.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the token', () => {
  it('is required for the page, with a pointer to the printed URL', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(403);
    expect(reply.body).toContain('assay serve');
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect((await send('/?token=wrong')).status).toBe(403);
    expect((await send('/', { headers: { cookie: `${tokenCookieName(host.port)}=wrong` } })).status).toBe(403);
  });

  it('in the URL becomes a strict HttpOnly cookie and a redirect to /', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[\w-]{32}$/);
    const reply = await send(`/?token=${host.token}`);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']).toEqual([`${tokenCookieName(host.port)}=${host.token}; HttpOnly; SameSite=Strict; Path=/`]);
  });

  it('as a cookie admits index.html, with the token written into <head>', async () => {
    const reply = await send('/', { headers: withCookie() });
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.body).toContain(`<head><meta name="assay-token" content="${host.token}"><title>Assay</title>`);
  });

  it('as a cookie admits static files with their content types', async () => {
    const script = await send('/assets/app.js', { headers: withCookie() });
    expect([script.status, script.headers['content-type'], script.body]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log("assay");']);
    expect((await send('/assets/app.css', { headers: withCookie() })).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await send('/assets/app.js', { method: 'HEAD', headers: withCookie() });
    expect([head.status, head.body]).toEqual([200, '']);
    expect((await send('/assets/missing.js', { headers: withCookie() })).status).toBe(404);
    expect((await send('/assets/app.js', { method: 'DELETE', headers: withCookie() })).status).toBe(405);
  });
});

describe('the Host header', () => {
  it('must name this server, so a rebound DNS name is refused', async () => {
    const rebound = await send(`/?token=${host.token}`, { headers: { host: `evil.example:${host.port}` } });
    expect(rebound.status).toBe(403);
    expect((await callApi('library.info', '{}', { [HTTP_TOKEN_HEADER]: host.token, host: 'evil.example' })).status).toBe(403);
    expect((await send('/', { headers: { ...withCookie(), host: `127.0.0.1:${host.port + 1}` } })).status).toBe(403);
    expect((await send('/', { headers: { ...withCookie(), host: `localhost:${host.port}` } })).status).toBe(200);
  });
});

describe('static files', () => {
  it('never come from outside the renderer folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/%00/../secret.txt',
      '/%E0%A4%A'
    ];
    for (const path of attempts) {
      const reply = await send(path, { headers: withCookie() });
      expect([path, reply.status]).toEqual([path, 404]);
      expect(reply.body).not.toContain(SECRET);
    }
  });

  it('never follow a symlink out of the renderer folder', async () => {
    symlinkSync(join(folder, 'secret.txt'), join(rendererDir, 'assets', 'linked.txt'));
    const reply = await send('/assets/linked.txt', { headers: withCookie() });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain(SECRET);
  });
});

describe('the API', () => {
  it('needs the token header; the cookie alone is not enough (CSRF)', async () => {
    const cookieOnly = await callApi('library.info', '{}', withCookie());
    expect(cookieOnly.status).toBe(403);
    expect((await callApi('library.info', '{}', { [HTTP_TOKEN_HEADER]: 'wrong' })).status).toBe(403);
  });

  it('answers with the dispatcher envelope', async () => {
    const reply = await callApi('library.info', '{}');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, result: { articleCount: 1, highlightCount: 5, appVersion: '9.9.9' } });
    // An empty body is an empty input.
    expect(JSON.parse((await callApi('library.info', '')).body).ok).toBe(true);
  });

  it('takes POST only', async () => {
    const reply = await send('/api/library.info', { headers: { [HTTP_TOKEN_HEADER]: host.token } });
    expect([reply.status, reply.headers.allow]).toEqual([405, 'POST']);
  });

  it('reports an unknown method and invalid input inside the envelope', async () => {
    const unknown = await callApi('articles.explode', '{}');
    expect(unknown.status).toBe(200);
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown_method' } });

    const invalid = JSON.parse((await callApi('articles.list', '{"limit":"ten"}')).body);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(invalid.error.message).toMatch(/^articles\.list: limit: /);

    const notJson = await callApi('library.info', '{nope');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
  });

  it('refuses a body over the size limit before reading it', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(host.port, '127.0.0.1', () => {
        socket.write(
          `POST /api/library.info HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n${HTTP_TOKEN_HEADER}: ${host.token}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${MAX_API_BODY_BYTES + 1}\r\n\r\n{`
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received.split('\r\n')[0]));
      socket.on('error', reject);
    });
    expect(status).toBe('HTTP/1.1 413 Payload Too Large');
  });
});

describe('starting and stopping', () => {
  it('refuses to start when the renderer is not built', async () => {
    await expect(startWebHost({ library, appVersion: '0', rendererDir: join(folder, 'nothing') })).rejects.toThrow(/npm run build/);
  });

  it('refuses a non-loopback host unless asked to allow it', async () => {
    await expect(startWebHost({ library, appVersion: '0', rendererDir, host: '0.0.0.0' })).rejects.toThrow(/not a loopback address/);
    expect(['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '192.168.1.10', 'example.com', '::'].some(isLoopbackHost)).toBe(false);
  });

  it('close() ends kept-alive connections, so nothing hangs', async () => {
    const agent = new Agent({ keepAlive: true });
    expect((await send('/', { headers: withCookie(), agent })).status).toBe(200);
    const started = Date.now();
    await host.close();
    expect(Date.now() - started).toBeLessThan(1000);
    agent.destroy();
    // afterEach closes again; a second close must not throw.
    host = { ...host, close: async () => {} };
  });
});
