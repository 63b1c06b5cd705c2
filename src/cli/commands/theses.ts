// `theses`: every hypothesis (the paper's theses and their rivals) with its indicators, score, verdict and evidence, the full ACH matrix, and with --sensitivity the items that would change a verdict.
import type { Command } from 'commander';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';

const MARK = { consistent: 'C', inconsistent: 'I', 'not evaluated': '?' } as const;

export function defineTheses(program: Command): void {
  withFormat(withScope(program.command('theses')))
    .description('evaluate the competing hypotheses: indicators, log-likelihood score, verdict (supported / contradicted / mixed / insufficient evidence), the full ACH matrix')
    .option('--sensitivity', 'also list, per thesis, the single evidence items whose removal would change its verdict')
    .option('--all-items', 'print every row of the ACH matrix, not only the diagnostic ones')
    .action(async (o: ScopeCliOptions & { json?: boolean; format?: string; sensitivity?: boolean; allItems?: boolean }, cmd: Command) => {
      const format = formatOf(o);
      const { evaluateTheses } = await import('../../measure/theses.js');
      const out = ioOf(cmd).stdout;
      await withStore(cmd, async (store) => {
        const { ensureStructural } = await import('../structural-options.js');
        await ensureStructural(store, cmd);
        const report = await evaluateTheses(store, { scope: scopeOf(o, 'cli/theses'), sensitivity: !!o.sensitivity });
        const ids = report.ach.hypotheses.map((h) => h.id);
        const matrixRows = report.ach.evidence.filter((e) => o.allItems || format !== 'table' || e.diagnostic);
        if (format !== 'table') {
          return emit(cmd, format, {
            header: ['item', 'kind', 'diagnostic', ...ids],
            rows: matrixRows.map((e) => [e.id, e.kind, e.diagnostic, ...ids.map((h) => e.cells[h])]),
            json: report,
          });
        }
        if (!report.theses.length) return void out.write('No theses in the store; load a region first (faultline start).\n');
        for (const t of report.theses) {
          out.write(`\n${t.id} [${t.role}, question ${t.question}]: ${t.title}\n`);
          out.write(`  verdict: ${t.verdict} — ${t.reason}${t.driver ? `; main driver ${t.driver}` : ''}\n`);
          for (const i of t.indicators) {
            const part = i.contribution !== 0 ? `${i.contribution > 0 ? '+' : ''}${i.contribution}` : i.novelty === 0 ? 'evidence already counted' : i.holds === null ? '0' : i.diagnostic ? '0' : 'non-diagnostic';
            out.write(`  [${MARK[i.consistency]}] ${i.id} (${i.kind}, ${i.family}, weight ${i.weight}, ${part}): ${i.note}\n`);
            const ev = i.evidence;
            const cites = [ev.eventCount ? `${ev.eventCount} events` : '', ev.claims.length ? `claims ${ev.claims.join(', ')}` : '', ev.relations.length ? `relations ${ev.relations.join(', ')}` : '', ev.formats.length ? `formats ${ev.formats.join(', ')}` : '']
              .filter(Boolean)
              .join('; ');
            out.write(`      evidence: ${cites || 'none'}; sources: ${ev.sources.slice(0, 8).join(', ') || '—'}${ev.sources.length > 8 ? ` … (${ev.sources.length})` : ''}\n`);
          }
        }
        out.write(`\nACH matrix: ${report.ach.evidence.length} evidence items × ${ids.length} hypotheses, ${report.ach.evidence.filter((e) => e.diagnostic).length} diagnostic${o.allItems ? '' : ' (shown; --all-items for every row)'}\n`);
        out.write(`${report.ach.rule}\n`);
        out.write(
          renderTable(
            ['evidence', 'kind', ...ids.map((_, k) => `H${k + 1}`)],
            [...matrixRows.map((e) => [e.label.length > 50 ? `${e.label.slice(0, 49)}…` : e.label, e.kind, ...ids.map((h) => e.cells[h])]), ['inconsistent (diagnostic)', '', ...ids.map((h) => report.ach.inconsistency[h])]],
            70,
          ),
        );
        out.write(ids.map((h, k) => `H${k + 1} = ${h}`).join('\n') + '\n');
        if (report.sensitivity) {
          out.write('\nSensitivity: single items whose removal changes a verdict\n');
          for (const s of report.sensitivity) {
            out.write(`  ${s.thesis} (${s.verdict}): ${s.changes.length ? s.changes.map((c) => `${c.label} → ${c.verdict}`).join('; ') : 'no single item changes it'}\n`);
          }
          if (report.sensitivity[0]?.untested) out.write(`  (${report.sensitivity[0].untested} dataset aggregates cannot be taken out one by one and were not tested)\n`);
        }
      });
    });
}
