import { readStats } from '../../health/stats.service.ts';
import { parseCommandArgs, type CliCommand } from '../cli-io.ts';

export const statsCommand: CliCommand = {
  needsDatabase: true,
  usage:
    'usage: namebridge stats [--json]\n' +
    'records, sources, attested names, pending corrections and stale readings (--json: the GET /api/stats object)\n',
  summary: 'stats [--json]          count records, sources, attested names, pending corrections',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('stats', statsCommand.usage!, io, {
      args,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    });
    if (typeof parsed === 'number') return parsed;
    // The same object as GET /api/stats.
    const stats = { ...(await readStats(runtime.database.readDb)), backend: runtime.database.backend };
    if (parsed.values.json) {
      io.stdout.write(`${JSON.stringify(stats)}\n`);
    } else {
      io.stdout.write(`records: ${stats.records} (${stats.backend})\n`);
      io.stdout.write(`sources: ${stats.sources}\n`);
      for (const [source, n] of Object.entries(stats.bySource)) io.stdout.write(`  ${source}: ${n}\n`);
      io.stdout.write(`attested names: ${stats.attestedNames}\n`);
      io.stdout.write(`pending corrections: ${stats.pendingCorrections}\n`);
      io.stdout.write(`stale readings: ${stats.staleReadings}\n`);
    }
    return 0;
  },
};
