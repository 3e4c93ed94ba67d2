// The fonts the print document embeds (resources/fonts, copied there by scripts/copy-fonts.mjs),
// as @font-face rules with the files inlined: the printout looks the same on every machine, and
// the document loads nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssayError } from '../../shared/errors';

interface FontManifest {
  fonts: { family: string; weight: number; style: 'normal' | 'italic'; file: string }[];
}

let configuredDir: string | null = null;
const cachedCss = new Map<string, string>();

/** Where the fonts are; the desktop app sets it (the app's resources/ folder may be packaged). */
export function configurePrintFonts(dir: string): void {
  configuredDir = dir;
}

/** The folder holding fonts.json: the configured one, else resources/fonts found from this file. */
export function printFontsDir(): string {
  if (configuredDir) return configuredDir;
  // src/core/print/ when run from source (CLI, tests); out/main/ (or a chunk folder) when bundled.
  const candidates = ['../../../resources/fonts', '../../resources/fonts', '../resources/fonts'].map((relative) =>
    fileURLToPath(new URL(`${relative}/`, import.meta.url))
  );
  const found = candidates.find((dir) => existsSync(join(dir, 'fonts.json')));
  if (!found) {
    throw new AssayError('internal', `The print fonts are missing (looked for resources/fonts in ${candidates.join(', ')}).`);
  }
  return found;
}

/** @font-face rules for every bundled font, or only those of one family (the page footer's). */
export function fontFaceCss(family?: string): string {
  const dir = printFontsDir();
  const key = `${dir}\u0000${family ?? ''}`;
  const cached = cachedCss.get(key);
  if (cached !== undefined) return cached;
  const manifest = JSON.parse(readFileSync(join(dir, 'fonts.json'), 'utf8')) as FontManifest;
  const css = manifest.fonts
    .filter((font) => family === undefined || (font.family === family && font.weight === 400 && font.style === 'normal'))
    .map(
      (font) =>
        `@font-face{font-family:'${font.family}';font-style:${font.style};font-weight:${font.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${readFileSync(join(dir, font.file)).toString('base64')}) format('woff2');}`
    )
    .join('\n');
  cachedCss.set(key, css);
  return css;
}
