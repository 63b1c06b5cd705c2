#!/usr/bin/env node
// Launcher: runs the TypeScript CLI through tsx, so `npx faultline` works in the repo without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
