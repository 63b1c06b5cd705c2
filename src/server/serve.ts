// Starts the app on a port with @hono/node-server; refuses a non-loopback address without a token.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { UserError } from '../model/errors.js';
import { createApp, type AppDeps } from './app.js';
import { isLoopbackAddress } from './security.js';

export interface ServeOptions extends AppDeps {
  readonly port: number;
  readonly host: string;
}

export interface RunningServer {
  readonly url: string;
  readonly server: ServerType;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once the server accepts connections. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  if (!isLoopbackAddress(options.host) && !options.token) {
    throw new UserError('serve', `refusing to listen on "${options.host}" without --token: only loopback addresses may go without one`, { field: '--host' });
  }
  const app = createApp(options);
  return new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UserError('serve', `port ${options.port} on ${options.host} is already in use`, { field: '--port' }) : err),
    );
  });
}
