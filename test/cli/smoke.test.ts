// The few checks that need real processes: the compiled launcher, closed pipes, and commands run while `faultline serve`
// holds the store. Everything else about the CLI is tested in process (everyday.test.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { serverFilePath } from '../../src/store/db-path.js';

const BIN = join(REPO_ROOT, 'bin', 'faultline.js');
const COMPILED = join(REPO_ROOT, 'dist', 'cli', 'main.js');
const SKIP_NO_DIST: false | string = existsSync(COMPILED) ? false : 'dist/ is not built (npm run build; npm test builds it first)';
const REGION = join(REPO_ROOT, 'data', 'regions', 'south-caucasus');
/** A second region beside the built-in one, with ids of its own (regions may not take over each other's records). */
function tinyRegion(): string {
  const dir = join(tempDir(), 'tiny');
  mkdirSync(dir);
  writeFileSync(join(dir, 'region.yaml'), 'id: tiny\nname: Tiny Region\ndescription: A second test region.\ncountries: [AAA, BBB]\n');
  writeFileSync(join(dir, 'sources.yaml'), '- id: tiny-paper\n  kind: paper\n  outlet: Test Institute\n  title: A made-up paper\n  url: https://example.org/tiny\n  accessed: 2025-07-12\n');
  writeFileSync(join(dir, 'actors.yaml'), '- id: tiny-a\n  kind: state\n  name: State A\n  country: AAA\n  code: AAA\n- id: tiny-b\n  kind: state\n  name: State B\n  country: BBB\n  code: BBB\n');
  writeFileSync(join(dir, 'events.yaml'), '- id: talks-1\n  date: 2025-03-03\n  cameo: "046"\n  source: [tiny-a]\n  target: [tiny-b]\n  summary: The two governments held talks.\n  sources: [tiny-paper]\n');
  return dir;
}
const MINI = tinyRegion();
const GDELT = join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-v2-server', '20240201000000.export.CSV.zip');
const SKIP_NO_GDELT: false | string = existsSync(GDELT) ? false : `no GDELT fixture at ${GDELT}`;

// One store with the built-in region for the whole file: the launcher's checks only read it, the serve checks come after.
const db = join(tempDir(), 'kb.duckdb');
before(async () => {
  const r = await runMain(['load', REGION], { db });
  assert.equal(r.code, 0, r.stderr);
});

describe('the compiled launcher bin/faultline.js', { skip: SKIP_NO_DIST }, () => {

  it('--version prints the package version', () => {
    const r = spawnSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  for (const [command, take] of [['events', 'head -1'], ['export --json', 'head -c 10']] as const) {
    it(`faultline ${command} | ${take} ends quietly with exit 0 when the pipe closes`, () => {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${command} --db "${db}" 2>"${db}.err" | ${take}; echo; echo "exit=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
      assert.match(r.stdout, /exit=0\n$/);
      assert.ok(r.stdout.length > 10);
      assert.equal(readFileSync(`${db}.err`, 'utf8'), '');
    });
  }
});

describe('commands while `faultline serve` holds the store', { skip: SKIP_NO_GDELT }, () => {
  let server: ChildProcess;
  let api: string;
  let serverOut = '';
  const eventsApi = async () => (await (await fetch(`${api}/api/events?datasets=true&limit=10000`)).json()) as { id: string; origin: { dataset: string } }[];

  before(async () => {
    server = spawn(process.execPath, [BIN, 'serve', '--no-build', '--port', '0', '--db', db], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stderr!.on('data', (d) => (serverOut += d));
    api = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (d) => {
        serverOut += d;
        const m = /at (http:\/\/[^/\s]+)\//.exec(serverOut);
        if (m && /run through this server/.test(serverOut)) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${serverOut}`)));
    });
  });
  after(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });

  it('events --json, load and import gdelt all exit 0, and /api/events shows the imported events at once', async () => {
    const file = serverFilePath(db);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'only the owner may read the secret');
    const before = await eventsApi(); // also fills the server's answer cache
    assert.equal(before.filter((e) => e.origin.dataset.startsWith('gdelt')).length, 0);

    const events = await runMain(['events', '--json'], { db });
    assert.equal(events.code, 0, events.stderr);
    assert.equal((JSON.parse(events.stdout) as unknown[]).length, before.length);

    const load = await runMain(['load', MINI], { db });
    assert.equal(load.code, 0, load.stderr);
    assert.match(load.stdout, /curated:tiny: loaded/);

    const imported = await runMain(['import', 'gdelt', GDELT], { db });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /40 rows = 40 imported/);

    const after = await eventsApi();
    assert.equal(after.filter((e) => e.origin.dataset.startsWith('gdelt')).length, 40);
    assert.ok(after.some((e) => e.id === 'talks-1'), 'the mini region loaded through the server is served');
  });

  it('a second serve is refused naming the first; without the server file a command names the process holding the store', async () => {
    const again = await runMain(['serve', '--port', '0'], { db });
    assert.equal(again.code, 2);
    assert.match(again.stderr, new RegExp(`is already served by PID ${server.pid} at ${api}`));

    const file = serverFilePath(db);
    renameSync(file, `${file}.away`);
    try {
      const r = await runMain(['events'], { db });
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, new RegExp(`is in use by another process \\(PID ${server.pid}: \\S*node \\S*faultline\\.js serve `));
    } finally {
      renameSync(`${file}.away`, file);
    }
  });

  it('removes its server file when it stops', async () => {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    assert.equal(existsSync(serverFilePath(db)), false);
    const r = await runMain(['events', '--json'], { db });
    assert.equal(r.code, 0, r.stderr);
  });
});
