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

const query = (params: Record<string, string | number | boolean | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
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
  goldstein_mean: number;
}

export interface DyadResult {
  a: string;
  b: string;
  by: string;
  directed: boolean;
  series: DyadPeriod[];
  trend: { periods: number; slope: number | null; mannKendall: { p: number } | null; changePoints: { period: string; before: number; after: number }[] };
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
}

export type ThesisWithVerdict = Thesis & { verdict: Record<string, unknown> | null };

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
  distribution?: { seed: string; runs: number; perturb: number; outcome: { dimension: string; mean: number; p10: number; p90: number }[] };
}

export const api = {
  region: () => request<RegionInfo>('/api/region'),
  actors: () => request<Actor[]>('/api/actors'),
  sources: () => request<Source[]>('/api/sources'),
  events: (p: { actor?: string; from?: string; to?: string; limit?: number }) => request<Event[]>(`/api/events${query(p)}`),
  claims: (p: { contested?: boolean; from?: string; to?: string }) => request<Claim[]>(`/api/claims${query(p)}`),
  dyad: (p: { a: string; b: string; by: string }) => request<DyadResult>(`/api/dyad${query(p)}`),
  balance: (p: { from?: string; to?: string }) => request<BalanceResult>(`/api/balance${query(p)}`),
  theses: () => request<ThesisWithVerdict[]>('/api/theses'),
  scenarios: () => request<ScenarioInfo[]>('/api/scenarios'),
  simulate: (body: { scenario: string; model: string; runs?: number; perturb?: number; seed?: string }) =>
    request<SimulationResult>('/api/simulate', { method: 'POST', body: JSON.stringify(body) }),
};

/** What to show when a call failed: the server's own message, marked as unavailable for 501. */
export function failureText(err: unknown): string {
  if (err instanceof ApiError) return err.status === 501 ? `Not available in this build — ${err.message}` : err.message;
  return err instanceof Error ? err.message : String(err);
}
