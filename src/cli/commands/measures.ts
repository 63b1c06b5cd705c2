// The measure commands (mediation, influence, balance, capability, alerts, theses), registered together.
import type { Command } from 'commander';
import { defineMediation } from './mediation.js';
import { defineInfluence } from './influence.js';
import { defineBalance } from './balance.js';
import { defineCapability } from './capability.js';
import { defineAlerts } from './alerts.js';
import { defineTheses } from './theses.js';

export function defineMeasureCommands(program: Command): void {
  for (const define of [defineMediation, defineInfluence, defineBalance, defineCapability, defineAlerts, defineTheses]) define(program);
}
