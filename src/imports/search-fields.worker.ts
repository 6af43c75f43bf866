import { parentPort } from 'node:worker_threads';
import { SearchFieldsCache } from './import.search-fields.ts';

/** Decodes readings for the importer off the main thread (see search-fields.pool.ts). */
const cache = new SearchFieldsCache();
parentPort?.on('message', (message: { id: number; items: Array<[string, string | null]> }) => {
  try {
    const results = message.items.map(([fullName, birthplace]) => cache.compute({ fullName, birthplace, attested: [] }));
    parentPort!.postMessage({ id: message.id, results });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
// Loaded (tables included): until this arrives the importer decodes in-thread, so a small file never waits for the worker to start.
parentPort?.postMessage({ ready: true });
