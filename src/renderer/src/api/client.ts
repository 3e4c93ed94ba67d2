// The renderer's only way to the library. It does not know whether the desktop app's preload
// bridge or the browser-mode HTTP host carries the call; both speak the same contract.
import type { MethodInput, MethodName, MethodResult } from '../../../shared/contract';
import { AssayError, type Envelope } from '../../../shared/errors';
import { HTTP_API_PREFIX, HTTP_TOKEN_HEADER, TOKEN_META_NAME, type AssayBridge } from '../../../shared/transport';

export type Transport = (method: string, input: unknown) => Promise<Envelope<unknown>>;

export interface AssayClient {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodResult<K>>;
  readonly runtime: 'electron' | 'browser';
}

function httpTransport(token: string): Transport {
  return async (method, input) => {
    const response = await fetch(`${HTTP_API_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [HTTP_TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {})
    });
    if (response.status === 403) {
      return {
        ok: false,
        error: { code: 'internal', message: 'The browser-mode host refused this page; open the URL that `assay serve` printed.' }
      };
    }
    return (await response.json()) as Envelope<unknown>;
  };
}

export function createClient(transport: Transport, runtime: AssayClient['runtime']): AssayClient {
  return {
    runtime,
    async call(method, input) {
      const envelope = await transport(method, input);
      if (!envelope.ok) throw AssayError.fromPayload(envelope.error);
      return envelope.result as MethodResult<typeof method>;
    }
  };
}

declare global {
  interface Window {
    assay?: AssayBridge;
  }
}

/** Picks the transport this page was loaded with. */
export function connect(): AssayClient {
  if (window.assay) {
    const bridge = window.assay;
    return createClient((method, input) => bridge.invoke(method, input), 'electron');
  }
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
  return createClient(httpTransport(token), 'browser');
}

export function errorMessage(error: unknown): string {
  if (error instanceof AssayError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
