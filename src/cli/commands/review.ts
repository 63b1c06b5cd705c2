// `faultline review [--source ID]`, `review accept|reject ID…`, `review accept|reject --source ID` and
// `faultline retract SOURCE`: extracted events and claims count only once an analyst has accepted them.
import type { Command } from 'commander';
import { UserError } from '../../model/errors.js';
import { ioOf, setExitCode, withStore } from '../context.js';
import { emit, formatOf, withFormat } from '../output.js';

interface ReviewOptions {
  source?: string;
  format?: string;
  json?: boolean;
}

export function defineReviewCommands(program: Command): void {
  withFormat(
    program
      .command('review')
      .description('list extracted events and claims waiting for review, or accept / reject them')
      .argument('[action]', 'accept or reject (omit to list what is pending)')
      .argument('[ids...]', 'event or claim ids to decide')
      .option('--source <id>', 'only this ingested article (article:<sha256>, its source id, or 8+ hex digits of the hash)'),
  ).action(async (action: string | undefined, ids: string[], o: ReviewOptions, cmd: Command) => {
    const format = formatOf(o);
    const review = await import('../../store/review.js');
    await withStore(cmd, async (store) => {
      const origin = o.source ? await review.resolveArticleOrigin(store, o.source) : undefined;
      if (action === undefined) {
        const items = await review.listReview(store, { origin });
        emit(cmd, format, {
          json: items,
          header: ['kind', 'id', 'code', 'actors', 'others', 'date', 'sentence'],
          rows: items.map((i) => [i.kind, i.id, i.code, i.actors.join(' '), i.others.join(' '), i.date ?? '—', i.sentence.length > 100 ? `${i.sentence.slice(0, 99)}…` : i.sentence]),
          empty: 'nothing is waiting for review',
        });
        return;
      }
      if (action !== 'accept' && action !== 'reject') throw new UserError('review', `"${action}" is not accept or reject`, { field: 'action' });
      const state = action === 'accept' ? 'accepted' : 'rejected';
      if (ids.length === 0 && !origin) throw new UserError('review', `${action} needs event or claim ids, or --source ID`, { field: 'ids' });
      if (ids.length > 0 && origin) throw new UserError('review', `give ids or --source, not both`, { field: '--source' });
      const r = origin ? await review.decideOrigin(store, origin, state) : await review.decideReview(store, ids, state);
      emit(cmd, format, {
        json: r,
        header: ['state', 'events', 'claims', 'unknown ids'],
        rows: [[r.state, r.events, r.claims, r.unknown.join(' ') || '—']],
      });
      if (r.unknown.length) {
        ioOf(cmd).stderr.write(`review: ${r.unknown.length} id(s) name no extracted event or claim: ${r.unknown.join(', ')}\n`);
        if (r.events + r.claims === 0) setExitCode(cmd, 2);
      }
    });
  });

  withFormat(
    program
      .command('retract')
      .description('remove everything one ingest of an article added (its source, actors, events and claims), in one transaction')
      .argument('<source>', 'the article: article:<sha256>, its source id, or 8+ hex digits of its hash'),
  ).action(async (source: string, o: ReviewOptions, cmd: Command) => {
    const format = formatOf(o);
    const review = await import('../../store/review.js');
    await withStore(cmd, async (store) => {
      const r = await review.retractOrigin(store, await review.resolveArticleOrigin(store, source));
      emit(cmd, format, {
        json: r,
        header: ['origin', 'sources', 'actors', 'events', 'claims', 'kept (used elsewhere)'],
        rows: [[r.origin, r.removed.sources, r.removed.actors, r.removed.events, r.removed.claims, [...r.kept.actors, ...r.kept.sources].join(' ') || '—']],
      });
    });
  });
}
