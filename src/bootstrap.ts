import { loadConfig, type Config } from './config/config.ts';
import { openDatabase, optionsFromConfig, type Database } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createLogger, type Logger } from './shared/logger.ts';

export interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
}

/**
 * What the server and the CLI share: the same configuration, the same database
 * and migrations run before anything else touches it.
 */
export async function bootstrap(options: { migrate?: boolean; logger?: Logger } = {}): Promise<Runtime> {
  const config = loadConfig();
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const database = await openDatabase(optionsFromConfig(config));
  try {
    if (options.migrate !== false) {
      const results = await migrateToLatest(database.db);
      for (const r of results) logger.info({ migration: r.migrationName, status: r.status }, 'migration');
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  logger.info({ backend: database.backend, dataDir: database.backend === 'pglite' ? config.DATA_DIR : undefined }, 'database ready');
  return { config, logger, database };
}
