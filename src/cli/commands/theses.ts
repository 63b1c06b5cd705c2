// `theses`: every thesis of the knowledge base with its indicators evaluated, a verdict and the evidence behind it, plus the ACH matrix.
import type { Command } from 'commander';
import { ioOf, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';
import { scopeOf, withScope, type ScopeCliOptions } from '../scope-options.js';
import { renderTable } from '../table.js';

const MARK = { consistent: 'C', inconsistent: 'I', 'not evaluated': '?' } as const;

export function defineTheses(program: Command): void {
  withFormat(withScope(program.command('theses')))
    .description('evaluate every thesis: indicators, verdict (supported / contradicted / not enough evidence), cited evidence, ACH matrix')
    .action(async (o: ScopeCliOptions & { format?: string; json?: boolean }, cmd: Command) => {
      const format = formatOf(o);
      const scope = scopeOf(o, 'cli/theses');
      const { evaluateTheses } = await import('../../measure/theses.js');
      await withStore(cmd, async (store) => {
        const report = await evaluateTheses(store, { scope });
        if (format !== 'table') {
          // One row per indicator, with its thesis's verdict: the shape a spreadsheet wants.
          return emit(cmd, format, {
            json: report,
            header: ['thesis', 'verdict', 'indicator', 'kind', 'bearing', 'consistency', 'events', 'claims', 'relations', 'formats', 'sources', 'note'],
            rows: report.theses.flatMap((t) =>
              t.indicators.map((i) => [t.id, t.verdict, i.id, i.kind, i.bearing, i.consistency, i.evidence.eventCount, i.evidence.claims, i.evidence.relations, i.evidence.formats, i.evidence.sources, i.note]),
            ),
          });
        }
        if (!report.theses.length) return void ioOf(cmd).stdout.write('No theses in the store; load a region first (faultline start).\n');
        for (const t of report.theses) {
          ioOf(cmd).stdout.write(`\n${t.id}: ${t.title}\n  verdict: ${t.verdict} (${t.consistent} consistent, ${t.inconsistent} inconsistent)\n`);
          for (const i of t.indicators) {
            const ev = i.evidence;
            const cites = [ev.eventCount ? `${ev.eventCount} events` : '', ev.claims.length ? `claims ${ev.claims.join(', ')}` : '', ev.relations.length ? `relations ${ev.relations.join(', ')}` : '', ev.formats.length ? `formats ${ev.formats.join(', ')}` : '']
              .filter(Boolean)
              .join('; ');
            ioOf(cmd).stdout.write(`  [${MARK[i.consistency]}] ${i.id} (${i.kind}, ${i.bearing}): ${i.note}\n`);
            ioOf(cmd).stdout.write(`      evidence: ${cites || 'none'}; sources: ${ev.sources.join(', ') || '—'}\n`);
          }
        }
        ioOf(cmd).stdout.write('\nACH matrix (C consistent, I inconsistent, ? not evaluated)\n');
        const ids = report.ach.hypotheses.map((h) => h.id);
        ioOf(cmd).stdout.write(
          renderTable(
            ['evidence', ...ids.map((_, k) => `H${k + 1}`)],
            [...report.ach.evidence.map((e) => [e.id, ...ids.map((h) => (e.cells[h] ? MARK[e.cells[h]!] : ''))]), ['inconsistent', ...ids.map((h) => report.ach.inconsistency[h])]],
            70,
          ),
        );
        ioOf(cmd).stdout.write(ids.map((h, k) => `H${k + 1} = ${h}`).join('\n') + '\n');
      });
    });
}
