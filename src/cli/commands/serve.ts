// `serve`: the HTTP API and the dashboard, on loopback unless a token guards it.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { resolve } from 'node:path';
import { ioOf, withStore, type SharedStore } from '../context.js';

interface ServeCliOptions {
  port: string;
  host: string;
  token?: string;
  maxIngest: string;
  build: boolean;
  cache: string;
}

function port(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UserError('cli/serve', `"${v}" is not a port number (0–65535)`, { field: '--port' });
  return n;
}

/** Declares `faultline serve [--port 8377] [--host 127.0.0.1] [--token T]`. */
export function defineServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/openapi.json) and the dashboard; loopback only unless --token is given')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8377')
    .option('--host <address>', 'address to listen on; anything but loopback needs --token', '127.0.0.1')
    .option('--token <token>', 'require "Authorization: Bearer <token>" on every request (default: $FAULTLINE_TOKEN)')
    .option('--max-ingest <bytes>', 'largest article POST /api/ingest accepts', String(1024 * 1024))
    .option('--cache <n>', 'GET answers kept between writes (0: no cache)', '2000')
    .option('--no-build', 'do not build the dashboard; serve only the API when dist/web is missing')
    .action(async (o: ServeCliOptions, cmd: Command) => {
      const token = o.token ?? ioOf(cmd).env.FAULTLINE_TOKEN;
      if (token !== undefined && token.length < 8) throw new UserError('cli/serve', 'a token needs at least 8 characters', { field: '--token' });
      const maxIngestBytes = Number(o.maxIngest);
      if (!Number.isInteger(maxIngestBytes) || maxIngestBytes < 1) throw new UserError('cli/serve', `"${o.maxIngest}" is not a positive whole number`, { field: '--max-ingest' });
      const cacheEntries = Number(o.cache);
      if (!Number.isInteger(cacheEntries) || cacheEntries < 0) throw new UserError('cli/serve', `"${o.cache}" is not a whole number`, { field: '--cache' });
      const io = ioOf(cmd);
      if (io.store) throw new UserError('cli/serve', 'serve cannot be started through a running server');
      const server = await import('../../server/index.js');
      const log = (line: string) => void io.stderr.write(`${line}\n`);
      const webRoot = o.build ? await server.ensureWebBuilt({ log }) : server.webBuildIsCurrent() ? server.WEB_DIST_DIR : undefined;
      await withStore(cmd, async (store) => {
        const lock = new server.ReadWriteLock();
        const cache = new server.ResponseCache(cacheEntries);
        const running = await server.startServer({ store, port: port(o.port), host: o.host, token, webRoot, maxIngestBytes, cacheEntries, lock, cache });
        const shared: SharedStore = {
          path: store.path,
          use: (write, fn) =>
            write
              ? lock.write(async () => {
                  try {
                    return await fn(store);
                  } finally {
                    // The dashboard's next refresh must see what the command wrote.
                    cache.clear();
                  }
                })
              : lock.read(() => fn(store)),
        };
        const link = store.path ? await openCommandChannel(shared, running.url) : undefined;
        io.stdout.write(`faultline: serving ${store.path || 'an in-memory store'} at ${running.url}/ (API description: ${running.url}/api/openapi.json)\n`);
        if (!webRoot) io.stdout.write('faultline: dashboard not built; serving the API only\n');
        if (link) io.stdout.write(`faultline: other faultline commands on this store run through this server (${link.file})\n`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await link?.close();
        await running.close();
      });
    });
}

/**
 * Opens the loopback channel other `faultline` processes use while this server holds the store, and writes the
 * server file beside the store that tells them where it is; `close` removes both.
 */
async function openCommandChannel(shared: SharedStore, api: string): Promise<{ file: string; close(): Promise<void> }> {
  const { randomBytes } = await import('node:crypto');
  const { startCommandChannel } = await import('../../server/index.js');
  const link = await import('../server-link.js');
  const secret = randomBytes(32).toString('hex');
  const channel = await startCommandChannel({
    secret,
    secretHeader: link.SECRET_HEADER,
    path: link.CHANNEL_PATH,
    run: async (request, write) => {
      if (resolve(request.db) !== shared.path) {
        write('stderr', `serve: this server holds ${shared.path}, not ${request.db}\n`);
        return 2;
      }
      const { main } = await import('../main.js');
      const stream = (name: 'stdout' | 'stderr') => ({ isTTY: false, write: (text: string) => void write(name, text) });
      const env = { ...process.env, FAULTLINE_DB: shared.path };
      return main(['node', 'faultline', ...request.args], { stdout: stream('stdout'), stderr: stream('stderr'), env, cwd: request.cwd, store: shared });
    },
  });
  const file = link.writeServerFile({
    url: channel.url,
    secret,
    pid: process.pid,
    db: shared.path,
    api,
    command: process.argv.slice(1).join(' '),
    started: new Date().toISOString(),
  });
  const remove = () => link.removeServerFile(shared.path, secret);
  process.once('exit', remove);
  return {
    file,
    close: async () => {
      remove();
      process.off('exit', remove);
      await channel.close();
    },
  };
}
