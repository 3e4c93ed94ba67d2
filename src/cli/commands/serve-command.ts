// assay serve: browser mode. Opens the library, serves the built renderer and the contract on a
// loopback port, and closes the library cleanly when stopped (Ctrl+C or SIGTERM).
import { withLibrary, type CommandSpec } from '../cli-context';
import { integerOption } from '../cli-options';
import { appVersion } from '../install-paths';

export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'run Assay in the browser (what `npm run web` starts)',
  usage: 'assay serve [--port N] [--host 127.0.0.1]',
  options: ['port', 'host'],
  args: { min: 0, max: 0 },
  details: [
    '--port N      port to listen on; 0 (the default) picks a free one',
    '--host ADDR   address to bind (default 127.0.0.1); a non-loopback address exposes the',
    '              library to the network, protected only by the token in the printed link'
  ],
  run: (context) => {
    const { io, options } = context;
    const port = integerOption(options.port, 'port', 0, 65535) ?? 0;
    const host = options.host ?? '127.0.0.1';
    return withLibrary(context, async ({ library, path }) => {
      // Loaded here, not at the top, so that other commands start without the HTTP host.
      const { isLoopbackHost, startWebHost } = await import('../web-host');
      const webHost = await startWebHost({
        library,
        appVersion: appVersion(),
        rendererDir: io.rendererDir,
        port,
        host,
        // Only a --host typed on the command line may open the library to the network.
        allowNonLoopback: options.host !== undefined
      });
      if (!isLoopbackHost(host)) {
        io.stderr.write(
          `assay: warning: serving on ${host}, which other machines may reach; only the token in the link below keeps them out.\n`
        );
      }
      io.stdout.write(`Assay is running in browser mode. Open: ${webHost.url}\n`);
      io.stdout.write(`Library: ${path}\n`);
      io.stdout.write('Press Ctrl+C to stop.\n');
      try {
        await io.waitForShutdown();
      } finally {
        await webHost.close();
      }
      return 0;
    });
  }
};
