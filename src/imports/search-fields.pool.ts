import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SearchFields } from '../core/match/index.ts';
import { SearchFieldsCache } from './import.search-fields.ts';

/**
 * searchFieldsFor() over a batch, in worker threads so that decoding (the
 * import's CPU cost) overlaps parsing on the main thread and writing in the
 * database. With 0 workers, or if a worker cannot start, it runs in-thread.
 */
export interface SearchFieldsComputer {
  computeBatch(items: Array<[fullName: string, birthplace: string | null]>): Promise<SearchFields[]>;
  /** Workers started, ready, and whether the pool gave up on them (then it decodes in-thread). */
  status(): { workers: number; ready: number; broken: boolean };
  close(): Promise<void>;
}

/**
 * How to start the worker. Run from TypeScript sources (tsx), Node 20 refuses a
 * `.ts` worker entry even with `--import tsx` in its execArgv
 * (ERR_UNKNOWN_FILE_EXTENSION: the entry's format is decided before the loader
 * hooks exist), which silently sent all decoding back to the main thread. A
 * two-line CommonJS bootstrap loads the entry through tsx's API instead.
 */
export function workerEntry(): [string | URL, { eval?: boolean }] {
  // The precompiled CLI (dist/cli.mjs, scripts/build-cli.mjs) has the worker built beside it.
  const entry = new URL(import.meta.url.endsWith('.mjs') ? './search-fields.worker.mjs' : './search-fields.worker.ts', import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return [entry, {}];
  // tsx's ESM build (its CommonJS build resolves its own files wrongly from an eval'd worker).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return [`import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`, { eval: true }];
}

type Pending = { resolve: (r: SearchFields[]) => void; reject: (e: Error) => void };

export function createSearchFieldsComputer(workers: number): SearchFieldsComputer {
  const local = new SearchFieldsCache();
  const computeLocal = (items: Array<[string, string | null]>) =>
    items.map(([fullName, birthplace]) => local.compute({ fullName, birthplace, attested: [] }));
  const inThread = (): SearchFieldsComputer => ({
    computeBatch: async (items) => computeLocal(items),
    status: () => ({ workers: 0, ready: 0, broken: false }),
    close: async () => undefined,
  });
  if (workers <= 0) return inThread();

  const pending = new Map<number, Pending>();
  let nextId = 0;
  let broken = false;
  let ready = 0;
  const pool: Worker[] = [];
  try {
    for (let i = 0; i < workers; i++) pool.push(startWorker());
  } catch {
    // e.g. a node flag workers may not take: decode in-thread instead.
    for (const w of pool) void w.terminate();
    return inThread();
  }
  function startWorker(): Worker {
    const [entry, how] = workerEntry();
    // An 8 MB young generation (16 before) kept a 3,100,000-row import within its 300 MB and cost no time (docs/benchmarks.md).
    const worker = new Worker(entry, { ...how, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 } });
    worker.unref();
    worker.on('message', (m: { id: number; results?: SearchFields[]; error?: string; ready?: true }) => {
      if (m.ready) {
        ready++;
        return;
      }
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
      // Starting a worker takes a second or two (loading the TypeScript and the tables): decode in-thread meanwhile.
      if (broken || ready < pool.length || items.length === 0) return computeLocal(items);
      const size = Math.ceil(items.length / pool.length);
      try {
        const parts = await Promise.all(pool.map((w, i) => send(w, items.slice(i * size, (i + 1) * size))));
        return parts.flat();
      } catch {
        broken = true; // a worker that cannot load or crashed: carry on in-thread
        return computeLocal(items);
      }
    },
    status: () => ({ workers: pool.length, ready, broken }),
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}
