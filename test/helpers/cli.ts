// Runs the real `faultline` launcher as a user would, capturing stdout, stderr and the exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `faultline ...args` with FAULTLINE_DB set to `db` when given. */
export function runCli(args: readonly string[], options: { db?: string; cwd?: string; input?: string; env?: Record<string, string> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.db) env.FAULTLINE_DB = options.db;
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'faultline.js'), ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env,
    input: options.input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A stream that collects what is written to it. */
export class StringStream {
  text = '';
  readonly isTTY = false;
  write(s: string): boolean {
    this.text += s;
    return true;
  }
}

/**
 * `faultline ...args` called in process through `main(argv, io)`: faster than `runCli` and what most tests should use.
 * FAULTLINE_DB is set to `db` when given; the environment is the test process's plus `env`.
 */
export async function runMain(args: readonly string[], options: { db?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { main } = await import('../../src/cli/main.js');
  const stdout = new StringStream();
  const stderr = new StringStream();
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.db) env.FAULTLINE_DB = options.db;
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    const code = await main(['node', 'faultline', ...args], { stdout, stderr, env, cwd: options.cwd ?? REPO_ROOT });
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.exitCode = before;
  }
}
