// Starts the app on a port with @hono/node-server; refuses a non-loopback address without a token.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { UserError } from '../model/errors.js';
import { createApp, type AppDeps } from './app.js';
import { ComputePool } from './compute-pool.js';
import { BrowserSessions, isLoopbackAddress } from './security.js';

export interface ServeOptions extends AppDeps {
  readonly port: number;
  readonly host: string;
  /** Where the one-time login link is printed when a token is set (default: stdout). */
  readonly log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly server: ServerType;
  /** With a token: the one-time link that lets a browser in (sets an HttpOnly, SameSite=Strict session cookie). */
  readonly loginUrl?: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the server accepts connections. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!isLoopbackAddress(options.host) && !options.token) {
    throw new UserError('serve', `refusing to listen on "${options.host}" without --token: only loopback addresses may go without one`, { field: '--host' });
  }
  const sessions = options.token ? options.sessions ?? new BrowserSessions() : undefined;
  const code = sessions?.issueCode();
  const compute = options.compute instanceof ComputePool ? options.compute : new ComputePool(options.compute);
  const app = createApp({ ...options, sessions, compute });
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      const loginUrl = code ? `${url}/login?code=${code}` : undefined;
      if (loginUrl) (options.log ?? ((l: string) => process.stdout.write(`${l}\n`)))(`faultline: to open the dashboard in a browser, visit ${loginUrl} (the link works once)`);
      resolve({
        url,
        server,
        loginUrl,
        close: () => new Promise<void>((done) => server.close(() => done())).then(() => compute.close()),
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UserError('serve', `port ${options.port} on ${options.host} is already in use`, { field: '--port' }) : err),
    );
  });
}
