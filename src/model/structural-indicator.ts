// Thesis indicators on structural data (UNGA alignment, SIPRI arms supply and military burden, UCDP conflict), in the style of the kinds in thesis.ts.
import { z } from 'zod';

const base = {
  id: z.string().min(1),
  description: z.string().min(1),
  /** What it means for the thesis when the expectation holds. */
  bearing: z.enum(['supports', 'contradicts']).default('supports'),
};

const Iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO3 country code such as ARM');
const Year = z.number().int().min(1900).max(2100);
/** A window of years, both ends included; `to: null` reads to the newest data. */
const Window = z.object({ from: Year, to: Year.nullable().default(null) });
const Comparison = z.enum(['at-least', 'at-most']);

/** The two alignment measures: ideal-point distance (idealpointfp) or the vote agreement rate. */
const AlignmentMeasure = z.enum(['distance', 'agreement']).default('distance');

/**
 * A trend in a pair's alignment over a window: the Theil–Sen slope per year, counted only when the Mann–Kendall
 * test gives p ≤ alpha. `widening` means the distance rises (or the agreement falls).
 */
export const AlignmentTrend = z.object({
  ...base,
  kind: z.literal('alignment-trend'),
  a: Iso3,
  b: Iso3,
  measure: AlignmentMeasure,
  ...Window.shape,
  expect: z.enum(['widening', 'narrowing']),
  alpha: z.number().gt(0).lt(1).default(0.1),
  /** Fewest years with a value for the trend to be evaluated. */
  minYears: z.number().int().min(3).default(5),
});

/**
 * A pair's alignment in a window against a baseline window: mean distance (or agreement) in `window` minus that in
 * `baseline`, compared with `change` (ideal-point units, or a fraction for agreement). The note says which side moved.
 */
export const AlignmentShift = z.object({
  ...base,
  kind: z.literal('alignment-shift'),
  a: Iso3,
  b: Iso3,
  measure: AlignmentMeasure,
  baseline: Window,
  window: Window,
  expect: Comparison,
  change: z.number(),
  /**
   * Whose movement counts: `both` (the change of the distance as measured) or `a` (the distance a's window ideal
   * points would have to b's baseline position: only a's own movement; distance measure only).
   */
  attribute: z.enum(['both', 'a']).default('both'),
  /** Fewest years with a value in each window. */
  minYears: z.number().int().min(1).default(2),
});

/**
 * A supplier's share of a recipient's arms imports (SIPRI TIV) pooled over a window, against a fraction; with a
 * baseline, the change of the share against the baseline window's share instead.
 */
export const SupplierShare = z.object({
  ...base,
  kind: z.literal('supplier-share'),
  recipient: Iso3,
  /** ISO3, or a SIPRI name for parties without one. */
  supplier: z.string().min(1),
  window: Window,
  baseline: Window.optional(),
  basis: z.enum(['deliveries', 'orders']).default('deliveries'),
  expect: Comparison,
  /** A share (0–1), or with a baseline a change of share (−1–1). */
  value: z.number().min(-1).max(1),
  /** Least TIV (millions) in each window for a share to mean anything. */
  minTiv: z.number().min(0).default(10),
});

/** Military expenditure as % of GDP: the mean over a window against a level, or with a baseline its change in percentage points. */
export const MilitaryBurden = z.object({
  ...base,
  kind: z.literal('military-burden'),
  country: Iso3,
  window: Window,
  baseline: Window.optional(),
  expect: Comparison,
  /** Percent of GDP, or with a baseline percentage points. */
  value: z.number(),
});

/**
 * The fraction of the years of a window in which the state (with `b`: the two states, on opposite sides when
 * `opposed`) took part in a UCDP conflict of at least `intensity` (1: 25+ battle deaths, 2: war, 1,000+).
 */
export const ConflictIntensity = z.object({
  ...base,
  kind: z.literal('conflict-intensity'),
  a: Iso3,
  b: Iso3.optional(),
  opposed: z.boolean().default(true),
  /** Only as a primary party (default), or as a secondary party too. */
  roles: z.enum(['primary', 'primary-or-secondary']).default('primary-or-secondary'),
  intensity: z.union([z.literal(1), z.literal(2)]).default(1),
  window: z.object({ from: Year, to: Year }),
  expect: Comparison,
  /** Fraction of the window's years (0–1). */
  value: z.number().min(0).max(1),
});

/** Every structural indicator kind. */
export const StructuralIndicator = z.discriminatedUnion('kind', [AlignmentTrend, AlignmentShift, SupplierShare, MilitaryBurden, ConflictIntensity]);
export type StructuralIndicator = z.infer<typeof StructuralIndicator>;
export type StructuralIndicatorKind = StructuralIndicator['kind'];
