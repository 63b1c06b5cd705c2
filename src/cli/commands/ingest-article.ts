// `faultline ingest FILE`: extract an article and load it into the store for review, merging with what is there.
import type { Command } from 'commander';
import { ioOf, withStore } from '../context.js';
import { checkedExtractOptions, regionGazetteer, type ExtractCliOptions } from './extract.js';

export function defineIngestArticleCommands(program: Command): void {
  program
    .command('ingest')
    .description('extract an article and store it as a source with its actors, events and claims, pending review (idempotent)')
    .argument('<file>', 'the article (.txt, .md, .html)')
    .option('--published <date>', 'document date YYYY-MM-DD')
    .option('--region <id>', 'built-in region whose knowledge base names actors', 'south-caucasus')
    .option('--no-kb', 'use the codebook and the general actor dictionary only, not the knowledge base')
    .option('--max-bytes <n>', 'refuse files larger than this (default 20 MiB)')
    .option('--json', 'print the load report as JSON')
    .action(async (file: string, opts: ExtractCliOptions & { json?: boolean }, cmd: Command) => {
      const io = ioOf(cmd);
      const { published, maxBytes } = checkedExtractOptions(opts);
      const { readArticleFile, extractArticle } = await import('../../extract/index.js');
      const { loadArticle } = await import('../../extract/load-article.js');
      const input = readArticleFile(file, { maxBytes });
      const x = extractArticle(input, { published, gazetteer: await regionGazetteer(opts.region, opts.kb !== false, io.stderr) });
      for (const w of x.warnings) io.stderr.write(`ingest: ${file}: warning: ${w}\n`);
      await withStore(cmd, async (store) => {
        const r = await loadArticle(store, x, { file, text: input.text });
        if (opts.json) {
          io.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
          return;
        }
        const fmt = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ');
        if (r.unchanged) {
          io.stdout.write(`${r.origin}: unchanged since the last ingest\n`);
          return;
        }
        io.stdout.write(`${r.origin}: wrote ${fmt(r.written)}; merged with existing ${fmt(r.merged)}\n`);
        for (const m of r.mergedWith) io.stdout.write(`  ${m.kind} ${m.extracted} merged with stored ${m.stored} (${m.by})\n`);
        if (r.written.events + r.written.claims > 0) io.stdout.write(`  ${r.written.events} event(s) and ${r.written.claims} claim(s) wait for review: faultline review --source ${r.origin.slice(0, 20)}\n`);
      });
    });
}
