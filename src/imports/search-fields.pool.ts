import { Worker } from 'node:worker_threads';
import type { SearchFields } from '../search/search-fields.ts';
import { SearchFieldsCache } from './import.search-fields.ts';

/**
 * searchFieldsFor() over a batch, in worker threads so that decoding (the
 * import's CPU cost) overlaps parsing on the main thread and writing in the
 * database. With 0 workers, or if a worker cannot start, it runs in-thread.
 */
export interface SearchFieldsComputer {
  computeBatch(items: Array<[fullName: string, birthplace: string | null]>): Promise<SearchFields[]>;
  close(): Promise<void>;
}

type Pending = { resolve: (r: SearchFields[]) => void; reject: (e: Error) => void };

export function createSearchFieldsComputer(workers: number): SearchFieldsComputer {
  const local = new SearchFieldsCache();
  const computeLocal = (items: Array<[string, string | null]>) =>
    items.map(([fullName, birthplace]) => local.compute({ fullName, birthplace, attested: [] }));
  if (workers <= 0) return { computeBatch: async (items) => computeLocal(items), close: async () => undefined };

  // The worker is TypeScript: it needs the tsx loader, inherited when the parent runs under tsx.
  const execArgv = process.execArgv.some((a) => a.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let broken = false;
  const pool: Worker[] = [];
  try {
    for (let i = 0; i < workers; i++) pool.push(startWorker());
  } catch {
    // e.g. a node flag workers may not take: decode in-thread instead.
    for (const w of pool) void w.terminate();
    return { computeBatch: async (items) => computeLocal(items), close: async () => undefined };
  }
  function startWorker(): Worker {
    const worker = new Worker(new URL('./search-fields.worker.ts', import.meta.url), { execArgv, resourceLimits: { maxOldGenerationSizeMb: 128 } });
    worker.unref();
    worker.on('message', (m: { id: number; results?: SearchFields[]; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.results!);
    });
    worker.on('error', (err) => {
      broken = true;
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    return worker;
  }

  const send = (worker: Worker, items: Array<[string, string | null]>) =>
    new Promise<SearchFields[]>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, items });
    });

  return {
    async computeBatch(items) {
      if (broken || items.length === 0) return computeLocal(items);
      const size = Math.ceil(items.length / pool.length);
      try {
        const parts = await Promise.all(pool.map((w, i) => send(w, items.slice(i * size, (i + 1) * size))));
        return parts.flat();
      } catch {
        broken = true; // a worker that cannot load or crashed: carry on in-thread
        return computeLocal(items);
      }
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
