// The main window and the rules it runs under. The renderer gets no Node, no Electron and no
// remote content: only window.assay from the preload, and our own pages.
import { BrowserWindow, shell, type Session } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  DEV_CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isAppUrl,
  isExternalWebUrl,
  type AppLocation
} from './security';

export interface MainWindowOptions {
  location: AppLocation;
  /** Built renderer entry (out/renderer/index.html), loaded when there is no dev server. */
  rendererIndex: string;
  preloadPath: string;
}

function openExternally(url: string): void {
  if (isExternalWebUrl(url)) void shell.openExternal(url);
}

/** Session-wide rules, applied once at start-up: they hold for every window the app opens. */
export function hardenSession(appSession: Session, location: AppLocation): void {
  // No camera, microphone, notifications, geolocation, MIDI, … Clipboard writes stay possible,
  // because "copy citation" style buttons use navigator.clipboard.writeText.
  appSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(permission === 'clipboard-sanitized-write');
  });
  appSession.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');

  // file:// responses have no headers, so the built app relies on the meta tag in index.html; the
  // dev server's responses (http) also get the policy as a header.
  const policy = location.devServerUrl ? DEV_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
  appSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, location)) return callback({ responseHeaders: details.responseHeaders });
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });

  // Nothing but our own pages and the dev server is fetched: no remote images, fonts or scripts
  // from an imported article, even if sanitising missed one.
  appSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, location) });
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 720,
    minHeight: 480,
    title: 'Assay',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true
    }
  });

  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  // The page never leaves the app: links in articles open in the user's browser instead.
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, options.location)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options.location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });

  if (options.location.devServerUrl) void window.loadURL(options.location.devServerUrl);
  else void window.loadFile(options.rendererIndex);
  return window;
}
