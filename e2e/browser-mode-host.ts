// Starting and stopping the real browser-mode host (`assay serve`, as `npm run web` runs it) on a
// given library: for the end-to-end fixtures and the renderer benchmarks alike.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

/** Starts `assay serve` on a free port for the library and returns the printed URL (with its token). */
export async function startHost(libraryPath: string, options: { timeoutMs?: number } = {}): Promise<{ host: ChildProcess; url: string }> {
  const host = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'assay.mjs'), 'serve', '--port', '0', '--library', libraryPath], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`assay serve did not print its URL in time:\n${output}`)), options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    host.stdout!.on('data', onData);
    host.stderr!.on('data', onData);
    host.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`assay serve exited with ${code}:\n${output}`));
    });
  });
  return { host, url };
}

export async function stopHost(host: ChildProcess): Promise<void> {
  if (host.exitCode !== null) return;
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (host.exitCode === null) host.kill('SIGKILL');
}
