// Capability from data: the COW CINC of 2016 with its military-expenditure sixth updated by the change in SIPRI military burden (share of GDP).

/**
 * The rule and its constants. CINC is the mean of a state's shares of six world totals (Singer, Bremer & Stuckey 1972),
 * one of them military expenditure. COW's data stop in 2016; SIPRI's burden series runs on. The rule rescales only
 * the military-expenditure share by `burden(year) / burden(2016)` and leaves the other five shares as they were.
 */
export const CAPABILITY_DEFAULTS = {
  rule: 'cinc-milex-burden',
  /** Last year of COW NMC v6.0. */
  baseYear: 2016,
  /** Capabilities are reported in thousandths of world capability, so that KTAB's absolute floors (1e-8) stay far below them. */
  scale: 1000,
} as const;

/** The figures the rule reads for one state, each quoted from its dataset. */
export interface StateCapabilityInputs {
  /** ISO 3166 alpha-3 code of the state. */
  readonly state: string;
  /** COW NMC v6.0 `cinc` in 2016. */
  readonly cinc: number;
  /** COW NMC v6.0 `milex` in 2016 (thousands of current US dollars). */
  readonly milex: number;
  /** SIPRI military expenditure as a share of GDP (%) in 2016. */
  readonly burdenBase: number;
  /** SIPRI military expenditure as a share of GDP (%) in `burdenYear`. */
  readonly burden: number;
  /** The latest year of the burden series at or before the scenario's `asOf`. */
  readonly burdenYear: number;
}

/**
 * CINC with its military-expenditure share rescaled: `cinc + (milex / worldMilex) × (burden / burdenBase − 1) / 6`.
 * It ignores GDP growth and the growth of the world total, so it measures reprioritisation, not growth.
 */
export function updatedCinc(s: StateCapabilityInputs, worldMilex: number): number {
  return s.cinc + ((s.milex / worldMilex) * (s.burden / s.burdenBase - 1)) / 6;
}

/** An actor's capability: the sum over the states it stands for (one, or several for a group such as the EU), scaled. */
export function derivedCapability(states: readonly StateCapabilityInputs[], worldMilex: number): number {
  return CAPABILITY_DEFAULTS.scale * states.reduce((t, s) => t + updatedCinc(s, worldMilex), 0);
}
