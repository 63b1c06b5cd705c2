// `faultline extract FILE --json`: the extraction contract of one article on stdout, warnings on stderr.
import type { Command } from 'commander';
import { UserError, isCalendarDay } from '../../model/index.js';
import { ioOf, printJson, type CliStream } from '../context.js';

export interface ExtractCliOptions {
  json?: boolean;
  published?: string;
  region?: string;
  kb?: boolean;
  maxBytes?: string;
}

/** Parses --published and --max-bytes, rejecting malformed values. */
export function checkedExtractOptions(o: ExtractCliOptions): { published?: string; maxBytes?: number } {
  if (o.published !== undefined && !isCalendarDay(o.published)) {
    throw new UserError('extract', `"${o.published}" is not a date of the form YYYY-MM-DD`, { field: '--published' });
  }
  const maxBytes = o.maxBytes === undefined ? undefined : Number(o.maxBytes);
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
    throw new UserError('extract', `"${o.maxBytes}" is not a positive whole number of bytes`, { field: '--max-bytes' });
  }
  return { published: o.published, maxBytes };
}

/** The gazetteer of a built-in region's knowledge base; codebook only (with a warning) when it cannot be read. */
export async function regionGazetteer(region: string | undefined, useKb: boolean, stderr: CliStream = process.stderr) {
  const { codebookGazetteer, knowledgeGazetteer } = await import('../../extract/index.js');
  if (!useKb) return codebookGazetteer();
  const { readRegionDir, builtinRegionDir } = await import('../../ingest/curated/index.js');
  const r = readRegionDir(builtinRegionDir(region));
  if (!r.ok) {
    stderr.write(`extract: warning: knowledge base of region "${region ?? 'default'}" not usable (${r.issues.length} issue(s)); using the codebook only\n`);
    return codebookGazetteer();
  }
  return knowledgeGazetteer(r.kb.actors, [r.kb.region]);
}

export function defineExtractCommands(program: Command): void {
  program
    .command('extract')
    .description('read an article (.txt, .md, .html) into references, actors, dated CAMEO events and claims')
    .argument('<file>', 'the article')
    .option('--json', 'print the extraction contract as one JSON object (the only format)', true)
    .option('--published <date>', 'document date YYYY-MM-DD that relative dates are resolved against')
    .option('--region <id>', 'built-in region whose knowledge base names actors', 'south-caucasus')
    .option('--no-kb', 'use the codebook and the general actor dictionary only, not the knowledge base')
    .option('--max-bytes <n>', 'refuse files larger than this (default 20 MiB)')
    .action(async (file: string, opts: ExtractCliOptions, cmd: Command) => {
      const io = ioOf(cmd);
      const { published, maxBytes } = checkedExtractOptions(opts);
      const { readArticleFile, extractArticle } = await import('../../extract/index.js');
      const input = readArticleFile(file, { maxBytes });
      const gazetteer = await regionGazetteer(opts.region, opts.kb !== false, io.stderr);
      const x = extractArticle(input, { published, gazetteer });
      for (const w of x.warnings) io.stderr.write(`extract: ${file}: warning: ${w}\n`);
      printJson(x, cmd);
    });
}
