// The renderer's only door to the main process: one fixed object, one channel. The raw ipcRenderer
// is never exposed, so a page cannot send on other channels or listen to replies meant for others.
// Built as a single CommonJS file because sandboxed preloads can only require('electron').
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_INVOKE_CHANNEL, type AssayBridge } from '../shared/transport';

const bridge = {
  runtime: 'electron',
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input)
} satisfies AssayBridge;

contextBridge.exposeInMainWorld('assay', bridge);
