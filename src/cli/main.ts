// The `faultline` command line: parses arguments, dispatches to a command module, maps user errors to one line.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError } from '../model/errors.js';
import { NO_STORE, attachIo, commandName, dbPathOf, exitCodeOf, ioOf, processIo, type CliIo } from './context.js';

type Define = (program: Command) => void;

/**
 * Each command module declares the commands named beside it; the action lazily imports the work it does. Only
 * the module of the command being run is loaded (all of them for help), so that no module's imports slow the others.
 */
const COMMANDS: ReadonlyArray<{ readonly names: readonly string[]; readonly load: () => Promise<Define> }> = [
  { names: ['validate', 'load', 'export', 'start'], load: async () => (await import('./commands/knowledge.js')).defineKnowledgeCommands },
  { names: ['actors', 'events', 'claims', 'relations', 'timeline'], load: async () => (await import('./commands/lists.js')).defineListCommands },
  { names: ['extract'], load: async () => (await import('./commands/extract.js')).defineExtractCommands },
  { names: ['ingest'], load: async () => (await import('./commands/ingest-article.js')).defineIngestArticleCommands },
  { names: ['import'], load: async () => (await import('./commands/import.js')).defineImportCommand },
  { names: ['dyad'], load: async () => (await import('./commands/dyad.js')).defineDyadCommand },
  { names: ['fetch'], load: async () => (await import('./commands/fetch.js')).defineFetchCommand },
  { names: ['simulate'], load: async () => (await import('./commands/simulate.js')).defineSimulate },
  { names: ['serve'], load: async () => (await import('./commands/serve.js')).defineServe },
  { names: ['brief'], load: async () => (await import('./commands/brief.js')).defineBrief },
  { names: ['mediation'], load: async () => (await import('./commands/mediation.js')).defineMediation },
  { names: ['influence'], load: async () => (await import('./commands/influence.js')).defineInfluence },
  { names: ['balance'], load: async () => (await import('./commands/balance.js')).defineBalance },
  { names: ['capability'], load: async () => (await import('./commands/capability.js')).defineCapability },
  { names: ['alerts'], load: async () => (await import('./commands/alerts.js')).defineAlerts },
  { names: ['theses'], load: async () => (await import('./commands/theses.js')).defineTheses },
  { names: ['review', 'retract'], load: async () => (await import('./commands/review.js')).defineReviewCommands },
  { names: ['alignment'], load: async () => (await import('./commands/alignment.js')).defineAlignment },
  { names: ['arms'], load: async () => (await import('./commands/arms.js')).defineArms },
  { names: ['conflict'], load: async () => (await import('./commands/conflict.js')).defineConflict },
];

/** The command name in `argv` (the first word that is not an option or the value of --db), if any. */
function commandWord(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--db') i++;
    else if (a === '--') return args[i + 1];
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The definitions a run needs: the named command's module, none for a bare --version, all otherwise (help, typos). */
async function definitionsFor(args: readonly string[]): Promise<Define[]> {
  const word = commandWord(args);
  if (word === undefined && args.some((a) => a === '--version' || a === '-V')) return [];
  const hit = word === undefined ? undefined : COMMANDS.find((c) => c.names.includes(word));
  return Promise.all((hit ? [hit] : COMMANDS).map((c) => c.load()));
}

/** The package version (package.json sits two levels above both src/cli and dist/cli). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Thrown by the pre-action hook once a running server has executed the command: the run ends with its code. */
class Forwarded extends Error {
  constructor(readonly code: number) {
    super(`forwarded (exit ${code})`);
  }
}

/**
 * Before a command that uses the store runs: when a `faultline serve` holds that store (its server file is
 * beside it), the command is sent to it and runs there, in process, on the server's open store.
 */
async function forwardIfServed(argv: readonly string[], action: Command): Promise<void> {
  const name = commandName(action);
  const io = ioOf(action);
  if (io.store) {
    if (name === 'serve') throw new UserError('cli/serve', 'serve cannot be started through a running server');
    return;
  }
  if (NO_STORE.has(name)) return;
  const db = await dbPathOf(action);
  const link = await import('./server-link.js');
  const server = link.readServerFile(db);
  if (!server) return;
  if (name === 'serve') throw new UserError('cli/serve', `${db} is already served by PID ${server.pid}${server.api ? ` at ${server.api}` : ''}`);
  const code = await link.forwardToServer(server, { args: link.absoluteArgs(argv.slice(2), io.cwd), cwd: io.cwd, db }, io.stdout, io.stderr);
  if (code !== undefined) throw new Forwarded(code);
}

/** The program with the commands `argv` needs (all of them when `argv` names none). */
export async function buildProgram(io: CliIo = processIo(), argv: readonly string[] = []): Promise<Command> {
  const program = new Command('faultline')
    .description('Measure how a regional balance of power shifts: knowledge base, event data, measures, simulations.')
    .version(version(), '-V, --version', 'print the version')
    .option('--db <path>', 'DuckDB database file (default: $FAULTLINE_DB or ./.faultline/faultline.duckdb)')
    .option('--debug', 'print stack traces for errors')
    .option('--backend <name>', 'where dataset events live: duckdb (the database file) or clickhouse (default: $FAULTLINE_BACKEND or duckdb)')
    .option('--clickhouse <url>', 'ClickHouse for --backend clickhouse, e.g. http://127.0.0.1:18123/?database=faultline&cluster=faultline (default: $FAULTLINE_CLICKHOUSE)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) });
  attachIo(program, io);
  program.hook('preAction', (_root, action) => forwardIfServed(argv, action));
  for (const define of await definitionsFor(argv.slice(2))) define(program);
  return program;
}

/**
 * Runs the CLI with `argv` (node-style, including the two leading entries) against `io`; returns the exit code.
 * Tests pass string-collecting streams and call it in process.
 */
export async function main(argv: readonly string[] = process.argv, io: CliIo = processIo()): Promise<number> {
  let program: Command;
  try {
    program = await buildProgram(io, argv);
  } catch (err) {
    return reportError(err, argv.includes('--debug'), io);
  }
  // The run's own code comes from setExitCode. A command that still sets process.exitCode is honoured when the
  // value changed during the run, and the global is put back, so that in-process runs do not inherit each other's.
  const before = process.exitCode;
  try {
    await program.parseAsync([...argv]);
    const legacy = process.exitCode !== before && process.exitCode !== undefined ? Number(process.exitCode) : undefined;
    return exitCodeOf(program) ?? legacy ?? 0;
  } catch (err) {
    if (err instanceof Forwarded) return err.code;
    return reportError(err, argv.includes('--debug'), io);
  } finally {
    process.exitCode = before;
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
