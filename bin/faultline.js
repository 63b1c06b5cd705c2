#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx so `npx faultline` works in the repo without a build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
register();
const main = new URL('../src/cli/main.ts', import.meta.url);
await import(fileURLToPath(main).startsWith('/') ? main.href : main.href);
