// The dashboard the browser tests drive: the built-in region with ACLED rows and the built-in structural tables, served on a free port, and Chromium that never leaves the machine.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ACLED, importFile } from '../../src/ingest/index.js';
import { loadBuiltinStructural } from '../../src/ingest/structural/index.js';
import { ensureWebBuilt, startServer, type RunningServer } from '../../src/server/index.js';
import type { Store } from '../../src/store/store.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { regionStore } from '../server/fixture.js';
import { launchBrowser } from './browser.js';

/** Where the screenshots go for people to look at: FAULTLINE_SHOTS, else a fresh temporary folder (named in the output). */
export const SHOTS = process.env.FAULTLINE_SHOTS ?? mkdtempSync(join(tmpdir(), 'faultline-shots-'));

export interface DashboardRig {
  readonly store: Store;
  readonly server: RunningServer;
  readonly context: BrowserContext;
  /** Console errors and page errors of every page opened, as "<width>px: text (url)". */
  readonly problems: string[];
  /** The JSON answer of an API path on the running server. */
  api(path: string, init?: RequestInit): Promise<any>;
  /** A new page of the dashboard at this width, once every panel has loaded. */
  open(width: number): Promise<Page>;
  close(): Promise<void>;
}

/** Starts the store, the server and Chromium; console errors whose URL matches `tolerate` (endpoints that may be missing) are not problems. */
export async function startDashboard(options: { tolerate?: RegExp } = {}): Promise<DashboardRig> {
  const webRoot = await ensureWebBuilt();
  const store = await regionStore({ hostile: true });
  // Dataset rows too (ACLED, with coordinates), so that every view shows imported events beside curated ones.
  await importFile(store, ACLED, join(REPO_ROOT, 'test', 'fixtures', 'ingest', 'acled', 'events.csv'));
  // The built-in UNGA and SIPRI tables, as `npm start` loads them, for the alignment and arms views and the theses' structural indicators.
  await loadBuiltinStructural(store);
  const server = await startServer({ store, port: 0, host: '127.0.0.1', webRoot });
  const browser = await launchBrowser();
  const context = browser.context;
  await context.route(
    (url) => !url.href.startsWith(server.url),
    (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>source</title>' }),
  );
  const problems: string[] = [];
  return {
    store,
    server,
    context,
    problems,
    api: async (path, init) => (await (await fetch(`${server.url}${path}`, init)).json()) as any,
    open: async (width) => {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        // A missing endpoint of another helper answers 404; the panel says so, and that is not a fault of the page.
        if (options.tolerate && /status of 404/.test(m.text()) && options.tolerate.test(m.location().url)) return;
        problems.push(`${width}px: ${m.text()} (${m.location().url})`);
      });
      page.on('pageerror', (e) => problems.push(`${width}px: pageerror ${e.message}`));
      await page.goto(`${server.url}/`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
      return page;
    },
    close: async () => {
      await browser.close();
      await server.close();
      store.close();
    },
  };
}
