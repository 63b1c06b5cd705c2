// What the structural endpoints do: the same store measures as `faultline alignment|arms|conflict|capability`, as plain JSON.
import type { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AlignmentQuery, ArmsQuery, CapabilityQuery, ConflictQuery } from './schemas.js';

/** `GET /api/alignment`: ideal-point distance, vote agreement and who moved, per reference state and year. */
export async function alignment(store: Store, q: z.output<typeof AlignmentQuery>) {
  const { alignmentOf, regionPowers } = await import('../measure/structural.js');
  const to = q.to ?? (await regionPowers(store)).powers.filter((c) => c !== q.a);
  const r = await alignmentOf(store, { a: q.a, to, from: q.from, until: q.until });
  return { a: q.a, to, ...r };
}

/** `GET /api/arms`: a recipient's suppliers per period with shares, HHI and top systems, or a supplier's recipients. */
export async function arms(store: Store, q: z.output<typeof ArmsQuery>) {
  const { armsOf } = await import('../measure/structural.js');
  return armsOf(store, { recipient: q.recipient, supplier: q.supplier, by: q.by, basis: q.basis, from: q.from, until: q.until, topSystems: q.top });
}

/** `GET /api/conflict`: UCDP conflict-years involving a state (and a second one). */
export async function conflict(store: Store, q: z.output<typeof ConflictQuery>) {
  const { conflictOf } = await import('../measure/structural.js');
  return conflictOf(store, q);
}

/** `GET /api/capability`: CINC (NMC v6.0) beside military burden (SIPRI), each with its vintage. */
export async function capability(store: Store, q: z.output<typeof CapabilityQuery>) {
  const { capabilityReport } = await import('../measure/structural.js');
  return (await capabilityReport(store, { year: q.year, countries: q.countries })).json;
}
