// How the contract travels. The renderer picks a transport at start-up (the preload bridge in the
// desktop app, HTTP in browser mode); both carry the same method names and envelopes.
import type { Envelope } from './errors';

/** ipcMain.handle channel that carries every contract call. */
export const IPC_INVOKE_CHANNEL = 'assay:invoke';

/** Browser mode: POST {HTTP_API_PREFIX}{method} with the JSON input as body; the reply is an Envelope. */
export const HTTP_API_PREFIX = '/api/';
/** Browser mode: every API request carries the per-launch token in this header. */
export const HTTP_TOKEN_HEADER = 'x-assay-token';
/** Browser mode: the host writes the token into index.html as <meta name="assay-token" content="…">. */
export const TOKEN_META_NAME = 'assay-token';
/**
 * Browser mode: the cookie that admits static files after the first visit with ?token=. Cookies
 * are shared across ports, so the name carries the port: two hosts at once keep their own.
 */
export function tokenCookieName(port: number): string {
  return `assay_token_${port}`;
}

/** What the preload script exposes as window.assay. */
export interface AssayBridge {
  readonly runtime: 'electron';
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
}
