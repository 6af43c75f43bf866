import type { Runtime } from '../bootstrap.ts';
import { DECODER_VERSION } from './decoder-version.ts';
import { staleReadingsCount } from './reading-versions.repository.ts';
import { reindexReadings } from './reindex.service.ts';

/**
 * At `npm start`, after seeding: say when stored readings come from another
 * decoder version (searches then match on old readings), and with
 * REINDEX_ON_START=true rebuild them in the background while the server
 * serves. Never throws: a failed check or rebuild is logged, not fatal.
 */
export async function startReadingsUpkeep(runtime: Pick<Runtime, 'config' | 'database' | 'logger'>, signal: AbortSignal): Promise<void> {
  const { config, database, logger } = runtime;
  try {
    const stale = await staleReadingsCount(database.db);
    if (stale === 0) return;
    if (!config.REINDEX_ON_START) {
      logger.warn(
        { staleReadings: stale, decoderVersion: DECODER_VERSION },
        'stored readings come from another decoder version: run `npm run cli -- reindex` or start with REINDEX_ON_START=true',
      );
      return;
    }
    logger.info({ staleReadings: stale, decoderVersion: DECODER_VERSION }, 'reindex: rebuilding stale readings in the background');
    const result = await reindexReadings(database, { signal, connectionString: config.DATABASE_URL });
    logger.info(result, 'reindex: done');
  } catch (err) {
    if (signal.aborted) logger.info('reindex: stopped by shutdown; the next start or `reindex` continues');
    else logger.error({ err }, 'reindex: failed; readings stay as they were (run `npm run cli -- reindex`)');
  }
}
