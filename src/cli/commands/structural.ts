// The structural-indicator commands (alignment, arms, conflict), registered together; capability is among the measures.
import type { Command } from 'commander';
import { defineAlignment } from './alignment.js';
import { defineArms } from './arms.js';
import { defineConflict } from './conflict.js';

export function defineStructuralCommands(program: Command): void {
  for (const define of [defineAlignment, defineArms, defineConflict]) define(program);
}
