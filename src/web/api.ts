// The dashboard's client for the Faultline API: JSON in, JSON out, errors carry the server's message.
import type { Actor, Claim, Event, Source, Thesis } from '../model/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) } });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (body ?? {}) as { error?: string; message?: string };
    throw new ApiError(res.status, e.error ?? `http-${res.status}`, e.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

type Params = Record<string, string | number | boolean | undefined>;

const query = (params: object) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params as Params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export interface RegionInfo {
  regions: { id: string; name: string; description: string; countries: string[] }[];
  counts: Record<string, number>;
  span: { first: string | null; last: string | null };
}

export interface DyadPeriod {
  period: string;
  events: number;
  quad: Record<'1' | '2' | '3' | '4', number>;
  goldstein_sum: number;
  goldstein_mean: number | null;
  sources: number;
  origins: Record<string, number>;
}

export interface DyadResult {
  a: string;
  b: string;
  by: string;
  directed: boolean;
  scope: ScopeEcho;
  evidence: EvidenceCount & { ids: string[]; idsComplete: boolean };
  series: DyadPeriod[];
  trend: { periods: number; verdict?: string; reason?: string; slope: number | null; mannKendall: { p: number } | null; changePoints: { period: string; before: number; after: number }[] };
}

export interface BalanceResult {
  from: string | null;
  to: string | null;
  names: Record<string, string>;
  nodes: string[];
  edges: { a: string; b: string; sign: 1 | -1; weight: number }[];
  triads: { balanced: number; unbalanced: number; ratio: number | null };
  frustration: { value: number; exact: boolean; partition: string[][]; frustrated: string[] };
  blocs: string[][];
  centrality: Record<string, { weightedDegree: number; pagerank: number }>;
  scope: ScopeEcho;
  evidence: EvidenceCount & { relations: number };
  layers: { a: string; b: string; layer: string; type: string; relation: string; from: string; to: string }[];
}

/** One indicator of a thesis as evaluated (ThesesResponse in src/server/schemas.ts). */
export interface IndicatorResult {
  id: string;
  description: string;
  kind: string;
  family?: string;
  value: number | string | boolean | null;
  holds: boolean | null;
  bearing: 'supports' | 'contradicts';
  consistency: 'consistent' | 'inconsistent' | 'not evaluated';
  diagnostic: boolean;
  contribution: number;
  weight: number;
  rationale?: string;
  note: string;
}

export type VerdictWord = 'supported' | 'contradicted' | 'mixed' | 'insufficient evidence';

/** The evaluation of a thesis: verdict, score in nats with its parts, and why. */
export interface ThesisVerdict {
  verdict: VerdictWord;
  score: number;
  threshold: number;
  reason: string;
  driver: string | null;
  question: string;
  role: 'paper' | 'rival';
  consistent: number;
  inconsistent: number;
  indicators: IndicatorResult[];
}

export type ThesisWithVerdict = Thesis & { verdict: ThesisVerdict | null };

export type AchCell = 'C' | 'I' | 'NA' | '?';

/** The full ACH matrix (GET /api/ach): every evidence item scored against every hypothesis. */
export interface AchResult {
  hypotheses: { id: string; title: string; question: string; role: 'paper' | 'rival' }[];
  rule: string;
  evidence: { id: string; kind: string; label: string; removable: boolean; diagnostic: boolean; cells: Record<string, AchCell>; day?: string; summary?: string }[];
  inconsistency: Record<string, number>;
  verdicts: { id: string; verdict: VerdictWord; score: number; reason: string; driver: string | null }[];
  sensitivity?: { thesis: string; verdict: VerdictWord; changes: { item: string; label: string; verdict: VerdictWord; score: number }[]; untested: number }[];
}

/** The index of balance of one year (GET /api/balance/years). */
export interface BalanceIndex {
  value: number;
  lowerBound: number;
  exact: boolean;
  total: number;
  lineIndex: number | null;
  lineIndexBounds: [number, number] | null;
  seconds: number;
}

export interface BalanceYear {
  period: string;
  nodes: number;
  edges: number;
  negative: number;
  components: number;
  frustration: BalanceIndex;
  weighted: BalanceIndex | null;
  camps: { A: string[]; B: string[] };
  frustrated: string[];
  switched: { actor: string; from: 'A' | 'B'; to: 'A' | 'B'; since: string }[];
  entered: string[];
  alignment: { anchored: number; moved: number; closest: boolean };
  evidence?: (EvidenceCount & { relations: number }) | null;
}

export interface BalanceYears {
  from: string | null;
  to: string | null;
  scope?: ScopeEcho;
  seconds: number;
  periods: BalanceYear[];
}

export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  asOf: string;
  dimensions: { name: string; low: string; high: string }[];
  actors: string[];
}

export interface SimulationResult {
  model: string;
  problem: string;
  iterations: number;
  actors: string[];
  dimensions: string[];
  history: { positions: Record<string, number[]> }[];
  final: { positions: Record<string, number[]>; outcome: number[] };
  distribution?: {
    seed: string;
    runs: number;
    perturb: number;
    /** `point` and `pointInBand` come with the scenarios helper's simulate API; computed here when absent. */
    outcome: {
      dimension: string;
      mean: number;
      p10: number;
      p90: number;
      point?: number;
      pointInBand?: boolean;
      /** Shares of the runs below, at and above the scale's midpoint (the scenarios helper's simulate API). */
      midpoint?: number;
      belowMidpoint?: number;
      atMidpoint?: number;
      aboveMidpoint?: number;
      warning?: string;
    }[];
    warnings?: string[];
  };
  comparison?: {
    threshold?: number;
    dimensions: { dimension: string; predictions: { model: string; prediction: number }[]; min?: number; max?: number; spread?: number; spreadShare?: number; disagree: boolean; summary: string }[];
    warnings: string[];
  };
}

/** The scope every measure endpoint takes, as query fields (see ScopeQuery in src/server/schemas.ts). */
export interface ScopeParams {
  origin?: string;
  region?: string;
  minConfidence?: number;
  includeAlleged?: boolean;
}

/** What counted as evidence, as every scoped answer states it. */
export interface ScopeEcho {
  origins: string[];
  region: string;
  parties: string[] | null;
  minConfidence: number;
  includeAlleged: boolean;
  from: string | null;
  to: string | null;
}

/** The evidence behind a figure: events, distinct sources, events per origin. */
export interface EvidenceCount {
  events: number;
  sources: number;
  origins: Record<string, number>;
}

/** An event as the dashboard lists it (see EventRow in src/store/event-pages.ts). */
export interface EventRow {
  id: string;
  origin: string;
  kind: string;
  day: string;
  end: string | null;
  precision: string;
  cameo: string;
  quad: number;
  goldstein: number;
  summary: string;
  source: string[];
  target: string[];
  third: string[];
  sourceParties: string[];
  targetParties: string[];
  location: string | null;
  locationCountry: string | null;
  sources: string[];
  url: string | null;
  confidence: number;
  status: string;
  review: string;
}

export interface EventPage {
  scope: ScopeEcho;
  evidence: EvidenceCount;
  offset: number;
  limit: number;
  events: EventRow[];
  histogram: { period: string; quad: number; n: number }[];
}

export interface EvidenceResult {
  a: string;
  b: string;
  by: string;
  period: string;
  directed: boolean;
  from: string;
  to: string;
  scope: ScopeEcho;
  evidence: EvidenceCount;
  offset: number;
  limit: number;
  events: EventRow[];
}

export interface MapResult {
  scope: ScopeEcho;
  evidence: EvidenceCount;
  countries: { country: string; involving: number; located: number }[];
  places: { lat: number; lon: number; location: string | null; n: number }[];
}

export interface ActorPage {
  actor: Actor;
  party: string | null;
  partOf: { id: string; name: string }[];
  relations: { id: string; type: string; layer: string; from: string; to: string; fromName: string; toName: string; start: string | null; end: string | null; strength: number; note?: string; sources: string[] }[];
  claims: Claim[];
  formats: { id: string; name: string; kind: 'format' | 'corridor'; role: string; from: string | null; to: string | null; sources: string[] }[];
}

export interface ScenarioInputs {
  name: string;
  title: string;
  asOf: string;
  dimensions: { name: string; min: number; max: number; low?: string; high?: string }[];
  actors: { name: string; description: string; capability: number; positions: number[]; saliences: number[]; citations: { field: string; source?: string; claim?: string; note?: string }[] }[];
}

/** A pending extraction as GET /api/review lists it (the reader's contract). */
export interface ReviewItem {
  kind: 'event' | 'claim';
  id: string;
  origin: string;
  review: 'accepted' | 'pending' | 'rejected';
  code: string;
  actors: string[];
  others: string[];
  date: string | null;
  sentence: string;
}

/** UNGA alignment rows (GET /api/alignment, the structural helper's contract). */
export interface AlignmentResult {
  a: string;
  to: string[];
  rows: { year: number; a: string; b: string; distance: number | null; agreement: number | null; votes: number; moved: 'a' | 'b' | null }[];
  votesThrough: number | null;
  sources: { citation: string; coverage?: string }[];
}

/** SIPRI supplier shares (GET /api/arms?recipient=, the structural helper's contract). */
export interface ArmsResult {
  view: 'recipient' | 'supplier';
  by: string;
  basis: string;
  coverage: string;
  shares?: { recipient: string; period: string; supplier: string; tiv: number; share: number; systems?: unknown }[];
  periods?: { period: string; tiv: number; hhi: number; partial: boolean }[];
  sources: { citation: string }[];
}

/** A scenario with a recorded outcome, and each model's retrodiction of it (GET /api/retrodict, the scenarios helper's contract). */
export interface Retrodiction {
  scenario: string;
  title: string;
  asOf: string;
  dimension: string;
  outcome: number;
  outcomeDate: string;
  models: { model: string; kind: 'model' | 'baseline'; prediction: number; error: number }[];
  bestModel: { model: string; error: number };
  bestBaseline: { model: string; error: number };
  modelBeatsBaselines: boolean;
  unsourcedInputs: number;
}

export const api = {
  region: () => request<RegionInfo>('/api/region'),
  actors: () => request<Actor[]>('/api/actors'),
  sources: () => request<Source[]>('/api/sources'),
  events: (p: { actor?: string; from?: string; to?: string; limit?: number }) => request<Event[]>(`/api/events${query(p)}`),
  claims: (p: { contested?: boolean; from?: string; to?: string }) => request<Claim[]>(`/api/claims${query(p)}`),
  dyad: (p: ScopeParams & { a: string; b: string; by: string }) => request<DyadResult>(`/api/dyad${query(p)}`),
  balance: (p: ScopeParams & { from?: string; to?: string }) => request<BalanceResult>(`/api/balance${query(p)}`),
  theses: (p: ScopeParams = {}) => request<ThesisWithVerdict[]>(`/api/theses${query(p)}`),
  ach: (p: ScopeParams & { sensitivity?: boolean } = {}) => request<AchResult>(`/api/ach${query(p)}`),
  balanceYears: (p: ScopeParams & { from?: string; to?: string; timeLimit?: number } = {}) => request<BalanceYears>(`/api/balance/years${query(p)}`),
  eventsById: (ids: readonly string[]) => request<{ events: EventRow[]; missing: string[] }>(`/api/events/ids${query({ ids: ids.join(',') })}`),
  scenarios: () => request<ScenarioInfo[]>('/api/scenarios'),
  simulate: (body: { scenario: string; model: string; runs?: number; perturb?: number; seed?: string }) =>
    request<SimulationResult>('/api/simulate', { method: 'POST', body: JSON.stringify(body) }),
  eventPage: (p: ScopeParams & { actor?: string; party?: string; located?: string; quad?: string; cameo?: string; from?: string; to?: string; offset?: number; limit?: number; by?: 'month' | 'year' }) =>
    request<EventPage>(`/api/events/page${query(p)}`),
  evidence: (p: ScopeParams & { a: string; b: string; by: string; period: string; offset?: number; limit?: number }) => request<EvidenceResult>(`/api/evidence${query(p)}`),
  map: (p: ScopeParams & { quad?: string; cameo?: string; from?: string; to?: string }) => request<MapResult>(`/api/map${query(p)}`),
  actor: (id: string) => request<ActorPage>(`/api/actor${query({ id })}`),
  scenario: (name: string) => request<ScenarioInputs>(`/api/scenario${query({ name })}`),
  retrodict: () => request<Retrodiction[]>('/api/retrodict'),
  cameo: () => request<{ code: string; name: string; quad: number }[]>('/api/cameo'),
  review: () => request<{ items: ReviewItem[] }>('/api/review'),
  decide: (body: { action: 'accept' | 'reject'; ids: string[] }) =>
    request<{ state: string; events: number; claims: number; unknown: string[] }>('/api/review', { method: 'POST', body: JSON.stringify(body) }),
  alignment: (p: { a: string; from?: number; until?: number }) => request<AlignmentResult>(`/api/alignment${query(p)}`),
  arms: (p: { recipient: string; by?: 'year' | '5y'; from?: number; until?: number }) => request<ArmsResult>(`/api/arms${query(p)}`),
};

/** True when the endpoint does not exist in this build (404 from the API's catch-all, or 501). */
export function isMissingEndpoint(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 501 || (err.status === 404 && err.code === 'not-found' && /no endpoint/.test(err.message)));
}

/** What to show when a call failed: the server's own message, marked as unavailable for 501. */
export function failureText(err: unknown): string {
  if (err instanceof ApiError) return isMissingEndpoint(err) ? `Not available in this build — ${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}
