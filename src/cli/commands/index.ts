import type { CliCommand } from '../cli-io.ts';
import { decodeCliCommand } from './decode.command.ts';
import { exportCommand, restoreCommand } from './export.command.ts';
import { importCommand } from './import.command.ts';
import { linkCommand } from './link.command.ts';
import { migrateCommand } from './migrate.command.ts';
import { reindexCommand } from './reindex.command.ts';
import { searchCommand } from './search.command.ts';
import { statsCommand } from './stats.command.ts';
import { tokenCommand } from './token.command.ts';
import { userCommand } from './user.command.ts';

/** Every CLI command by name; the other features register theirs here. */
export const COMMANDS: Record<string, CliCommand> = {
  migrate: migrateCommand,
  decode: decodeCliCommand,
  stats: statsCommand,
  import: importCommand,
  export: exportCommand,
  restore: restoreCommand,
  search: searchCommand,
  user: userCommand,
  token: tokenCommand,
  reindex: reindexCommand,
  link: linkCommand,
};
