// The `faultline` command line: parses arguments, dispatches to a command module, maps user errors to one line.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError } from '../model/errors.js';
import { attachIo, processIo, type CliIo } from './context.js';
import { defineKnowledgeCommands } from './commands/knowledge.js';
import { defineListCommands } from './commands/lists.js';
import { defineExtractCommands } from './commands/extract.js';
import { defineIngestArticleCommands } from './commands/ingest-article.js';
import { defineImportCommand } from './commands/import.js';
import { defineDyadCommand } from './commands/dyad.js';
import { defineFetchCommand } from './commands/fetch.js';
import { defineSimulate } from './commands/simulate.js';
import { defineServe } from './commands/serve.js';
import { defineBrief } from './commands/brief.js';
import { defineMeasureCommands } from './commands/measures.js';

/** Each command module declares its commands; the action lazily imports the work it dispatches to. */
const COMMANDS: ReadonlyArray<(program: Command) => void> = [
  defineKnowledgeCommands,
  defineListCommands,
  defineExtractCommands,
  defineIngestArticleCommands,
  defineImportCommand,
  defineDyadCommand,
  defineFetchCommand,
  defineSimulate,
  defineServe,
  defineBrief,
  defineMeasureCommands,
];

export function buildProgram(io: CliIo = processIo()): Command {
  const program = new Command('faultline')
    .description('Measure how a regional balance of power shifts: knowledge base, event data, measures, simulations.')
    .option('--db <path>', 'DuckDB database file (default: $FAULTLINE_DB or ./.faultline/faultline.duckdb)')
    .option('--debug', 'print stack traces for errors')
    .option('--backend <name>', 'where dataset events live: duckdb (the database file) or clickhouse (default: $FAULTLINE_BACKEND or duckdb)')
    .option('--clickhouse <url>', 'ClickHouse for --backend clickhouse, e.g. http://127.0.0.1:18123/?database=faultline&cluster=faultline (default: $FAULTLINE_CLICKHOUSE)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  attachIo(program, io);
  for (const define of COMMANDS) define(program);
  return program;
}

/**
 * Runs the CLI with `argv` (node-style, including the two leading entries) against `io`; returns the exit code.
 * Tests pass string-collecting streams and call it in process.
 */
export async function main(argv: readonly string[] = process.argv, io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    return reportError(err, argv.includes('--debug'), io);
  }
}

function reportError(err: unknown, debug: boolean, io: CliIo): number {
  if (err instanceof CommanderError) {
    // Help and version requests exit 0; usage mistakes have been printed by commander already.
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof UserError) {
    io.stderr.write(`${err.message}\n`);
    if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
    return err.context.exitCode ?? 2;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  io.stderr.write(`faultline: internal error: ${e.message}${debug ? '' : ' (run with --debug for the stack; please report it)'}\n`);
  if (debug && e.stack) io.stderr.write(`${e.stack}\n`);
  return 1;
}

const isEntry = !!process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isEntry || process.env.FAULTLINE_CLI === '1') {
  const code = await main();
  process.exitCode = code;
}
