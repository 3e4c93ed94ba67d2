#!/usr/bin/env node
// Copies the fonts the print document embeds into resources/fonts/, with their licences. Run once
// by hand when the fonts change (`node scripts/copy-fonts.mjs`); the copied files are committed, so
// neither the app nor the CLI needs the font packages (or the network) at run time.
//
// It fetches the Fontsource packages with `npm pack` into a temporary folder (they are not project
// dependencies) and keeps only the Latin subset of a few weights: the whole set is about 150 KB,
// which every print document carries as base64.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(projectRoot, 'resources', 'fonts');

const PACKAGES = [
  {
    spec: '@fontsource/source-serif-4@5.3.1',
    family: 'Source Serif 4',
    prefix: 'source-serif-4',
    files: ['latin-400-normal', 'latin-400-italic', 'latin-600-normal']
  },
  {
    spec: '@fontsource/inter@5.3.0',
    family: 'Inter',
    prefix: 'inter',
    files: ['latin-400-normal', 'latin-600-normal']
  }
];

const work = mkdtempSync(join(tmpdir(), 'assay-fonts-'));
try {
  mkdirSync(target, { recursive: true });
  const manifest = [];
  for (const pkg of PACKAGES) {
    const tarball = execFileSync('npm', ['pack', pkg.spec, '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
    const unpacked = join(work, pkg.prefix);
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', unpacked]);
    const root = join(unpacked, 'package');
    for (const file of pkg.files) {
      const name = `${pkg.prefix}-${file}.woff2`;
      copyFileSync(join(root, 'files', name), join(target, name));
      const [, weight, style] = file.split('-');
      manifest.push({ family: pkg.family, weight: Number(weight), style, file: name });
    }
    const licence = readdirSync(root).find((name) => /^licen[cs]e/i.test(name));
    if (!licence) throw new Error(`${pkg.spec} has no licence file`);
    copyFileSync(join(root, licence), join(target, `${pkg.prefix}-LICENSE.txt`));
  }
  writeFileSync(join(target, 'fonts.json'), `${JSON.stringify({ source: PACKAGES.map((pkg) => pkg.spec), fonts: manifest }, null, 2)}\n`);
  console.log(`Copied ${manifest.length} fonts to ${target}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
