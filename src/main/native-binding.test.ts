import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decideNativeBuild,
  describeNativeFailure,
  electronNativeBindingPath,
  electronNativeDir,
  nodeGypArgs,
  prebuildInstallArgs,
  unpackedAsarPath,
  type NativeStamp
} from './native-binding';

const target = { electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };
const stamp = (betterSqlite3: string): NativeStamp => ({
  betterSqlite3,
  electron: '45.5.0',
  platform: 'linux',
  arch: 'x64',
  method: 'prebuild-install'
});

describe('where the Electron build of better-sqlite3 lives', () => {
  it('is one folder per Electron version, platform and architecture', () => {
    expect(electronNativeDir('/project', target)).toBe(join('/project', 'build', 'electron-native', '45.5.0-linux-x64'));
    expect(electronNativeBindingPath('/project', target)).toBe(
      join('/project', 'build', 'electron-native', '45.5.0-linux-x64', 'better_sqlite3.node')
    );
  });

  it('looks beside the asar archive in a packaged app, because a .node file cannot load from inside it', () => {
    const packaged = join(sep, 'opt', 'Assay', 'resources', 'app.asar');
    expect(electronNativeBindingPath(packaged, target)).toBe(
      join(sep, 'opt', 'Assay', 'resources', 'app.asar.unpacked', 'build', 'electron-native', '45.5.0-linux-x64', 'better_sqlite3.node')
    );
  });

  it('leaves paths outside an archive alone', () => {
    const path = join(sep, 'home', 'me', 'app.asarx', 'build', 'x.node');
    expect(unpackedAsarPath(path)).toBe(path);
  });
});

describe('whether the script builds', () => {
  it('builds when there is no binary', () => {
    expect(decideNativeBuild({ binaryExists: false, stamp: null }, '12.11.1').build).toBe(true);
    expect(decideNativeBuild({ binaryExists: false, stamp: stamp('12.11.1') }, '12.11.1').build).toBe(true);
  });

  it('skips when the binary was built from the installed better-sqlite3', () => {
    expect(decideNativeBuild({ binaryExists: true, stamp: stamp('12.11.1') }, '12.11.1')).toEqual({
      build: false,
      reason: 'built with prebuild-install'
    });
  });

  it('trusts a binary copied in by hand (no stamp), the offline route', () => {
    expect(decideNativeBuild({ binaryExists: true, stamp: null }, '12.11.1').build).toBe(false);
  });

  it('rebuilds after better-sqlite3 was upgraded', () => {
    const decision = decideNativeBuild({ binaryExists: true, stamp: stamp('12.0.0') }, '12.11.1');
    expect(decision.build).toBe(true);
    expect(decision.reason).toContain('12.0.0');
  });
});

describe('the commands', () => {
  it('asks prebuild-install for the Electron runtime at this version and architecture', () => {
    expect(prebuildInstallArgs(target).join(' ')).toContain('--runtime electron --target 45.5.0 --platform linux --arch x64');
  });

  it('builds from source against the Electron headers', () => {
    expect(nodeGypArgs(target)).toEqual([
      'rebuild',
      '--release',
      '--runtime=electron',
      '--target=45.5.0',
      '--arch=x64',
      '--dist-url=https://electronjs.org/headers'
    ]);
  });
});

describe('the failure message', () => {
  const path = '/project/build/electron-native/45.5.0-linux-x64/better_sqlite3.node';

  it('says offline when the downloads could not reach the network, and where to copy a binary', () => {
    const message = describeNativeFailure('prebuild-install warn install getaddrinfo ENOTFOUND github.com', path, target);
    expect(message).toMatch(/Could not fetch .* Electron headers/);
    expect(message).toContain(path);
  });

  it('points at the compiler when the headers came but the build failed', () => {
    const message = describeNativeFailure('gyp ERR! build error\nmake: *** [sqlite3.o] Error 1', path, target);
    expect(message).toContain('C++20 compiler');
    expect(message).toContain(path);
  });
});
