#!/usr/bin/env node
// Launcher: runs the compiled CLI in dist/ (`npm run build`, which `npm ci` runs as `prepare`); only in a development
// tree without dist/ does it fall back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

// A closed pipe (`faultline events | head -1`) ends the run quietly, as it does for other Unix tools.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

const compiled = new URL('../dist/cli/main.js', import.meta.url);
let main;
if (existsSync(compiled)) {
  ({ main } = await import(compiled.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
