// Everyday use of the CLI, in process: names resolve to codes, unknown names fail with close matches, output formats,
// undated events, a missing or wrong store, a store another process holds, and exit codes that do not leak between runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runMain } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { main } from '../../src/cli/main.js';
import { absoluteArgs } from '../../src/cli/server-link.js';
import { createApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/duckdb-store.js';
import { serverFilePath } from '../../src/store/db-path.js';

const MINI = join(REPO_ROOT, 'test', 'fixtures', 'regions', 'mini');

/** A store with the mini region and one extracted article whose event has no date. */
async function miniStore(): Promise<string> {
  const dir = tempDir();
  const db = join(dir, 'kb.duckdb');
  assert.equal((await runMain(['load', MINI], { db })).code, 0);
  const article = join(dir, 'undated.txt');
  writeFileSync(article, 'Armenia condemned Azerbaijan over the shelling of border villages.\n');
  const r = await runMain(['ingest', article], { db });
  assert.equal(r.code, 0, r.stderr);
  return db;
}

// The read-only checks share one store.
let db: string;
before(async () => {
  db = await miniStore();
});

describe('actor names and codes', () => {
  it('resolves a name, an alias and a code to the same events (events --actor)', async () => {
    const ids = async (actor: string) => {
      const r = await runMain(['events', '--actor', actor, '--json'], { db });
      assert.equal(r.code, 0, r.stderr);
      return (JSON.parse(r.stdout) as { id: string }[]).map((e) => e.id).sort();
    };
    const byCode = await ids('AZE');
    assert.ok(byCode.length >= 2);
    assert.deepEqual(await ids('Azerbaijan'), byCode);
    assert.deepEqual(await ids('azerbaijan'), byCode);
    assert.deepEqual(await ids('Republic of Azerbaijan'), byCode);
  });

  it('dyad XXX RUS exits 2 naming XXX; a near miss is offered its close match', async () => {
    const r = await runMain(['dyad', 'XXX', 'RUS'], { db });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /unknown actor "XXX"/);
    const near = await runMain(['events', '--actor', 'Armnia'], { db });
    assert.equal(near.code, 2);
    assert.match(near.stderr, /unknown actor "Armnia"; did you mean Armenia \(ARM\)\?/);
  });

  it('dyad takes names ("armenia", "Azerbaijan") and gives what the codes give', async () => {
    // The mini region's own parties are AAA and BBB, so ARM–AZE needs the world scope.
    const byCode = await runMain(['dyad', 'ARM', 'AZE', '--by', 'year', '--region', 'world', '--json'], { db });
    const byName = await runMain(['dyad', 'armenia', 'Azerbaijan', '--by', 'year', '--region', 'world', '--json'], { db });
    assert.equal(byName.code, 0, byName.stderr);
    assert.deepEqual(JSON.parse(byName.stdout), JSON.parse(byCode.stdout));
    assert.ok((JSON.parse(byCode.stdout) as { series: unknown[] }).series.length > 0);
  });

  it('import --countries takes names as well as codes, and refuses an unknown one before creating a store', async () => {
    const file = join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'gdelt-malformed', '20240105000000.export.CSV');
    const totals = async (countries: string) => {
      const r = await runMain(['import', 'gdelt', file, '--countries', countries, '--json'], { db: join(tempDir(), 'kb.duckdb') });
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout).totals;
    };
    assert.deepEqual(await totals('azerbaijan,France'), await totals('AZE,FRA'));
    const fresh = join(tempDir(), 'kb.duckdb');
    const bad = await runMain(['import', 'gdelt', file, '--countries', 'AZE,Frnace'], { db: fresh });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--countries: unknown actor "Frnace"; did you mean France \(FRA\)/);
    assert.equal(existsSync(fresh), false);
  });

  it('tables name the parties with their codes; CSV and JSON keep the codes', async () => {
    const table = await runMain(['events', '--actor', 'ARM'], { db });
    assert.match(table.stdout, /Armenia \(ARM\)\s+Azerbaijan \(AZE\)/);
    const csv = await runMain(['events', '--actor', 'ARM', '--format', 'csv'], { db });
    const [header, ...rows] = csv.stdout.trim().split('\n');
    assert.equal(header, 'date,cameo,quad,gold,status,source,target,summary');
    assert.ok(rows.length >= 2);
    assert.ok(rows.every((r) => /,(ARM|AZE),(ARM|AZE),/.test(r)), csv.stdout);
  });

  it('the API resolves names the same way and answers an unknown one with 400 naming it', async () => {
    const store = await openStore(db, { readOnly: true });
    try {
      const app = createApp({ store });
      const named = await app.request('http://localhost/api/events?actor=azerbaijan');
      const coded = await app.request('http://localhost/api/events?actor=AZE');
      assert.equal(named.status, 200);
      assert.deepEqual(await named.json(), await coded.json());
      const bad = await app.request('http://localhost/api/dyad?a=XXX&b=RUS');
      assert.equal(bad.status, 400);
      assert.match(((await bad.json()) as { message: string }).message, /^server: a: unknown actor "XXX"/);
    } finally {
      store.close();
    }
  });
});

describe('--format table|json|csv on lists and measures', () => {
  for (const command of [['actors'], ['events'], ['claims'], ['relations'], ['timeline'], ['dyad', 'ARM', 'AZE', '--region', 'world'], ['mediation', 'ARM', 'AZE', '--region', 'world'], ['influence', 'ARM', '--region', 'world'], ['alerts'], ['theses']]) {
    it(`${command.join(' ')}: JSON parses, CSV has a header and rows of equal width, an unknown format exits 2`, async () => {
      const json = await runMain([...command, '--format', 'json'], { db });
      assert.equal(json.code, 0, json.stderr);
      JSON.parse(json.stdout);
      assert.deepEqual(JSON.parse((await runMain([...command, '--json'], { db })).stdout), JSON.parse(json.stdout));
      const csv = await runMain([...command, '--format', 'csv'], { db });
      assert.equal(csv.code, 0, csv.stderr);
      const lines = csv.stdout.trim().split('\n');
      assert.ok(lines.length >= 1 && /^[a-z_]/.test(lines[0]), csv.stdout);
      const width = (line: string) => line.replace(/"(?:[^"]|"")*"/g, 'x').split(',').length;
      assert.ok(lines.every((l) => width(l) === width(lines[0])), csv.stdout);
      const bad = await runMain([...command, '--format', 'xml'], { db });
      assert.equal(bad.code, 2);
    });
  }
});

describe('undated events', () => {
  it('are listed without a day range, left out under one (with a note), and kept with --include-undated', async () => {    const all = JSON.parse((await runMain(['events', '--json'], { db })).stdout) as { id: string; date: unknown }[];
    const undated = all.filter((e) => e.date === null);
    assert.equal(undated.length, 1);
    const ranged = await runMain(['events', '--from', '2025'], { db });
    assert.doesNotMatch(ranged.stdout, /undated/);
    assert.match(ranged.stderr, /1 undated event left out by --from\/--to; --include-undated lists it/);
    const kept = JSON.parse((await runMain(['events', '--from', '2025', '--include-undated', '--json'], { db })).stdout) as { id: string; date: unknown }[];
    assert.deepEqual(kept.filter((e) => e.date === null).map((e) => e.id), undated.map((e) => e.id));
    assert.equal(kept.length, 2, 'the 2025 talks and the undated event');
    const timeline = await runMain(['timeline', '--include-undated'], { db });
    assert.match(timeline.stdout, /^undated {2}\[111 /m);
  });
});

describe('the store named by --db', () => {
  it('a read command on a store that does not exist exits 2 and creates nothing', async () => {
    const r = await runMain(['events', '--db', '/no/such/dir/x.duckdb']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'store: no store at /no/such/dir/x.duckdb — run `faultline load DIR` or `npm start`\n');
    assert.equal(existsSync('/no/such/dir'), false);
    const db = join(tempDir(), 'fresh.duckdb');
    for (const command of [['events'], ['dyad', 'ARM', 'AZE'], ['theses'], ['export']]) {
      assert.equal((await runMain(command, { db })).code, 2, command.join(' '));
    }
    assert.equal(existsSync(db), false);
  });

  it('a directory given as the store file ends in one line naming it', async () => {
    const dir = tempDir();
    for (const command of [['events'], ['load', MINI]]) {
      const r = await runMain([...command, '--db', dir]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, `store: ${dir} is a directory, not a store file (--db and FAULTLINE_DB name a file)\n`);
    }
  });

  it('a directory given as a data file, and a file given as a region directory, end in one line naming them', async () => {
    const db = join(tempDir(), 'kb.duckdb');
    const dir = tempDir();
    const imp = await runMain(['import', 'gdelt', dir], { db });
    assert.equal(imp.code, 2);
    assert.equal(imp.stderr, `cli: ${dir}: is a directory; give the dataset files inside it\n`);
    assert.equal(existsSync(db), false, 'bad input creates no store');
    const file = join(MINI, 'events.yaml');
    const load = await runMain(['load', file], { db });
    assert.equal(load.code, 2);
    assert.equal(load.stderr, `validate: ${file}: is a file; give the region directory that holds region.yaml, actors.yaml, …\n`);
  });

  describe('held by another process', () => {
    let holder: ChildProcess;
    let held: string;
    before(async () => {
      held = join(tempDir(), 'kb.duckdb');
      assert.equal((await runMain(['load', MINI], { db: held })).code, 0);
      // Another program with the file open for writing (not a faultline server, so there is nothing to send commands to).
      const script = `const { DuckDBInstance } = await import('@duckdb/node-api'); const i = await DuckDBInstance.create(${JSON.stringify(held)}); await i.connect(); console.log('held'); setInterval(() => {}, 1000);`;
      holder = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    });
    after(() => {
      holder.kill();
    });

    it('a command says so in one line naming the PID and command line, never "internal error"', async () => {
      for (const command of [['events'], ['load', MINI]]) {
        const r = await runMain(command, { db: held });
        assert.equal(r.code, 2, r.stderr);
        const lines = r.stderr.trim().split('\n');
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], new RegExp(`^store: ${held.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is in use by another process \\(PID ${holder.pid}: \\S*node --input-type=module -e`));
        assert.doesNotMatch(r.stderr, /internal error/);
      }
    });

    it('a stale server file (its process gone) does not send commands anywhere', async () => {
      const dead = spawnSync(process.execPath, ['-e', '0']).pid;
      const dir = tempDir();
      const free = join(dir, 'kb.duckdb');
      assert.equal((await runMain(['load', MINI], { db: free })).code, 0);
      writeFileSync(serverFilePath(free), JSON.stringify({ url: 'http://127.0.0.1:9', secret: 'x'.repeat(64), pid: dead, db: free }));
      const r = await runMain(['events', '--json'], { db: free });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).length, 2);
    });
  });
});

describe('main(argv, io)', () => {
  it('returns each run its own exit code and leaves process.exitCode alone', async () => {    const io = () => {
      const out = { text: '', write: (s: string) => void (out.text += s) };
      return { stdout: out, stderr: { write: () => undefined }, env: { ...process.env, FAULTLINE_DB: db }, cwd: REPO_ROOT };
    };
    const before = process.exitCode;
    assert.equal(await main(['node', 'faultline', 'dyad', 'XXX', 'RUS'], io()), 2);
    assert.equal(process.exitCode, before);
    assert.equal(await main(['node', 'faultline', 'events', '--json'], io()), 0);
    const [a, b] = await Promise.all([main(['node', 'faultline', 'events', '--actor', 'nobody-at-all'], io()), main(['node', 'faultline', 'actors'], io())]);
    assert.deepEqual([a, b], [2, 0]);
  });

  it('--version prints the package version', async () => {
    const r = await runMain(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
  });
});

describe('absoluteArgs(args, cwd): what a command sends to a running server', () => {
  it('makes existing paths absolute (also in --opt=value) and leaves codes, options and missing paths alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'region'));
    writeFileSync(join(dir, 'a.csv'), '');
    assert.deepEqual(absoluteArgs(['load', 'region', '--groups=a.csv', 'ARM', '--out', 'new.md', '-', '/abs/x'], dir), [
      'load', join(dir, 'region'), `--groups=${join(dir, 'a.csv')}`, 'ARM', '--out', 'new.md', '-', '/abs/x',
    ]);
  });
});
