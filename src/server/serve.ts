// Starts the app on a port with @hono/node-server (refusing a non-loopback address without a token), and the loopback channel through which other faultline commands use the same store.
import { createHash, timingSafeEqual } from 'node:crypto';
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

/** A command sent over the channel: its arguments, the caller's working directory and store file. */
export interface ChannelRequest {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly db: string;
}

/** Runs one command; writes its output through `write` as it goes and resolves to the exit code. */
export type ChannelRunner = (request: ChannelRequest, write: (stream: 'stdout' | 'stderr', text: string) => void) => Promise<number>;

export interface CommandChannel {
  readonly url: string;
  close(): Promise<void>;
}

const MAX_CHANNEL_BODY = 1024 * 1024;
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function readChannelRequest(text: string): ChannelRequest | string {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  const r = doc as Partial<ChannelRequest>;
  if (!Array.isArray(r.args) || !r.args.every((a) => typeof a === 'string')) return 'args must be a list of strings';
  if (typeof r.cwd !== 'string' || typeof r.db !== 'string') return 'cwd and db must be strings';
  return { args: r.args, cwd: r.cwd, db: r.db };
}

/**
 * Listens on 127.0.0.1 (a port of its own, whatever address the API uses) for commands that other `faultline`
 * processes send while this server holds the store. Only loopback peers presenting `secret` in `secretHeader`
 * are answered; output streams back as NDJSON lines `{"stdout": …}`, `{"stderr": …}`, then `{"exit": code}`.
 */
export async function startCommandChannel(options: { secret: string; secretHeader: string; path: string; run: ChannelRunner }): Promise<CommandChannel> {
  const { createServer } = await import('node:http');
  const expected = createHash('sha256').update(options.secret).digest();
  const server = createServer((req, res) => {
    const refuse = (status: number, message: string) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`serve: ${message}\n`);
    };
    if (!LOOPBACK_PEERS.has(req.socket.remoteAddress ?? '')) return refuse(403, 'commands are taken from this machine only');
    const given = req.headers[options.secretHeader];
    if (typeof given !== 'string' || !timingSafeEqual(createHash('sha256').update(given).digest(), expected)) return refuse(403, 'wrong or missing secret');
    if (req.method !== 'POST' || req.url !== options.path) return refuse(404, `only POST ${options.path} is served here`);
    let text = '';
    let size = 0;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      size += Buffer.byteLength(chunk);
      if (size > MAX_CHANNEL_BODY) req.destroy();
      else text += chunk;
    });
    req.on('end', () => {
      const request = readChannelRequest(text);
      if (typeof request === 'string') return refuse(400, request);
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      const line = (msg: object) => res.write(`${JSON.stringify(msg)}\n`);
      options
        .run(request, (stream, t) => line({ [stream]: t }))
        .then((code) => line({ exit: code }), (err: unknown) => {
          line({ stderr: `serve: internal error: ${err instanceof Error ? err.message : String(err)}\n` });
          line({ exit: 1 });
        })
        .finally(() => res.end());
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
