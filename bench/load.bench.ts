/**
 * `npm run bench:load`: the service under ordinary and abusive load at once,
 * on a database of N generated records (bench/bench-server.ts):
 *   - 8 clients searching ordinary names (bench/search-queries.ts),
 *   - one archivist importing IMPORT_ROWS new rows through POST /api/imports,
 *   - one client flooding public corrections (most refused: 429),
 *   - one client sending the hostile queries of `bench:search -- --worst`,
 * all for --seconds. Reports the ordinary searches' p95 under that load, every
 * status seen per client (5xx: target 0; 429s), and afterwards checks in the
 * database that every accepted correction and every imported row is there.
 *
 *   npm run bench:load -- [--records 1000000] [--seconds 60] [--import-rows 50000] [--reuse] [--database NAME]
 *
 * The search rate limit is off (every client is one address); the correction
 * limit is the default, so the flood meets it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SEED, hit, machine, percentiles, prepareDatabase, runCli, serverEnv, startServer, stopServer } from './bench-server.ts';
import { writeRecordsCsv } from './generate-records.ts';
import { buildQueries, hostileQueries, type BenchQuery } from './search-queries.ts';

const { values: opts } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '60' },
    'import-rows': { type: 'string', default: '50000' },
    reuse: { type: 'boolean', default: false },
    database: { type: 'string' },
    port: { type: 'string', default: '3918' },
  },
});
const N = Number(opts.records);
const IMPORT_ROWS = Number(opts['import-rows']);
const base = `http://127.0.0.1:${opts.port}`;
const SEARCH_CLIENTS = 8;

type Statuses = Record<string, number>;
const count = (s: Statuses, status: number) => void (s[status] = (s[status] ?? 0) + 1);

async function main() {
  const db = await prepareDatabase({ records: N, embedded: false, reuse: opts.reuse, database: opts.database });
  const token = await archivistToken(db);
  const importSource = `load-${Date.now()}`;
  const csv = path.join(os.tmpdir(), `nb-bench-load-${IMPORT_ROWS}.csv`);
  if (!fs.existsSync(csv)) await writeRecordsCsv(csv, IMPORT_ROWS, SEED + 1);
  const server = await startServer(serverEnv(db, opts.port));
  const until = Date.now() + Number(opts.seconds) * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: SEARCH_CLIENTS + 4 });
  try {
    const queries = buildQueries(600, N, SEED);
    const ordinary = { ms: [] as number[], statuses: {} as Statuses };
    const hostile = { ms: [] as number[], statuses: {} as Statuses };
    const flood = { accepted: [] as number[], statuses: {} as Statuses };
    const started = Date.now();
    const [importJob] = await Promise.all([
      importOnce(token, csv, importSource),
      ...Array.from({ length: SEARCH_CLIENTS }, (_, c) => searchLoop(agent, queries, c, until, ordinary)),
      searchLoop(agent, hostileQueries(), 0, until, hostile),
      floodCorrections(until, flood),
    ]);
    const check = await afterCheck(db.DATABASE_URL!, flood.accepted, importSource);
    const fivexx = (s: Statuses) => Object.entries(s).reduce((n, [k, v]) => n + (Number(k) >= 500 ? v : 0), 0);
    console.log(
      JSON.stringify(
        {
          records: N,
          seconds: Number(opts.seconds),
          ordinarySearch: { requests: ordinary.ms.length, ...percentiles(ordinary.ms), statuses: ordinary.statuses },
          hostileSearch: { requests: hostile.ms.length, ...percentiles(hostile.ms), statuses: hostile.statuses },
          corrections: { statuses: flood.statuses, accepted: flood.accepted.length },
          import: { ...importJob, secondsFromStart: Math.round((importJob.finishedAt - started) / 100) / 10 },
          fiveHundreds: fivexx(ordinary.statuses) + fivexx(hostile.statuses) + fivexx(flood.statuses) + (importJob.status >= 500 ? 1 : 0),
          tooManyRequests: (ordinary.statuses[429] ?? 0) + (hostile.statuses[429] ?? 0) + (flood.statuses[429] ?? 0),
          afterCheck: check,
          machine: machine(),
        },
        null,
        2,
      ),
    );
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

/** An archivist account (kept between runs) and a fresh API token for it: the CLI prints the token last. */
async function archivistToken(env: NodeJS.ProcessEnv): Promise<string> {
  const email = 'load-archivist@example.org';
  await runCli(['user', 'add', email, '--role', 'archivist'], env, 'a long benchmark password\n'); // fails harmlessly once it exists
  const { code, out } = await runCli(['token', 'create', email], env);
  const token = out.trim().split('\n').at(-1);
  if (code !== 0 || !token) throw new Error(`token create failed (${code}): ${out}`);
  return token;
}

async function searchLoop(agent: http.Agent, queries: BenchQuery[], offset: number, until: number, into: { ms: number[]; statuses: Statuses }) {
  for (let i = offset * 37; Date.now() < until; i++) {
    const q = queries[i % queries.length]!;
    const t0 = performance.now();
    const status = await hit(agent, `${base}/api/search?${new URLSearchParams({ q: q.q, limit: '20', ...q.params }).toString()}`);
    into.ms.push(performance.now() - t0);
    count(into.statuses, status);
  }
}

/** Proposals as fast as one client can send them, on records spread over the table. */
async function floodCorrections(until: number, into: { accepted: number[]; statuses: Statuses }) {
  for (let i = 1; Date.now() < until; i++) {
    const recordId = 1 + ((i * 7919) % N);
    const res = await fetch(`${base}/api/records/${recordId}/corrections`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'chinese-name', hanzi: '王希祥', evidence: `load benchmark proposal ${i}` }),
    });
    count(into.statuses, res.status);
    if (res.status === 201) into.accepted.push(((await res.json()) as { id: number }).id);
    else await res.arrayBuffer();
  }
}

/** Uploads the file once and waits for the job, however long past the window that takes. */
async function importOnce(token: string, file: string, source: string) {
  const body = fs.readFileSync(file);
  const res = await fetch(`${base}/api/imports?source=${encodeURIComponent(source)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body,
  });
  if (res.status !== 202) return { status: res.status, job: await res.text(), finishedAt: Date.now() };
  const { job } = (await res.json()) as { job: { id: number } };
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const poll = await fetch(`${base}/api/imports/${job.id}`, { headers: { authorization: `Bearer ${token}` } });
    const { job: now } = (await poll.json()) as { job: { status: string; report: { inserted: number }; exitCode: number | null } };
    if (now.status === 'succeeded' || now.status === 'failed') {
      return { status: poll.status, jobStatus: now.status, inserted: now.report.inserted, exitCode: now.exitCode, finishedAt: Date.now() };
    }
  }
}

/** Every accepted correction and every imported row is in the database. */
async function afterCheck(url: string, accepted: number[], source: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows: corr } = await c.query('SELECT count(*)::int AS n FROM corrections WHERE id = ANY($1::bigint[])', [accepted]);
    const { rows: rec } = await c.query('SELECT count(*)::int AS n FROM records WHERE source = $1', [source]);
    const correctionsPresent = corr[0].n as number;
    const importedRows = rec[0].n as number;
    return {
      correctionsAccepted: accepted.length,
      correctionsPresent,
      importedRowsExpected: IMPORT_ROWS,
      importedRowsPresent: importedRows,
      ok: correctionsPresent === accepted.length && importedRows === IMPORT_ROWS,
    };
  } finally {
    await c.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
