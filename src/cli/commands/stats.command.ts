import { countRecords, countRecordsBySource } from '../../records/records.repository.ts';
import type { CliCommand } from '../cli-io.ts';

export const statsCommand: CliCommand = {
  needsDatabase: true,
  summary: 'stats [--json]          count records, by source',
  async run(args, io, runtime) {
    const db = runtime.database.readDb;
    const stats = { records: await countRecords(db), bySource: await countRecordsBySource(db), backend: runtime.database.backend };
    if (args.includes('--json')) {
      io.stdout.write(`${JSON.stringify(stats)}\n`);
    } else {
      io.stdout.write(`records: ${stats.records} (${stats.backend})\n`);
      for (const [source, n] of Object.entries(stats.bySource)) io.stdout.write(`  ${source}: ${n}\n`);
    }
    return 0;
  },
};
