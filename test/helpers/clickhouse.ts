// A ClickHouse cluster for the tests: FAULTLINE_CLICKHOUSE when it is set (CI starts one), else a two-shard cluster
// started here with scripts/clickhouse-cluster.sh on ports of its own, or a reason to skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

export interface TestCluster {
  /** The value for --clickhouse / FAULTLINE_CLICKHOUSE. */
  readonly url: string;
  /** Stops the servers when this helper started them. */
  stop(): void;
}

const SCRIPT = join(REPO_ROOT, 'scripts', 'clickhouse-cluster.sh');

function serverInstalled(): boolean {
  return ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse'].some((p) => existsSync(p)) ||
    spawnSync('sh', ['-c', 'command -v clickhouse-server'], { encoding: 'utf8' }).status === 0;
}

/** Why the ClickHouse tests cannot run here, or false when they can. */
export function clickhouseSkip(): string | false {
  if (process.env.FAULTLINE_CLICKHOUSE) return false;
  return serverInstalled() ? false : 'clickhouse-server is not installed (apt-get install -y clickhouse-server clickhouse-client) and FAULTLINE_CLICKHOUSE is not set';
}

/** The cluster to test against: the one FAULTLINE_CLICKHOUSE names, or two local servers started for this run. */
export function testCluster(): TestCluster {
  const given = process.env.FAULTLINE_CLICKHOUSE;
  if (given) return { url: given, stop: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'faultline-ch-test-'));
  // Ports of their own, so that a developer's cluster on the default ports is left alone.
  const env = { ...process.env, FAULTLINE_CH_DIR: join(dir, 'cluster'), FAULTLINE_CH_PORT: String(28123 + (process.pid % 50) * 2), FAULTLINE_CH_DATABASE: 'faultline_test' };
  const r = spawnSync('bash', [SCRIPT, 'start'], { env, encoding: 'utf8', cwd: REPO_ROOT });
  if (r.status !== 0) throw new Error(`clickhouse-cluster.sh start failed (${r.status}): ${r.stderr.slice(-800)}`);
  const url = r.stdout.trim().split('\n').pop()!;
  return {
    url,
    stop: () => {
      spawnSync('bash', [SCRIPT, 'stop'], { env, encoding: 'utf8', cwd: REPO_ROOT });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
