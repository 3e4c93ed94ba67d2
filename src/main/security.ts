// The rules that decide what the window may load and who may call the library. Pure (no Electron
// import) so they are unit-tested; window.ts and ipc.ts apply them.
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Same policy as the meta tag in src/renderer/index.html (a test keeps the two equal). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'"
].join('; ');

/**
 * Development only: the React Fast Refresh preamble is an inline module script, so the dev server's
 * pages need 'unsafe-inline' for scripts (electron.vite.config.ts relaxes the meta tag the same way).
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'"
);

export interface AppLocation {
  /** Folder of the built renderer (out/renderer); pages are served from here as file://. */
  rendererDir: string;
  /** The electron-vite dev server (ELECTRON_RENDERER_URL), only in development. */
  devServerUrl?: string;
}

/** True for a URL that is one of our own renderer pages: a file inside rendererDir, or the dev server. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    let path: string;
    try {
      path = fileURLToPath(parsed);
    } catch {
      return false;
    }
    const inside = relative(location.rendererDir, path);
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  }
  if (location.devServerUrl && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
    try {
      return parsed.origin === new URL(location.devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * What the window's session may fetch: our pages and their assets, inline data, and in development
 * the dev server's hot-reload socket. Everything else (remote images in an article, trackers, …) is
 * cancelled, so the app stays offline whatever an imported page contains.
 */
export function isAllowedRequest(url: string, location: AppLocation): boolean {
  if (isAppUrl(url, location)) return true;
  if (/^(data|blob|devtools):/i.test(url)) return true;
  if (location.devServerUrl && /^wss?:/i.test(url)) {
    try {
      return new URL(url).host === new URL(location.devServerUrl).host;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links the user may open in their own browser. Everything else (file:, javascript:, custom schemes) is dropped. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
