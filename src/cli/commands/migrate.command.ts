import { migrateToLatest } from '../../db/migrate.ts';
import type { CliCommand } from '../cli-io.ts';

export const migrateCommand: CliCommand = {
  needsDatabase: true,
  usage:
    'usage: namebridge migrate\n' +
    'runs the pending database migrations of DATABASE_URL (npm start runs them too) and prints each one applied\n',
  summary: 'migrate                 run pending database migrations',
  async run(_args, io, runtime) {
    // bootstrap() was told not to migrate, so the results printed are this run's.
    const results = await migrateToLatest(runtime.database.db);
    if (results.length === 0) io.stdout.write('Database is up to date.\n');
    for (const r of results) io.stdout.write(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}\n`);
    return 0;
  },
};
