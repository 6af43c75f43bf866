import { parseCommandArgs, type CliCommand } from '../cli-io.ts';
import { DEFAULT_LINK_BATCH, runLinking } from '../../links/link-run.service.ts';

const USAGE = `usage: namebridge link [--json] [--source NAME] [--batch-size N] [--restart]

Proposes person links over the whole database (or one source's records) for
archivists to review. Resumable: an interrupted run continues after its last
committed batch, and a finished run later scores only records added since.
  --json        print {"pairsScored","proposed","seconds"}
  --source NAME only records of this source (paired with records of any source)
  --restart     score every record again
`;

export const linkCommand: CliCommand = {
  needsDatabase: true,
  usage: USAGE,
  summary: 'link [--json] [--source NAME]  propose person links for review',
  async run(args, io, runtime) {
    const parsed = parseCommandArgs('link', USAGE, io, {
      args,
      options: {
        json: { type: 'boolean', default: false },
        source: { type: 'string' },
        'batch-size': { type: 'string' },
        restart: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      allowPositionals: false,
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const batchSize = values['batch-size'] === undefined ? DEFAULT_LINK_BATCH : Number(values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
      io.stderr.write(`namebridge link: --batch-size must be a whole number from 1 to 100000\n${USAGE}`);
      return 2;
    }
    const tty = !values.json && (io.stderr as { isTTY?: boolean }).isTTY;
    const result = await runLinking(runtime.database.db, {
      source: values.source,
      batchSize,
      restart: values.restart,
      autoConfirmScore: runtime.config.LINK_AUTO_CONFIRM_SCORE,
      onBatch: tty ? (p) => io.stderr.write(`\rrecords up to id ${p.afterId}, ${p.pairsScored} pairs scored`) : undefined,
    });
    if (tty) io.stderr.write('\n');
    if (values.json) io.stdout.write(`${JSON.stringify(result)}\n`);
    else io.stdout.write(`${result.pairsScored} pairs scored, ${result.proposed} open proposals, ${result.seconds} s\n`);
    return 0;
  },
};
