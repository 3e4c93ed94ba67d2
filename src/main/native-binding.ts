// Where the Electron build of better-sqlite3 lives, and how scripts/electron-native.mjs makes it.
//
// better-sqlite3 is a native addon compiled against one ABI: the copy in node_modules is built for
// plain Node (vitest, the CLI, the browser-mode host) and must stay that way. Electron gets a
// second binary under build/electron-native/<electron>-<platform>-<arch>/, which the main process
// hands to better-sqlite3 as its `nativeBinding` option. This module is pure (node:path only) so
// that the main process, the build script (through tsx) and the tests share one definition.
import { join, sep } from 'node:path';

export const NATIVE_BINARY_FILE = 'better_sqlite3.node';
/** Written next to the binary by the script; records what it was built from. */
export const NATIVE_STAMP_FILE = 'build-info.json';
export const ELECTRON_NATIVE_FOLDER = join('build', 'electron-native');
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export interface ElectronTarget {
  electronVersion: string;
  platform: string;
  arch: string;
}

export interface NativeStamp {
  betterSqlite3: string;
  electron: string;
  platform: string;
  arch: string;
  method: 'prebuild-install' | 'node-gyp';
}

export function electronNativeKey(target: ElectronTarget): string {
  return `${target.electronVersion}-${target.platform}-${target.arch}`;
}

export function electronNativeDir(appRoot: string, target: ElectronTarget): string {
  return join(appRoot, ELECTRON_NATIVE_FOLDER, electronNativeKey(target));
}

/**
 * The binary for this Electron, below the app root (the project folder in development). In a
 * packaged app the root is resources/app.asar, and a .node file cannot be loaded from inside an
 * archive, so the packager must unpack build/electron-native (asarUnpack) and we look beside it.
 */
export function electronNativeBindingPath(appRoot: string, target: ElectronTarget): string {
  return unpackedAsarPath(join(electronNativeDir(appRoot, target), NATIVE_BINARY_FILE));
}

export function unpackedAsarPath(path: string): string {
  return path.replace(`${sep}app.asar${sep}`, `${sep}app.asar.unpacked${sep}`);
}

export type NativeBuildDecision = { build: false; reason: string } | { build: true; reason: string };

/**
 * Whether the script has work to do. A binary without a stamp was put there by hand (the offline
 * route the error message suggests) and is trusted; a stamp from another better-sqlite3 version
 * means the JavaScript half was upgraded and the binary must follow.
 */
export function decideNativeBuild(
  state: { binaryExists: boolean; stamp: NativeStamp | null },
  betterSqlite3Version: string
): NativeBuildDecision {
  if (!state.binaryExists) return { build: true, reason: 'no Electron build of better-sqlite3 yet' };
  if (state.stamp && state.stamp.betterSqlite3 !== betterSqlite3Version) {
    return {
      build: true,
      reason: `it was built for better-sqlite3 ${state.stamp.betterSqlite3}, node_modules has ${betterSqlite3Version}`
    };
  }
  return { build: false, reason: state.stamp ? `built with ${state.stamp.method}` : 'provided by hand, no build stamp' };
}

/** Arguments for prebuild-install run inside a copy of the better-sqlite3 package. */
export function prebuildInstallArgs(target: ElectronTarget): string[] {
  return [
    '--runtime',
    'electron',
    '--target',
    target.electronVersion,
    '--platform',
    target.platform,
    '--arch',
    target.arch,
    '--verbose'
  ];
}

/** Arguments for node-gyp run inside a copy of the better-sqlite3 package (the source fallback). */
export function nodeGypArgs(target: ElectronTarget): string[] {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`
  ];
}

const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|getaddrinfo|socket hang up|network connectivity|self[- ]signed|certificate/i;

/** The words the script ends with when neither a download nor a source build worked. */
export function describeNativeFailure(output: string, binaryPath: string, target: ElectronTarget): string {
  const manual =
    `Alternatively copy a better_sqlite3.node built for Electron ${target.electronVersion} ` +
    `(${target.platform}-${target.arch}) to ${binaryPath}.`;
  if (NETWORK_FAILURE.test(output)) {
    return (
      'Could not fetch a prebuilt better-sqlite3 for Electron (github.com) nor the Electron headers ' +
      `(${ELECTRON_HEADERS_URL}) to build one. Connect to the internet once and run ` +
      `\`node scripts/electron-native.mjs\` again. ${manual}`
    );
  }
  return (
    'No prebuilt better-sqlite3 matched this Electron and building it from source failed (see the node-gyp ' +
    'output above: it needs Python 3 and a C++20 compiler — build-essential, Xcode command line tools, ' +
    `or Visual Studio Build Tools). ${manual}`
  );
}
