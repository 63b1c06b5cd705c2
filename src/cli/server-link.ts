// How a command reaches a running `faultline serve` on the same store: the server file beside the store (loopback
// address, PID, per-start secret; mode 0600) and one request that runs the command in the server and streams its output back.
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { UserError } from '../model/errors.js';
import { serverFilePath } from '../store/db-path.js';
import type { CliStream } from './context.js';

/** What `faultline serve` writes to `<db>.server.json` while it runs. */
export interface ServerFile {
  /** The loopback address of the command channel (http://127.0.0.1:PORT). */
  readonly url: string;
  readonly secret: string;
  readonly pid: number;
  /** The database file it holds. */
  readonly db: string;
  /** The address of the API and dashboard. */
  readonly api: string;
  /** The server's command line, for messages. */
  readonly command: string;
  readonly started: string;
}

/** A command sent to the server: its arguments (paths made absolute), the caller's working directory and store. */
export interface ForwardRequest {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly db: string;
}

/** Header carrying the per-start secret. */
export const SECRET_HEADER = 'x-faultline-secret';
/** Path of the command channel. */
export const CHANNEL_PATH = '/cli';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server file beside `db` when it exists, is well formed and names a live process; undefined otherwise. */
export function readServerFile(db: string): ServerFile | undefined {
  const file = serverFilePath(db);
  if (!existsSync(file)) return undefined;
  let doc: Partial<ServerFile>;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerFile>;
  } catch {
    return undefined;
  }
  const ok =
    typeof doc.url === 'string' && /^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/.test(doc.url) &&
    typeof doc.secret === 'string' && doc.secret.length >= 32 &&
    typeof doc.pid === 'number' && Number.isInteger(doc.pid) && doc.pid > 0 &&
    typeof doc.db === 'string';
  if (!ok || doc.pid === process.pid || !isAlive(doc.pid!)) return undefined;
  return { api: '', command: '', started: '', ...doc } as ServerFile;
}

/** Writes the server file (readable by the owner only), replacing any stale one. */
export function writeServerFile(info: ServerFile): string {
  const file = serverFilePath(info.db);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return file;
}

/** Removes the server file if it is still the one this server wrote. */
export function removeServerFile(db: string, secret: string): void {
  const file = serverFilePath(db);
  try {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServerFile>;
    if (doc.secret === secret) unlinkSync(file);
  } catch {
    // Already gone, or replaced by another server: leave it.
  }
}

/**
 * Arguments with every one that names an existing file or directory (relative to `cwd`) made absolute, so that
 * the server, whose working directory differs, reads the same files. `--opt=value` forms are handled too.
 */
export function absoluteArgs(args: readonly string[], cwd: string): string[] {
  const fix = (a: string) => (a !== '' && a !== '-' && !isAbsolute(a) && existsSync(resolve(cwd, a)) ? resolve(cwd, a) : a);
  return args.map((a) => {
    if (!a.startsWith('-')) return fix(a);
    const eq = a.indexOf('=');
    return a.startsWith('--') && eq > 0 ? `${a.slice(0, eq + 1)}${fix(a.slice(eq + 1))}` : a;
  });
}

/**
 * Sends a command to the server and copies its output to `out`/`err` as it arrives; resolves to its exit code,
 * or to undefined when nobody answers at the address (a server that died without removing its file).
 */
export async function forwardToServer(server: ServerFile, request: ForwardRequest, out: CliStream, err: CliStream): Promise<number | undefined> {
  const { request: httpRequest } = await import('node:http');
  const body = JSON.stringify(request);
  return new Promise<number | undefined>((done, fail) => {
    const req = httpRequest(`${server.url}${CHANNEL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [SECRET_HEADER]: server.secret },
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED' || e.code === 'ECONNRESET') done(undefined);
      else fail(new UserError('cli', `cannot reach the server (PID ${server.pid}) at ${server.url}: ${e.message}`, { file: serverFilePath(server.db) }));
    });
    req.on('response', (res) => {
      res.setEncoding('utf8');
      if (res.statusCode !== 200) {
        let text = '';
        res.on('data', (c: string) => (text += c));
        res.on('end', () => fail(new UserError('cli', `the server (PID ${server.pid}) refused the command: ${text.trim() || `HTTP ${res.statusCode}`}`)));
        return;
      }
      let buffered = '';
      let code: number | undefined;
      res.on('data', (chunk: string) => {
        buffered += chunk;
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          if (!line) continue;
          const msg = JSON.parse(line) as { stdout?: string; stderr?: string; exit?: number };
          if (msg.stdout !== undefined) out.write(msg.stdout);
          if (msg.stderr !== undefined) err.write(msg.stderr);
          if (msg.exit !== undefined) code = msg.exit;
        }
      });
      res.on('end', () => {
        if (code === undefined) fail(new UserError('cli', `the server (PID ${server.pid}) stopped before the command finished`));
        else done(code);
      });
      res.on('error', (e) => fail(e));
    });
    req.end(body);
  });
}
