// The one IPC entry point: every contract call arrives on IPC_INVOKE_CHANNEL and goes through the
// core dispatcher, which validates the input. Anything the main process can do for the renderer is
// therefore a contract method; there are no side channels.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../core/dispatch/dispatcher';
import type { Envelope } from '../shared/errors';
import { IPC_INVOKE_CHANNEL } from '../shared/transport';
import { isAppUrl, type AppLocation } from './security';

function refused(message: string): Envelope<unknown> {
  return { ok: false, error: { code: 'internal', message } };
}

/**
 * Only our own top-level page may call the library. A frame that navigated elsewhere, an iframe,
 * or any other page that somehow got the preload would otherwise reach every method.
 */
function senderProblem(event: IpcMainInvokeEvent, location: AppLocation): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone';
  if (frame.parent !== null) return 'calls are accepted from the main window only, not from embedded frames';
  if (!isAppUrl(frame.url, location)) return `calls are not accepted from ${frame.url || 'an unknown page'}`;
  return null;
}

export function registerIpc(dispatcher: Dispatcher, location: AppLocation): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    const problem = senderProblem(event, location);
    if (problem) return refused(`Assay refused a library call: ${problem}.`);
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'unknown_method', message: 'A library call must name its method.' } };
    }
    // Async, so that importing a file parses it in the import worker without holding up other calls.
    return dispatcher.invokeAsync(method, input);
  });
}
