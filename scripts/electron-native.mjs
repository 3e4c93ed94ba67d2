#!/usr/bin/env node
// Makes the Electron build of better-sqlite3 that the desktop app loads through `nativeBinding`,
// without touching node_modules/better-sqlite3 (whose Node build the tests, the CLI and the
// browser-mode host use). Run by `npm start` and `npm run dev`; does nothing when the binary exists.
//
// It copies the package to a temporary folder and there tries, in order:
//   1. prebuild-install --runtime electron  (downloads a prebuilt binary from GitHub releases)
//   2. node-gyp rebuild --runtime=electron  (downloads Electron's headers and compiles)
// then copies build/Release/better_sqlite3.node to build/electron-native/<electron>-<platform>-<arch>/.
// Paths and arguments come from src/main/native-binding.ts, which the main process uses too.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(projectRoot, 'package.json'));
const native = await tsImport('../src/main/native-binding.ts', import.meta.url);

const log = (message) => console.log(`[electron-native] ${message}`);

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function readStamp(path) {
  try {
    return readJson(path);
  } catch {
    return null;
  }
}

/** Runs a command with its output shown live, and keeps the output to explain a failure. */
function run(command, args, cwd) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

/**
 * node-gyp ships with npm rather than in node_modules. Under `npm run`/`npm start`, npm names its
 * copy in npm_config_node_gyp; otherwise look beside npm-cli.js, then beside the node binary.
 */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

async function main() {
  const target = {
    electronVersion: readJson(require.resolve('electron/package.json')).version,
    platform: process.platform,
    arch: process.env.npm_config_arch || process.arch
  };
  const packageDir = dirname(require.resolve('better-sqlite3/package.json'));
  const betterSqlite3Version = readJson(join(packageDir, 'package.json')).version;
  const outDir = native.electronNativeDir(projectRoot, target);
  const binaryPath = join(outDir, native.NATIVE_BINARY_FILE);
  const stampPath = join(outDir, native.NATIVE_STAMP_FILE);
  const shown = relative(process.cwd(), binaryPath) || binaryPath;

  const decision = native.decideNativeBuild(
    { binaryExists: existsSync(binaryPath), stamp: readStamp(stampPath) },
    betterSqlite3Version
  );
  if (!decision.build) {
    log(`better-sqlite3 for Electron ${target.electronVersion} is ready: ${shown} (${decision.reason}).`);
    return 0;
  }
  log(`Preparing better-sqlite3 ${betterSqlite3Version} for Electron ${target.electronVersion} (${target.platform}-${target.arch}): ${decision.reason}.`);

  const workDir = mkdtempSync(join(tmpdir(), 'assay-electron-native-'));
  try {
    const copy = join(workDir, 'better-sqlite3');
    // The package without its Node build: node_modules/better-sqlite3/build is never read or written.
    cpSync(packageDir, copy, {
      recursive: true,
      filter: (source) => relative(packageDir, source).split(/[\\/]/)[0] !== 'build'
    });
    const built = join(copy, 'build', 'Release', native.NATIVE_BINARY_FILE);
    let method = null;

    log('Step 1/2: downloading a prebuilt binary with prebuild-install…');
    const prebuild = await run(process.execPath, [require.resolve('prebuild-install/bin.js'), ...native.prebuildInstallArgs(target)], copy);
    let output = prebuild.output;
    if (prebuild.ok && existsSync(built)) {
      method = 'prebuild-install';
    } else {
      log('No prebuilt binary could be fetched. Step 2/2: building from source with node-gyp…');
      const nodeGyp = findNodeGyp();
      if (!nodeGyp) {
        output += '\nnode-gyp was not found (it ships with npm; run this script through `npm start`).';
      } else {
        const gyp = await run(process.execPath, [nodeGyp, ...native.nodeGypArgs(target)], copy);
        output += gyp.output;
        if (gyp.ok && existsSync(built)) method = 'node-gyp';
      }
    }

    if (!method) {
      console.error(`\n[electron-native] FAILED. ${native.describeNativeFailure(output, binaryPath, target)}\n`);
      return 1;
    }

    // Copy then rename, so an interrupted run never leaves a half-written binary that looks ready.
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, `${binaryPath}.partial`);
    renameSync(`${binaryPath}.partial`, binaryPath);
    const stamp = { betterSqlite3: betterSqlite3Version, electron: target.electronVersion, platform: target.platform, arch: target.arch, method };
    writeFileSync(stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
    log(`Done (${method}): ${shown}`);
    return 0;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
