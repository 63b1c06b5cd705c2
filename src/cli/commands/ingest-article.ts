// `faultline ingest FILE`: extract an article and load it into the store, merging with what is there.
import type { Command } from 'commander';
import { withStore } from '../context.js';
import { checkedExtractOptions, regionGazetteer, type ExtractCliOptions } from './extract.js';

export function defineIngestArticleCommands(program: Command): void {
  program
    .command('ingest')
    .description('extract an article and load it as a source with its actors, events and claims (idempotent)')
    .argument('<file>', 'the article (.txt, .md, .html)')
    .option('--published <date>', 'document date YYYY-MM-DD')
    .option('--region <id>', 'built-in region whose knowledge base names actors', 'south-caucasus')
    .option('--no-kb', 'use the codebook only, not the knowledge base')
    .option('--max-bytes <n>', 'refuse files larger than this (default 20 MiB)')
    .action(async (file: string, opts: ExtractCliOptions, cmd: Command) => {
      const { published, maxBytes } = checkedExtractOptions(opts);
      const { readArticleFile, extractArticle } = await import('../../extract/index.js');
      const { loadArticle } = await import('../../extract/load-article.js');
      const input = readArticleFile(file, { maxBytes });
      const x = extractArticle(input, { published, gazetteer: await regionGazetteer(opts.region, opts.kb !== false) });
      for (const w of x.warnings) process.stderr.write(`ingest: ${file}: warning: ${w}\n`);
      await withStore(cmd, async (store) => {
        const r = await loadArticle(store, x, { file, text: input.text });
        const fmt = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${v} ${k}`).join(', ');
        process.stdout.write(r.unchanged
          ? `${r.origin}: unchanged since the last ingest\n`
          : `${r.origin}: wrote ${fmt(r.written)}; merged with existing ${fmt(r.merged)}\n`);
      });
    });
}
