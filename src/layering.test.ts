// The process map, enforced: shared imports no other layer and no Node; core imports no Electron,
// React or DOM code and no other layer but shared; the renderer sees only shared (the contract),
// never core, main, the CLI or Node. A wrong import fails here instead of in a code review.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = __dirname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) found.push(match[1] ?? match[2]);
  return found;
}

/** The src/ layer an import lands in ('core', 'shared', …), or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  const path = relative(SRC, resolve(dirname(file), specifier.split('?')[0]));
  return `src/${path.split(/[\\/]/)[0]}`;
}

const RULES: { layer: string; forbidden: (target: string) => boolean; why: string }[] = [
  {
    layer: 'shared',
    forbidden: (t) => ['src/core', 'src/main', 'src/preload', 'src/renderer', 'src/cli'].includes(t) || t.startsWith('node:') || t === 'electron' || t === 'better-sqlite3',
    why: 'shared is read by every process, the renderer included'
  },
  {
    layer: 'core',
    forbidden: (t) => ['src/main', 'src/preload', 'src/renderer', 'src/cli'].includes(t) || t === 'electron' || t === 'react' || t.startsWith('react-dom') || t.startsWith('@tiptap/react'),
    why: 'core runs under plain Node for the CLI, the browser-mode host and the tests'
  },
  {
    layer: 'renderer',
    forbidden: (t) => ['src/core', 'src/main', 'src/cli'].includes(t) || t.startsWith('node:') || t === 'electron' || t === 'better-sqlite3',
    why: 'the renderer sees the library only through the contract'
  },
  {
    layer: 'preload',
    forbidden: (t) => ['src/core', 'src/renderer', 'src/cli', 'src/main'].includes(t),
    why: 'the preload exposes a fixed bridge and nothing else'
  }
];

describe('layers', () => {
  for (const rule of RULES) {
    it(`${rule.layer} imports nothing it must not (${rule.why})`, () => {
      const offending = sourceFiles(join(SRC, rule.layer)).flatMap((file) =>
        importsOf(file)
          .filter((specifier) => rule.forbidden(target(file, specifier)))
          .map((specifier) => `${relative(SRC, file)} imports ${specifier}`)
      );
      expect(offending).toEqual([]);
    });
  }
});
