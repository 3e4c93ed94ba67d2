// The Electron shell: app lifecycle, opening the library, and the window. Everything about the
// library itself is in core; this file only wires it to Electron.
/// <reference types="electron-vite/node" />
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, handlers } from '../core/dispatch/dispatcher';
import { configureImportWorker } from '../core/import/background-import';
// electron-vite builds the import worker as its own entry and gives its path (core reads files there).
import importWorkerPath from '../core/import/import-worker?modulePath';
import { openAppLibrary } from '../core/library/app-library';
import { resolveLibraryPath } from '../core/library/library-location';
import type { Library } from '../core/db/library';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { electronNativeBindingPath } from './native-binding';
import { withWindowPrinting } from './print-window';
import type { AppLocation } from './security';
import { createMainWindow, hardenSession } from './window';

// Before anything reads userData: the name picks the folder (and the single-instance lock), the
// same folder core's userDataFolder() gives the CLI. ASSAY_USER_DATA lets tests isolate a run.
app.setName('Assay');
if (process.env.ASSAY_USER_DATA) app.setPath('userData', process.env.ASSAY_USER_DATA);

// The project folder in development, resources/app.asar when packaged. Packaging must ship
// resources/ inside the app and build/electron-native/ unpacked (see docs/architecture.md).
const appRoot = app.getAppPath();
const location: AppLocation = {
  rendererDir: join(import.meta.dirname, '../renderer'),
  devServerUrl: !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
};
let library: Library | undefined;
let mainWindow: BrowserWindow | undefined;

function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function openWindow(): void {
  mainWindow = createMainWindow({
    location,
    rendererIndex: join(location.rendererDir, 'index.html'),
    preloadPath: join(import.meta.dirname, '../preload/index.cjs')
  });
  mainWindow.on('closed', () => (mainWindow = undefined));
}

function start(): void {
  const nativeBinding = electronNativeBindingPath(appRoot, {
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch
  });
  if (!existsSync(nativeBinding)) {
    return fail(
      'Assay is missing its database module',
      `SQLite for Electron ${process.versions.electron} was not found at ${nativeBinding}.\n\n` +
        'Run `node scripts/electron-native.mjs` (npm start does this) to download or build it.'
    );
  }
  const libraryPath = resolveLibraryPath(undefined, process.env);
  try {
    library = openAppLibrary(libraryPath, { resourcesDir: join(appRoot, 'resources'), nativeBinding });
  } catch (error) {
    // AssayError messages (library too new, not a library) are written for the user as they are.
    const message = error instanceof Error ? error.message : String(error);
    return fail('Assay cannot open the library', message);
  }
  configureImportWorker(importWorkerPath);
  // print.pdf prints in a hidden window here; the CLI and browser mode use headless Chromium.
  const appHandlers = withWindowPrinting(handlers, join(appRoot, 'resources'));
  registerIpc(createDispatcher({ library, appVersion: app.getVersion() }, appHandlers), location);
  hardenSession(session.defaultSession, location);
  installMenu();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another Assay already has this library open; it gets focus through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // Closing the connection checkpoints the WAL, so the library is one file again after a quit.
  app.on('will-quit', () => library?.close());
  void app.whenReady().then(start);
}
