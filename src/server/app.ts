// The HTTP app: API routes from the route table, the OpenAPI document, the dashboard's static files, one error handler.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { serveStatic } from '@hono/node-server/serve-static';
import type { z } from 'zod';
import { UserError } from '../model/errors.js';
import type { Store } from '../store/store.js';
import { HttpError, type ErrorBody } from './http-error.js';
import { openApiDocument } from './openapi.js';
import { ROUTES, type Route, type RouteContext } from './routes.js';
import { ComputePool, type ComputeOptions } from './compute-pool.js';
import { ReadWriteLock } from './rw-lock.js';
import { ResponseCache } from './response-cache.js';
import { BrowserSessions, loginHandler, loopbackHostOnly, securityHeaders, tokenOrSession } from './security.js';
import { builtinScenarioDirs, type ScenarioDirs } from './services.js';

export interface AppDeps {
  readonly store: Store;
  /**
   * When set, every request needs `Authorization: Bearer <token>` or the session cookie a one-time login link sets
   * (`sessions`); when not, only loopback host names are answered.
   */
  readonly token?: string;
  /** One-time login links for browsers, with a token (created when absent; `serve` prints one link at start). */
  readonly sessions?: BrowserSessions;
  /** Worker threads for ingest and simulate: a pool, or options for the app's own. */
  readonly compute?: ComputePool | ComputeOptions;
  /** Directory of the built dashboard (index.html and assets); no dashboard when absent. */
  readonly webRoot?: string;
  /** Largest body POST /api/ingest accepts, in bytes (default 1 MiB). */
  readonly maxIngestBytes?: number;
  readonly scenarioDirs?: ScenarioDirs;
  /** How many GET answers to keep (default 2000; 0 turns the cache off). */
  readonly cacheEntries?: number;
  /** The lock and answer cache to use, when something besides the app (the CLI channel of `serve`) also uses the store. */
  readonly lock?: ReadWriteLock;
  readonly cache?: ResponseCache;
}

export const DEFAULT_MAX_INGEST_BYTES = 1024 * 1024;
const MAX_OTHER_BODY_BYTES = 256 * 1024;

const errorJson = (c: Context, status: HttpError['status'], error: string, message: string) =>
  c.json<ErrorBody>({ error, message }, status);

/** Names the first problem of a failed parse: `server: query: from: must be …`. */
function issueMessage(where: 'query' | 'body', error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `server: ${where}: ${path}${issue.message}`;
}

function parseQuery(route: Route, c: Context): unknown {
  const raw = c.req.query();
  if (!route.query) {
    const given = Object.keys(raw);
    if (given.length) throw new HttpError(400, `server: query: ${given[0]}: unknown parameter; ${route.path} takes no parameters`);
    return {};
  }
  const known = Object.keys((route.query as z.ZodObject).shape);
  const unknown = Object.keys(raw).filter((k) => !known.includes(k));
  if (unknown.length) throw new HttpError(400, `server: query: ${unknown[0]}: unknown parameter; expected ${known.join(', ')}`);
  const r = route.query.safeParse(raw);
  if (!r.success) throw new HttpError(400, issueMessage('query', r.error));
  return r.data;
}

async function parseBody(route: Route, c: Context): Promise<unknown> {
  if (!route.body) return undefined;
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'server: body: must be sent as application/json');
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpError(400, 'server: body: not valid JSON');
  }
  const r = route.body.safeParse(raw);
  if (!r.success) throw new HttpError(400, issueMessage('body', r.error));
  return r.data;
}

/** Builds the app around a store; tests call it in-process with `app.request()`. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const lock = deps.lock ?? new ReadWriteLock();
  const cache = deps.cache ?? new ResponseCache(deps.cacheEntries ?? 2000);
  const compute = deps.compute instanceof ComputePool ? deps.compute : new ComputePool(deps.compute);
  const ctx: RouteContext = { store: deps.store, lock, compute, scenarioDirs: deps.scenarioDirs ?? builtinScenarioDirs };
  const tooLarge = (limit: number) => (c: Context) => errorJson(c, 413, 'payload-too-large', `server: body: larger than the limit of ${limit} bytes`);

  app.use('*', securityHeaders());
  if (deps.token) {
    const sessions = deps.sessions ?? new BrowserSessions();
    // The one-time link is the only way in without the token; it trades its code for an HttpOnly session cookie.
    app.get('/login', loginHandler(sessions));
    app.use('*', tokenOrSession(deps.token, sessions));
  } else {
    app.use('*', loopbackHostOnly());
  }
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  for (const route of ROUTES) {
    const limit = route.path === '/api/ingest' ? (deps.maxIngestBytes ?? DEFAULT_MAX_INGEST_BYTES) : MAX_OTHER_BODY_BYTES;
    const handler = async (c: Context) => {
      const query = parseQuery(route, c);
      const body = await parseBody(route, c);
      const run = () => route.handle(ctx, { query, body });
      if (route.writes) {
        // The handler takes the write lock around its store writes only; reads go on while it computes.
        try {
          return c.json((await run()) as object);
        } finally {
          cache.clear();
        }
      }
      // Keyed by the parsed query, so that parameter order and defaults do not split entries.
      const key = route.cacheable ? `${route.path}?${JSON.stringify(query)}` : null;
      let json = key ? cache.get(key) : undefined;
      if (json === undefined) {
        json = JSON.stringify(await lock.read(run));
        if (key) cache.set(key, json);
      }
      return c.body(json, 200, { 'content-type': 'application/json' });
    };
    if (route.method === 'post') app.post(route.path, bodyLimit({ maxSize: limit, onError: tooLarge(limit) }), handler);
    else app.get(route.path, handler);
  }

  const document = openApiDocument(ROUTES, { title: 'Faultline API', version: '0.1.0' });
  app.get('/api/openapi.json', (c) => c.json(document));
  app.all('/api/*', (c) => errorJson(c, 404, 'not-found', `server: no endpoint ${c.req.method} ${c.req.path}; see /api/openapi.json`));

  if (deps.webRoot && existsSync(join(deps.webRoot, 'index.html'))) {
    const root = deps.webRoot;
    app.use('/assets/*', async (c, next) => {
      await next();
      // Vite puts a content hash in every asset name, so they never change under the same URL.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.get('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => errorJson(c, 404, 'not-found', `server: nothing at ${c.req.path}`));

  app.onError((err, c) => {
    if (err instanceof HttpError) return errorJson(c, err.status, err.code, err.message);
    if (err instanceof UserError) {
      const status = (err.context.status ?? 400) as HttpError['status'];
      return errorJson(c, status, new HttpError(status, '').code, err.message);
    }
    process.stderr.write(`server: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}\n`);
    return errorJson(c, 500, 'internal', 'server: internal error; the server log has the details');
  });
  return app;
}
