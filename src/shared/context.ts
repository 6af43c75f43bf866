import type { Config } from '../config/config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from './logger.ts';

/** What every route gets: bound at app creation, never imported as a global. */
export interface AppContext {
  config: Config;
  database: Database;
  logger: Logger;
}
