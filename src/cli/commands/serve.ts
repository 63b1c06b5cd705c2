// `serve`: the HTTP API and the dashboard, on loopback unless a token guards it.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { withStore } from '../context.js';

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
      const token = o.token ?? process.env.FAULTLINE_TOKEN;
      if (token !== undefined && token.length < 8) throw new UserError('cli/serve', 'a token needs at least 8 characters', { field: '--token' });
      const maxIngestBytes = Number(o.maxIngest);
      if (!Number.isInteger(maxIngestBytes) || maxIngestBytes < 1) throw new UserError('cli/serve', `"${o.maxIngest}" is not a positive whole number`, { field: '--max-ingest' });
      const cacheEntries = Number(o.cache);
      if (!Number.isInteger(cacheEntries) || cacheEntries < 0) throw new UserError('cli/serve', `"${o.cache}" is not a whole number`, { field: '--cache' });
      const { startServer, ensureWebBuilt, webBuildIsCurrent, WEB_DIST_DIR } = await import('../../server/index.js');
      const log = (line: string) => process.stderr.write(`${line}\n`);
      const webRoot = o.build ? await ensureWebBuilt({ log }) : webBuildIsCurrent() ? WEB_DIST_DIR : undefined;
      await withStore(cmd, async (store) => {
        const running = await startServer({ store, port: port(o.port), host: o.host, token, webRoot, maxIngestBytes, cacheEntries });
        process.stdout.write(`faultline: serving ${store.path || 'an in-memory store'} at ${running.url}/ (API description: ${running.url}/api/openapi.json)\n`);
        if (!webRoot) process.stdout.write('faultline: dashboard not built; serving the API only\n');
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await running.close();
      });
    });
}
