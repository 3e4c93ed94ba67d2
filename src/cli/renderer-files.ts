// The built renderer as browser mode serves it: finding a requested file without ever leaving the
// renderer folder, its content type, and index.html with the per-launch token written in.
import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { TOKEN_META_NAME } from '../shared/transport';
import { AssayError } from '../shared/errors';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm'
};

export function contentTypeFor(path: string): string {
  // Unknown types are served as bytes; with nosniff the browser will not guess them into scripts.
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export const INDEX_FILE = 'index.html';

/** Fails at start-up, not on the first page load, when the renderer has not been built. */
export function assertRendererBuilt(rendererDir: string): void {
  if (!existsSync(join(rendererDir, INDEX_FILE))) {
    throw new AssayError(
      'not_found',
      `The browser-mode UI is not built (${join(rendererDir, INDEX_FILE)} is missing). Run \`npm run build\` first, or use \`npm run web\`, which builds and serves.`
    );
  }
}

/** Writes <meta name="assay-token"> as the first element of <head>, where the renderer looks for it. */
export function injectTokenMeta(html: string, token: string): string {
  // The token is base64url, so it needs no escaping inside an attribute.
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) return meta + html;
  const end = head.index + head[0].length;
  return html.slice(0, end) + meta + html.slice(end);
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * The file a URL path names inside `rendererDir`, or null (404) when it does not exist, is not a
 * regular file, or would resolve outside the folder (`..`, encoded `%2e%2e` or `%2f`, symlinks).
 */
export async function resolveRendererFile(rendererDir: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(rendererDir);
  const candidate = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!isInside(root, candidate)) return null;
  try {
    // A symlink inside the folder must not lead out of it either.
    const [realRoot, realCandidate] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realCandidate)) return null;
    return (await stat(realCandidate)).isFile() ? realCandidate : null;
  } catch {
    return null;
  }
}
