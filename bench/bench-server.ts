/**
 * What the search and load benchmarks share: a PostgreSQL (or embedded)
 * database of N generated records loaded through the importer CLI, and the
 * server started as `npm start` would start it.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * where it creates (and with reuse keeps) a database nb_bench_search_<N>, or the name given.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { writeRecordsCsv } from './generate-records.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { DECODER_VERSION } from '../src/search/decoder-version.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SEED = 1;

export interface BenchDatabaseOptions {
  records: number;
  embedded: boolean;
  reuse: boolean;
  /** Database name on PostgreSQL; default nb_bench_search_<records>. */
  database?: string | undefined;
}

/** The environment that points a server or the CLI at the prepared database. */
export type BenchEnv = NodeJS.ProcessEnv;

/** Runs one statement on the server's admin database (CREATE/DROP DATABASE), on a connection of its own. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function prepareDatabase(o: BenchDatabaseOptions): Promise<BenchEnv> {
  if (o.embedded) {
    const dataDir = path.join(os.tmpdir(), `nb-bench-embedded-${o.records}`);
    const exists = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (!(o.reuse && exists)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await load(o.records, { DATA_DIR: dataDir, DATABASE_URL: '' });
    }
    return { DATA_DIR: dataDir, DATABASE_URL: '' };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = o.database ?? `nb_bench_search_${o.records}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  let reuse = o.reuse && rows.length > 0;
  if (reuse) {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    // The generated records of source "bench"; other sources (bench:load's imports) may be there too.
    const { rows: n } = await c.query(`SELECT count(*)::int AS n FROM records WHERE source = 'bench'`).catch(() => ({ rows: [{ n: -1 }] }));
    const built = await builtByThisCode(c);
    await c.end();
    reuse = n[0]?.n === o.records && built;
    if (n[0]?.n === o.records && !built) console.error('--reuse: the database was built by another decoder version or schema; rebuilding');
  }
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  }
  await admin.end();
  const env = { DATABASE_URL: url.toString() };
  if (!reuse) {
    await load(o.records, env);
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load
    // The load leaves every record marked for linking (--no-link queues no job, but a server start
    // does): the bench measures search in the steady state, not beside a link job working through
    // millions of marks (docs/linking.md: after a bulk load, run `namebridge link` once).
    await c.query('TRUNCATE link_pending');
    await c.end();
  }
  return env;
}

/**
 * A kept database is measured only if this code built it: its migrations are
 * ours (the first of our list, in order: the server migrates the rest at start,
 * as it would a production database, so a new index does not cost a rebuild of
 * 1,000,000 records) and no reading comes from another decoder version
 * (record_readings.decoder_version).
 */
async function builtByThisCode(c: pg.Client): Promise<boolean> {
  const ours = Object.keys(MIGRATIONS);
  const applied = await c.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name').catch(() => ({ rows: [] as { name: string }[] }));
  if (applied.rows.length === 0 || applied.rows.some((r, i) => r.name !== ours[i])) return false;
  const stale = await c
    .query('SELECT EXISTS (SELECT 1 FROM record_readings WHERE rank = 0 AND decoder_version <> $1) AS stale', [DECODER_VERSION])
    .catch(() => ({ rows: [{ stale: true }] }));
  return stale.rows[0]?.stale === false;
}

/**
 * Loads the generated file through the importer CLI, as an archivist would a
 * bulk load: with --no-link, leaving person-link proposals to `namebridge link`
 * (searching does not read them, and proposing links for 1,000,000 records
 * took longer than the import itself).
 */
async function load(n: number, env: NodeJS.ProcessEnv): Promise<void> {
  const file = path.join(os.tmpdir(), `nb-bench-records-${n}.csv`);
  if (!fs.existsSync(file)) await writeRecordsCsv(file, n, SEED);
  const t0 = performance.now();
  const { code, out } = await runCli(['import', file, '--source', 'bench', '--json', '--no-link'], env);
  if (code !== 0) throw new Error(`import failed (${code}): ${out.slice(-500)}`);
  const seconds = (performance.now() - t0) / 1000;
  console.error(`loaded ${n} records through the importer in ${seconds.toFixed(1)} s (${Math.round(n / seconds)} rows/s)`);
}

/** `npm run cli -- ARGS` against the bench database; stdout is returned. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.end(stdin ?? '');
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  return { code, out };
}

/**
 * The server's environment: the caller's, the database, and the benchmark's
 * own settings. The search rate limit is off: the clients all come from one
 * address, and the benchmark measures the search, not the limiter.
 */
export function serverEnv(env: BenchEnv, port: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEARCH_RATE_LIMIT: '0', SEED: 'false', ...extra };
}

export async function startServer(env: NodeJS.ProcessEnv, nodeFlags: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${env.PORT}/healthz`)).ok) return child;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('server did not start');
}

export async function stopServer(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

export function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), p100: round(s.at(-1) ?? 0) };
}

export const round = (x: number) => Math.round(x * 10) / 10;

export const machine = () => `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/**
 * The throughput client shares the two cores with the server and PostgreSQL,
 * so it does as little as it can: node:http on kept-alive connections, the
 * body read to its end and its status checked, but not parsed (the
 * sequential phase checks the answers).
 */
export function hit(agent: http.Agent, target: string, init?: { method: string; body: string; headers: Record<string, string> }): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(target, { agent, method: init?.method ?? 'GET', headers: init?.headers }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init?.body);
  });
}

