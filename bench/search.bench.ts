/**
 * `npm run bench:search`: N deterministic records (bench/generate-records.ts:
 * mostly Russian names as in the Moscow list, 12% Chinese-style) loaded through
 * the importer, then mixed queries over HTTP against the real server process:
 * latency p50/p95/p99 one at a time, with how often the record each query was
 * made from is first (found@1) or on the first page (found@20); then
 * throughput with concurrent clients.
 *
 *   npm run bench:search -- [--records 1000000] [--queries 1000] [--concurrency 8] [--embedded] [--reuse]
 *                           [--workers N] [--cpu-prof DIR] [--database NAME] [--worst] [--repeat 3]
 *
 * --worst: instead of the throughput phase, the hostile list (bench/search-queries.ts)
 * run --repeat times each: p50 and p100 per query, beside the ordinary queries' p50/p95.
 *
 * The server starts as `npm start` would with that DATABASE_URL (search rate
 * limit off): on PostgreSQL one worker per CPU unless --workers (WORKERS) says
 * otherwise. --cpu-prof writes a V8 profile of every server process to DIR.
 * Database: bench/bench-server.ts (--database NAME, default nb_bench_search_<N>;
 * --embedded: PGlite in a DATA_DIR under the system temp folder).
 */
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, workerCount } from '../src/config/config.ts';
import { SEED, hit, machine, percentiles, prepareDatabase, round, serverEnv, startServer, stopServer } from './bench-server.ts';
import { buildQueries, hostileQueries, type BenchQuery } from './search-queries.ts';

const { values: opts } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '8' },
    embedded: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    port: { type: 'string', default: '3917' },
    workers: { type: 'string' },
    'cpu-prof': { type: 'string' },
    database: { type: 'string' },
    worst: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
  },
});
const N = Number(opts.records);
const base = `http://127.0.0.1:${opts.port}`;

interface SearchBody {
  results: Array<{ record: { externalId: string; fullName: string } }>;
  warnings: Array<{ code: string }>;
}

async function main() {
  const db = await prepareDatabase({ records: N, embedded: opts.embedded, reuse: opts.reuse, database: opts.database });
  const env = serverEnv(db, opts.port, opts.workers ? { WORKERS: opts.workers } : {});
  const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts['cpu-prof'])}`] : [];
  const server = await startServer(env, profile);
  try {
    const queries = buildQueries(Number(opts.queries), N, SEED);
    for (const q of queries.slice(0, 50)) await get(q); // warm caches and the JIT
    const ordinary = await runSequential(queries);
    const report: Record<string, unknown> = {
      backend: opts.embedded ? 'pglite (embedded)' : 'postgresql',
      workers: workerCount(loadConfig(env)),
      records: N,
      ...ordinary,
    };
    if (opts.worst) {
      report.worst = await runWorst(Number(opts.repeat));
    } else {
      const C = Number(opts.concurrency);
      const concurrent = await runConcurrent(queries, C, 2);
      report.concurrent = { clients: C, requests: concurrent.requests, seconds: round(concurrent.seconds), rps: round(concurrent.requests / concurrent.seconds), ...percentiles(concurrent.latencies) };
    }
    report.machine = machine();
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stopServer(server);
  }
}

/** One query at a time: latency, and whether the record the query was made from came back. */
async function runSequential(queries: BenchQuery[]) {
  const all: number[] = [];
  const byKind = new Map<string, { ms: number[]; targeted: number; found1: number; found20: number }>();
  let withResults = 0;
  for (const q of queries) {
    const t0 = performance.now();
    const body = await get(q);
    const ms = performance.now() - t0;
    all.push(ms);
    const k = byKind.get(q.kind) ?? { ms: [], targeted: 0, found1: 0, found20: 0 };
    byKind.set(q.kind, k);
    k.ms.push(ms);
    if (body.results.length > 0) withResults++;
    if (q.target) {
      const rank = body.results.findIndex((r) => isTarget(r.record, q.target!));
      k.targeted++;
      if (rank === 0) k.found1++;
      if (rank >= 0) k.found20++;
    }
  }
  const share = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 1000 : null);
  const kinds = [...byKind.values()];
  const targeted = kinds.reduce((s, k) => s + k.targeted, 0);
  return {
    queries: queries.length,
    withResults,
    found: {
      at1: share(kinds.reduce((s, k) => s + k.found1, 0), targeted),
      at20: share(kinds.reduce((s, k) => s + k.found20, 0), targeted),
      of: targeted,
    },
    sequential: percentiles(all),
    sequentialByKind: Object.fromEntries(
      [...byKind].map(([kind, k]) => [kind, { n: k.ms.length, ...percentiles(k.ms), found1: share(k.found1, k.targeted), found20: share(k.found20, k.targeted) }]),
    ),
  };
}

/**
 * The record itself, or one whose whole name is the same: a search by name
 * cannot tell namesakes apart, and the generator makes some (common Russian names).
 */
const isTarget = (record: { externalId: string; fullName: string }, target: NonNullable<BenchQuery['target']>) =>
  record.externalId === target.externalId || record.fullName === target.fullName;

async function runWorst(repeat: number) {
  const out: Record<string, unknown> = {};
  for (const q of hostileQueries()) {
    const ms: number[] = [];
    let last: SearchBody | undefined;
    for (let i = 0; i < repeat; i++) {
      const t0 = performance.now();
      last = await get(q);
      ms.push(performance.now() - t0);
    }
    const { p50, p100 } = percentiles(ms);
    out[q.kind] = { p50, p100, results: last?.results.length ?? 0, warnings: last?.warnings.map((w) => w.code) ?? [] };
  }
  return out;
}

function url(q: BenchQuery): string {
  const params = new URLSearchParams({ q: q.q, limit: '20', ...q.params });
  return `${base}/api/search?${params.toString()}`;
}

async function get(q: BenchQuery): Promise<SearchBody> {
  const res = await fetch(url(q));
  if (!res.ok) throw new Error(`${res.status} for ${q.q}: ${await res.text()}`);
  return (await res.json()) as SearchBody;
}

async function runConcurrent(queries: BenchQuery[], clients: number, passes: number) {
  const work = Array.from({ length: passes }, () => queries).flat();
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < work.length) {
        const q = work[next++]!;
        const s = performance.now();
        const status = await hit(agent, url(q));
        if (status !== 200) throw new Error(`${status} for ${q.q}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { requests: work.length, seconds, latencies };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
