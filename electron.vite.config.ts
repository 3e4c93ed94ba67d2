// Builds the three Electron targets into out/main, out/preload and out/renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './src/main/security';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The React Fast Refresh preamble is an inline script, which index.html's policy forbids. Only the
 * dev server loosens it; the built index.html keeps the strict policy.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'assay:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY)
    }
  };
}

export default defineConfig({
  main: {
    build: {
      // package.json dependencies stay in node_modules (externalizeDeps). better-sqlite3 must in
      // any case: it loads its .node binary at run time, and main points it at the Electron build.
      externalizeDeps: true,
      rolldownOptions: { external: ['better-sqlite3'] }
    }
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron' and a few built-ins, so everything it uses
      // is bundled into one CommonJS file (out/preload/index.cjs), never split into chunks.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: { output: { format: 'cjs' } }
    }
  },
  renderer: {
    root: `${root}src/renderer`,
    // Relative asset URLs: the same build loads from file:// in Electron and from '/' in browser mode.
    base: './',
    // electron-vite leaves the renderer unminified; minified, the bundle (React, Tiptap, ECharts)
    // is about a third the size and the first article list paints sooner (docs/benchmarks.md).
    build: { minify: true },
    plugins: [react(), devContentSecurityPolicy()]
  }
});
