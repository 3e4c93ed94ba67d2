// What the preload script adds to the renderer's window (absent in browser mode). For a renderer
// type-checked on its own; the repository's tsconfig skips this file because index.ts sits beside
// it, and src/renderer/src/api/client.ts declares the same property for that build.
interface Window {
  assay?: import('../shared/transport').AssayBridge;
}
