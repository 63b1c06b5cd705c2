// The API's routes as data: method, path, schemas and handler; the app registers them and the OpenAPI document describes them.
import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { Region } from '../model/index.js';
import type { ComputePool } from './compute-pool.js';
import type { ReadWriteLock } from './rw-lock.js';
import * as S from './schemas.js';
import * as service from './services.js';

/** What a handler may use: the store, its lock, the worker threads, and where scenarios live. */
export interface RouteContext {
  readonly store: Store;
  /** Writing handlers take `lock.write` around their store writes only, so that reads go on while they compute. */
  readonly lock: ReadWriteLock;
  readonly compute: ComputePool;
  readonly scenarioDirs: (regions: readonly Region[]) => Promise<readonly string[]>;
}

export interface Route<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  readonly query?: Q;
  readonly body?: B;
  readonly response: z.ZodType;
  /** Writes to the store: its handler takes `ctx.lock.write` for the writes, and the answer cache is emptied after it. */
  readonly writes?: boolean;
  /** Its answer depends only on the store and the query, so it may be cached between writes. */
  readonly cacheable?: boolean;
  readonly handle: (ctx: RouteContext, input: { query: z.output<Q>; body: z.output<B> }) => Promise<unknown>;
}

const route = <Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType>(r: Route<Q, B>): Route => r as unknown as Route;

async function scenarioDirs(ctx: RouteContext) {
  const { listRegions } = await import('../store/queries.js');
  return ctx.scenarioDirs(await ctx.lock.read(() => listRegions(ctx.store)));
}

export const ROUTES: readonly Route[] = [
  route({
    method: 'get',
    path: '/api/region',
    cacheable: true,
    summary: 'The loaded regions, row counts and the span of the dated events',
    response: S.RegionResponse,
    handle: (ctx) => service.region(ctx.store),
  }),
  route({
    method: 'get',
    path: '/api/actors',
    cacheable: true,
    summary: 'Actors: states, people, organisations, IGOs',
    query: S.ActorsQuery,
    response: z.array(S.Actor),
    handle: (ctx, { query }) => service.actors(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/sources',
    cacheable: true,
    summary: 'Sources every event, claim and thesis cites',
    response: z.array(S.Source),
    handle: (ctx) => service.sources(ctx.store),
  }),
  route({
    method: 'get',
    path: '/api/events',
    cacheable: true,
    summary: 'Events involving an actor within a day range, oldest first',
    query: S.EventsQuery,
    response: z.array(S.Event),
    handle: (ctx, { query }) => service.events(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/claims',
    cacheable: true,
    summary: 'Claims with who asserted, denied and confirmed them',
    query: S.ClaimsQuery,
    response: z.array(S.Claim),
    handle: (ctx, { query }) => service.claims(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/dyad',
    cacheable: true,
    summary: 'Goldstein mean and quad-class counts per period between two parties',
    query: S.DyadQuery,
    response: S.DyadResponse,
    handle: (ctx, { query }) => service.dyad(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/balance',
    cacheable: true,
    summary: 'Signed actor network of a period and its structural balance',
    query: S.BalanceQuery,
    response: S.BalanceResponse,
    handle: (ctx, { query }) => service.balance(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/theses',
    cacheable: true,
    summary: 'Theses of the region with the verdict of their indicators',
    response: S.ThesesResponse,
    handle: (ctx) => service.theses(ctx.store),
  }),
  route({
    method: 'get',
    path: '/api/scenarios',
    summary: 'Bargaining scenarios the simulator can run',
    response: z.array(S.ScenarioSummary),
    handle: async (ctx) => (await service.scenarios(await scenarioDirs(ctx))).map(({ file: _file, ...s }) => s),
  }),
  route({
    method: 'post',
    path: '/api/simulate',
    summary: 'Run a bargaining model on a scenario, with Monte Carlo outcome bands when runs is given',
    body: S.SimulateBody,
    response: S.SimulateResponse,
    handle: async (ctx, { body }) => service.simulate(await scenarioDirs(ctx), body, ctx.compute),
  }),
  route({
    method: 'post',
    path: '/api/ingest',
    summary: 'Extract events and claims from an article and store them (size-limited)',
    body: S.IngestBody,
    response: S.IngestResponse,
    writes: true,
    handle: (ctx, { body }) => service.ingest(ctx, body),
  }),
];
