// The API's routes as data: method, path, schemas and handler; the app registers them and the OpenAPI document describes them.
import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { Region } from '../model/index.js';
import type { ComputePool } from './compute-pool.js';
import type { ReadWriteLock } from './rw-lock.js';
import * as S from './schemas.js';
import * as service from './services.js';
import * as structural from './structural-services.js';
import * as dashboard from './dashboard-services.js';

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
    path: '/api/balance/years',
    cacheable: true,
    summary: 'Line index of balance, two camps and camp switches, year by year',
    query: S.BalanceYearsQuery,
    response: S.BalanceYearsResponse,
    handle: (ctx, { query }) => service.balanceYears(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/theses',
    cacheable: true,
    summary: 'Theses of the region with the verdict of their indicators',
    query: S.ThesesQuery,
    response: S.ThesesResponse,
    handle: (ctx, { query }) => service.theses(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/ach',
    cacheable: true,
    summary: 'The ACH matrix: every evidence item scored against every hypothesis, with verdicts (and sensitivity on request)',
    query: S.AchQuery,
    response: S.AchResponse,
    handle: (ctx, { query }) => service.ach(ctx.store, query),
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
    method: 'get',
    path: '/api/retrodict',
    summary: 'Each model’s prediction from the asOf inputs of every scenario with a known outcome, and its error',
    query: S.RetrodictQuery,
    response: S.RetrodictResponse,
    handle: async (ctx, { query }) => service.retrodict(await scenarioDirs(ctx), query),
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
  route({
    method: 'get',
    path: '/api/alignment',
    cacheable: true,
    summary: 'UNGA alignment of a state with reference states per year: ideal-point distance, vote agreement, which side moved',
    query: S.AlignmentQuery,
    response: S.AlignmentResponse,
    handle: (ctx, { query }) => structural.alignment(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/arms',
    cacheable: true,
    summary: "SIPRI arms transfers: a recipient's suppliers per year or five-year period (shares, HHI, top systems), or a supplier's recipients",
    query: S.ArmsQuery,
    response: S.ArmsResponse,
    handle: (ctx, { query }) => structural.arms(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/conflict',
    cacheable: true,
    summary: 'UCDP/PRIO conflict-years involving a state: intensity, role, primary and secondary parties',
    query: S.ConflictQuery,
    response: S.ConflictResponse,
    handle: (ctx, { query }) => structural.conflict(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/capability',
    cacheable: true,
    summary: 'CINC shares (COW NMC v6.0, to 2016) beside military burden (SIPRI, % of GDP, to 2024), each with its vintage',
    query: S.CapabilityQuery,
    response: S.CapabilityResponse,
    handle: (ctx, { query }) => structural.capability(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/review',
    summary: 'Extracted events and claims waiting for review, with the sentence each was read from',
    query: S.ReviewQuery,
    response: S.ReviewResponse,
    handle: (ctx, { query }) => service.reviewList(ctx.store, query),
  }),
  route({
    method: 'post',
    path: '/api/review',
    summary: 'Accept or reject extracted events and claims, by id or for a whole article',
    body: S.ReviewBody,
    response: S.ReviewDecisionResponse,
    writes: true,
    handle: (ctx, { body }) => service.reviewDecide(ctx.store, body),
  }),
  route({
    method: 'post',
    path: '/api/retract',
    summary: 'Remove everything one ingest of an article added, in one transaction',
    body: S.RetractBody,
    response: S.RetractResponse,
    writes: true,
    handle: (ctx, { body }) => service.retract(ctx.store, body),
  }),
  route({
    method: 'get',
    path: '/api/events/page',
    cacheable: true,
    summary: 'A page of the events in scope (curated, article and dataset), newest first, filterable by actor, quad class and CAMEO type, with the count of the whole set',
    query: S.EventPageQuery,
    response: S.EventPageResponse,
    handle: (ctx, { query }) => dashboard.eventPage(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/evidence',
    cacheable: true,
    summary: 'The events one bar of a dyad series counts (same scope and matching rule as /api/dyad), each with its sources',
    query: S.EvidenceQuery,
    response: S.EvidenceResponse,
    handle: (ctx, { query }) => dashboard.evidence(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/map',
    cacheable: true,
    summary: 'Events in scope per country (involving it, located in it) and per place with coordinates',
    query: S.MapQuery,
    response: S.MapResponse,
    handle: (ctx, { query }) => dashboard.map(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/actor',
    cacheable: true,
    summary: 'One actor with its relations (and their layers), claims, formats and corridors',
    query: S.ActorQuery,
    response: S.ActorResponse,
    handle: (ctx, { query }) => dashboard.actor(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/scenario',
    summary: "A scenario's inputs: each actor's capability, positions and saliences with their citations",
    query: S.ScenarioQuery,
    response: S.ScenarioInputsResponse,
    handle: async (ctx, { query }) => dashboard.scenarioInputs(await scenarioDirs(ctx), query),
  }),
  route({
    method: 'get',
    path: '/api/events/ids',
    cacheable: true,
    summary: 'The events with the given ids (rows of the ACH matrix, any list of ids), each with its sources',
    query: S.EventIdsQuery,
    response: S.EventIdsResponse,
    handle: (ctx, { query }) => dashboard.eventsById(ctx.store, query),
  }),
  route({
    method: 'get',
    path: '/api/cameo',
    cacheable: true,
    summary: 'The CAMEO event roots (event types) with names and quad classes',
    response: S.CameoRootsResponse,
    handle: () => dashboard.cameoRoots(),
  }),
];
