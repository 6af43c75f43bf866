import cliProgress from 'cli-progress';
import { DECODER_VERSION } from '../../search/decoder-version.ts';
import { reindexReadings, REINDEX_BATCH_SIZE } from '../../search/reindex.service.ts';
import { EXIT, parseCommandArgs, type CliCommand } from '../cli-io.ts';

const USAGE =
  'usage: namebridge reindex [--json] [--source NAME] [--batch N]\n' +
  'rebuilds the readings that another decoder version derived, and those of records that have none,\n' +
  `in batches of N records (default ${REINDEX_BATCH_SIZE}), while the service keeps serving; safe to stop and run again\n`;

export const reindexCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'reindex [--json] [--source NAME]   rebuild readings of another decoder version',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('reindex', USAGE, io, {
      args,
      options: {
        json: { type: 'boolean', default: false },
        source: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const source = values.source?.trim();
    if (source === '') {
      io.stderr.write(`namebridge reindex: --source needs a name\n${USAGE}`);
      return EXIT.fatal;
    }
    const batchSize = values.batch === undefined ? REINDEX_BATCH_SIZE : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      io.stderr.write(`namebridge reindex: --batch must be a whole number from 1 to 100000, not "${values.batch}"\n${USAGE}`);
      return EXIT.fatal;
    }
    const bar = (io.stderr as { isTTY?: boolean }).isTTY
      ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: 'reindex [{bar}] {value}/{total} records · ETA {eta_formatted}' }, cliProgress.Presets.shades_classic)
      : undefined;
    let started = false;
    const result = await reindexReadings(runtime.database, {
      source,
      connectionString: runtime.config.DATABASE_URL,
      batchSize,
      onProgress(done, total) {
        if (!bar) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.setTotal(total);
        bar.update(done);
      },
    });
    bar?.stop();
    runtime.logger.info({ ...result, decoderVersion: DECODER_VERSION, source }, 'reindex finished');
    if (values.json) {
      io.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      io.stdout.write(`rebuilt the readings of ${result.rebuilt} of ${result.records} records in ${result.seconds.toFixed(1)} s (decoder ${DECODER_VERSION})\n`);
    }
    return EXIT.ok;
  },
};
