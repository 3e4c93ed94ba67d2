// Browser mode: the contract over HTTP on a loopback address, plus the built renderer. Anything
// that can reach the port could otherwise read and change the library, so every request must show
// the per-launch token, and requests addressed to other host names (DNS rebinding) are refused.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../core/dispatch/dispatcher';
import type { Library } from '../core/db/library';
import { AssayError, type Envelope } from '../shared/errors';
import { MAX_PROJECT_FILE_BYTES } from '../shared/projects';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, tokenCookieName } from '../shared/transport';
import { DEFAULT_RENDERER_DIR } from './install-paths';
import { assertRendererBuilt, contentTypeFor, INDEX_FILE, injectTokenMeta, resolveRendererFile } from './renderer-files';

export interface WebHostOptions {
  library: Library;
  appVersion: string;
  /** The built renderer (default <repo>/out/renderer). */
  rendererDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A non-loopback host is refused unless the user asked for it (assay serve --host). */
  allowNonLoopback?: boolean;
}

export interface WebHost {
  /** The address to open: it carries the token, which the host turns into a cookie. */
  url: string;
  /** e.g. http://127.0.0.1:5173, without the token. */
  origin: string;
  port: number;
  token: string;
  /** Stops listening and drops open (keep-alive) connections. */
  close(): Promise<void>;
}

// Project files and imports travel as base64 (4/3 of the bytes) inside JSON; the largest project
// file plus 1 MB for the rest of the request leaves room for the contract's own limits, and
// anything larger is refused before it is held in memory.
export const MAX_API_BODY_BYTES = Math.ceil((MAX_PROJECT_FILE_BYTES * 4) / 3) + 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin'
};

const FORBIDDEN_TEXT =
  'Assay: this address needs the link printed by `assay serve` (it carries a token that changes at every launch).\n' +
  'Open that link, or start browser mode again with `npm run web`.\n';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/** How a host name appears in a URL and a Host header: IPv6 addresses in brackets. */
function urlHostName(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** The Host header values a legitimate browser sends; anything else may be a rebound DNS name. */
function allowedHostHeaders(host: string, urlHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', urlHost]);
  if (!isLoopbackHost(host)) {
    if (isWildcardHost(host)) {
      names.add(hostname());
      for (const addresses of Object.values(networkInterfaces())) {
        for (const address of addresses ?? []) names.add(urlHostName(address.address));
      }
    } else {
      names.add(urlHostName(host));
    }
  }
  return new Set([...names].map((name) => `${name}:${port}`.toLowerCase()));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(envelope));
}

/** The body, or null once it passes `limit` bytes (the rest is read and dropped, not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (!tooLarge) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new AssayError('invalid_input', `Port ${port} on ${host} is in use; choose another with --port, or --port 0 for any free port.`));
      } else {
        reject(error);
      }
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const host = options.host ?? '127.0.0.1';
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  if (!isLoopbackHost(host) && !options.allowNonLoopback) {
    throw new AssayError(
      'invalid_input',
      `Refusing to serve on ${host}: it is not a loopback address, so other machines could reach the library.`
    );
  }
  assertRendererBuilt(rendererDir);

  const dispatcher = createDispatcher({ library: options.library, appVersion: options.appVersion });
  const token = randomBytes(24).toString('base64url');
  const tokenDigest = digest(token);
  // Comparing digests keeps the comparison constant-time whatever length the candidate has.
  const isToken = (candidate: string | undefined) =>
    candidate !== undefined && timingSafeEqual(digest(candidate), tokenDigest);
  let allowedHosts = new Set<string>();

  const serveApi = async (req: IncomingMessage, res: ServerResponse, methodPath: string) => {
    // The cookie alone is not enough: a browser attaches it to requests that other pages trigger
    // (CSRF); only our own page can read the token from index.html and send it as a header.
    const header = req.headers[HTTP_TOKEN_HEADER];
    if (!isToken(typeof header === 'string' ? header : undefined)) return sendText(res, 403, FORBIDDEN_TEXT);
    if (req.method !== 'POST') return sendText(res, 405, 'The Assay API takes POST requests only.\n', { Allow: 'POST' });

    const tooLarge = () => {
      res.on('finish', () => req.destroy());
      sendJson(
        res,
        413,
        { ok: false, error: { code: 'invalid_input', message: `The request is larger than ${MAX_API_BODY_BYTES / 1024 / 1024} MB.` } },
        { Connection: 'close' }
      );
    };
    if (Number(req.headers['content-length']) > MAX_API_BODY_BYTES) return tooLarge();
    const body = await readBody(req, MAX_API_BODY_BYTES);
    if (body === null) return tooLarge();

    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } });
      }
    }
    let method: string;
    try {
      method = decodeURIComponent(methodPath);
    } catch {
      method = methodPath;
    }
    // Failures travel inside the envelope with status 200, exactly as over IPC.
    sendJson(res, 200, await dispatcher.invokeAsync(method, input));
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(res, 405, 'Only GET and HEAD are allowed here.\n', { Allow: 'GET, HEAD' });
    }
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!isToken(offered)) return sendText(res, 403, FORBIDDEN_TEXT);
      // The token leaves the address bar (and the history) at once; the cookie admits what follows.
      res.writeHead(302, {
        'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store'
      });
      return res.end();
    }
    if (!isToken(readCookie(req.headers.cookie, tokenCookieName(port)))) return sendText(res, 403, FORBIDDEN_TEXT);

    let body: Buffer;
    let path: string;
    const headers: Record<string, string> = {};
    if (url.pathname === '/' || url.pathname === `/${INDEX_FILE}`) {
      path = join(rendererDir, INDEX_FILE);
      try {
        // Read at every request, so a rebuild shows up on reload.
        body = Buffer.from(injectTokenMeta(await readFile(path, 'utf8'), token));
      } catch {
        assertRendererBuilt(rendererDir);
        throw new Error(`Could not read ${path}.`);
      }
      headers['Cache-Control'] = 'no-store';
    } else {
      const found = await resolveRendererFile(rendererDir, url.pathname);
      if (!found) return sendText(res, 404, 'Not found.\n');
      path = found;
      body = await readFile(path);
    }
    res.writeHead(200, { ...headers, 'Content-Type': contentTypeFor(path), 'Content-Length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!allowedHosts.has((req.headers.host ?? '').toLowerCase())) {
      return sendText(res, 403, 'Assay only answers requests addressed to 127.0.0.1 or localhost.\n');
    }
    const rawUrl = req.url ?? '/';
    if (!rawUrl.startsWith('/')) return sendText(res, 400, 'Bad request.\n');
    // A fixed origin, so that a path like //other.example/x stays a path.
    const url = new URL(`http://assay.invalid${rawUrl}`);
    if (url.pathname.startsWith(HTTP_API_PREFIX)) return serveApi(req, res, url.pathname.slice(HTTP_API_PREFIX.length));
    return serveStatic(req, res, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      sendText(res, 500, `Assay hit an unexpected error: ${message}\n`);
    });
  });

  await listen(server, options.port ?? 0, host);
  const address = server.address() as AddressInfo;
  const port = address.port;
  // A wildcard bind is reached through loopback from this machine; otherwise use the address bound
  // (for "localhost" that may be ::1, whichever the resolver gave first).
  const urlHost = isWildcardHost(host) ? '127.0.0.1' : urlHostName(address.address);
  allowedHosts = allowedHostHeaders(host, urlHost, port);
  const origin = `http://${urlHost}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      })
  };
}
