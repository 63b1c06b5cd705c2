// Steps `npm start` runs after printing the summary (e.g. writing the brief); each gets the open store.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';
import { briefStartHook } from './commands/brief.js';
import { structuralStartHook } from './commands/import-structural.js';

export type StartHook = (store: Store, cmd: Command) => Promise<void>;

export const START_HOOKS: readonly StartHook[] = [structuralStartHook, briefStartHook];
