import type { CliCommand } from '../cli-io.ts';
import { migrateCommand } from './migrate.command.ts';
import { statsCommand } from './stats.command.ts';

/** Every CLI command by name; the other features register theirs here. */
export const COMMANDS: Record<string, CliCommand> = {
  migrate: migrateCommand,
  stats: statsCommand,
};
