// The measures: dyad series and trends, mediation and influence shares, signed-network balance, capability, alerts, thesis verdicts.
export * from './dyad-series.js';
export * from './theil-sen.js';
export * from './mann-kendall.js';
export * from './change-points.js';
export * from './dyad-trend.js';
export * from './signed-graph.js';
export * from './triad-balance.js';
export * from './frustration.js';
export * from './balance.js';
export * from './edges-csv.js';
