import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher } from '../core/dispatch/dispatcher';
import { openAppLibrary } from '../core/library/app-library';
import type { Library } from '../core/db/library';
import type { Envelope } from '../shared/errors';
import { IPC_INVOKE_CHANNEL } from '../shared/transport';

type Listener = (event: unknown, method: unknown, input: unknown) => Promise<Envelope<unknown>>;
const handlers = new Map<string, Listener>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, listener: Listener) => handlers.set(channel, listener) }
}));

const { registerIpc } = await import('./ipc');

const projectRoot = join(import.meta.dirname, '..', '..');
const rendererDir = join(projectRoot, 'out', 'renderer');
const appPage = pathToFileURL(join(rendererDir, 'index.html')).href;
const fromPage = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

let library: Library;
let invoke: Listener;

beforeEach(() => {
  handlers.clear();
  library = openAppLibrary(':memory:', { resourcesDir: join(projectRoot, 'resources') });
  registerIpc(createDispatcher({ library, appVersion: '0.0.0-test' }), { rendererDir });
  invoke = handlers.get(IPC_INVOKE_CHANNEL)!;
});

afterEach(() => library.close());

describe('the IPC handler', () => {
  it('registers one handler, on the contract channel', () => {
    expect([...handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
  });

  it('serves contract calls from our own page through the dispatcher', async () => {
    const reply = await invoke(fromPage(`${appPage}#/`), 'articles.list', {});
    expect(reply.ok).toBe(true);
    const titles = (reply as { result: { items: { title: string }[] } }).result.items.map((item) => item.title);
    expect(titles.some((title) => title.startsWith('Who really controls rare earths?'))).toBe(true);
  });

  it('passes input problems back as envelopes, not exceptions', async () => {
    expect(await invoke(fromPage(appPage), 'articles.get', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await invoke(fromPage(appPage), 'shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await invoke(fromPage(appPage), 42, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('refuses pages that are not ours, embedded frames and vanished frames', async () => {
    for (const event of [
      fromPage('https://example.com/'),
      fromPage(pathToFileURL('/tmp/imported.html').href),
      fromPage(appPage, { url: appPage }),
      { senderFrame: null }
    ]) {
      const reply = await invoke(event, 'articles.list', {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect((reply as { error: { message: string } }).error.message).toMatch(/^Assay refused a library call/);
    }
  });
});
