// `import unga-idealpoints|unga-votes|sipri-arms|sipri-milex|ucdp-acd FILE...`: structural datasets into the store, every line accounted for.
import type { Command } from 'commander';
import type { Store } from '../../store/store.js';
import { UserError } from '../../model/errors.js';
import type { StructuralReport } from '../../ingest/structural/index.js';
import { ioOf, withStore } from '../context.js';

/** The structural datasets `import` dispatches here, with the files each takes. */
export const STRUCTURAL_IMPORTS: Readonly<Record<string, string>> = {
  'unga-idealpoints': 'FILE (idealpoints-*.csv)',
  'unga-votes': 'VOTES ROLLCALLS [ISSUES] (un_votes.csv[.gz], un_roll_calls.csv[.gz], un_roll_call_issues.csv, in any order)',
  'sipri-arms': 'FILE (SIPRI trade-register CSV export)',
  'sipri-milex': 'FILE (military expenditure % of GDP, Our World in Data CSV)',
  'ucdp-acd': 'FILE (UcdpPrioConflict_v*.csv)',
};

const n = (x: number) => x.toLocaleString('en-US');

/** One line per file: what became of its physical lines. */
export function describeStructuralReport(r: StructuralReport): string {
  const counts = `${n(r.lines)} lines = ${n(r.preamble)} header + ${n(r.blank)} blank + ${n(r.imported)} imported + ${n(r.duplicates)} duplicate + ` +
    `${n(r.malformed)} malformed${r.joined ? ` + ${n(r.joined)} joined to the line before` : ''}${r.unaccounted ? ` + ${n(r.unaccounted)} UNACCOUNTED` : ''}`;
  return r.skipped ? `${r.file}: unchanged, already imported (${r.title}; then ${counts})` : `${r.file}: ${r.title}; ${counts}`;
}

/** Imports structural files of `dataset`; reports rejects and warnings on stderr, one summary line per file on stdout. */
export async function runStructuralImport(dataset: string, files: readonly string[], o: { force?: boolean; json?: boolean; countries?: string; from?: string; to?: string }, cmd: Command): Promise<void> {
  for (const k of ['countries', 'from', 'to'] as const) {
    if (o[k] !== undefined) throw new UserError('cli', `--${k} filters event datasets; ${dataset} is imported whole`, { field: `--${k}` });
  }
  const s = await import('../../ingest/structural/index.js');
  const io = ioOf(cmd);
  const single: Record<string, import('../../ingest/structural/index.js').FileFormat> = {
    'unga-idealpoints': s.UNGA_IDEALPOINTS, 'sipri-arms': s.SIPRI_ARMS, 'sipri-milex': s.SIPRI_MILEX, 'ucdp-acd': s.UCDP_ACD,
  };
  let formats: { format: import('../../ingest/structural/index.js').FileFormat; file: string }[];
  if (dataset === 'unga-votes') {
    formats = [];
    for (const file of files) formats.push({ format: await s.detectUngaVoteFile(file), file });
    const kinds = formats.map((f) => f.format.kind);
    for (const k of ['unga-votes', 'unga-roll-calls'] as const) {
      if (!kinds.includes(k)) throw new UserError('cli', `import unga-votes needs the ${k === 'unga-votes' ? 'votes' : 'roll-calls'} file too: ${STRUCTURAL_IMPORTS['unga-votes']}`, { field: '<files...>' });
    }
    if (new Set(kinds).size !== kinds.length) throw new UserError('cli', 'import unga-votes: two files of the same kind', { field: '<files...>' });
    // Roll calls first: the votes' years come from them.
    const order = ['unga-roll-calls', 'unga-roll-call-issues', 'unga-votes'];
    formats.sort((x, y) => order.indexOf(x.format.kind) - order.indexOf(y.format.kind));
  } else {
    if (files.length !== 1) throw new UserError('cli', `import ${dataset} takes one file: ${STRUCTURAL_IMPORTS[dataset]}`, { field: '<files...>' });
    formats = [{ format: single[dataset], file: files[0] }];
  }
  await withStore(cmd, async (store) => {
    const reports: StructuralReport[] = [];
    for (const { format, file } of formats) {
      const r = await s.importStructuralFile(store, format, file, { force: o.force });
      reports.push(r);
      if (!r.skipped) for (const line of r.rejects) io.stderr.write(`${line}\n`);
      for (const w of r.skipped ? [] : r.warnings) io.stderr.write(`${format.module}: ${file}: ${w}\n`);
      if (!o.json) io.stdout.write(`${describeStructuralReport(r)}\n`);
    }
    if (o.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  });
}

/** `npm start`: loads the data/structural tables (once per release) and says what the store holds. */
export async function structuralStartHook(store: Store, cmd: Command): Promise<void> {
  const { loadBuiltinStructural } = await import('../../ingest/structural/builtin.js');
  const { structuralCounts } = await import('../../store/structural-reads.js');
  const reports = await loadBuiltinStructural(store);
  const bad = reports.filter((r) => r.malformed > 0 || r.unaccounted !== 0);
  for (const r of bad) for (const line of r.rejects) ioOf(cmd).stderr.write(`${line}\n`);
  const c = await structuralCounts(store);
  ioOf(cmd).stdout.write(
    `\nStructural data (data/structural${reports.some((r) => !r.skipped) ? ', loaded now' : ', unchanged'}): ${n(c.unga_idealpoints)} UNGA ideal points, ` +
      `${n(c.unga_agreement)} vote-agreement counts${c.unga_votes ? ` and ${n(c.unga_votes)} individual votes` : ''}, ${n(c.sipri_arms)} SIPRI deals, ` +
      `${n(c.sipri_milex)} military-burden figures, ${n(c.ucdp_conflicts)} UCDP conflict-years. Try: faultline alignment ARM --to RUS,USA; faultline arms ARM --by 5y.\n`,
  );
}
