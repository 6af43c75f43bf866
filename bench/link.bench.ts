/**
 * npm run bench:link [-- --rows N] — a full `link` run on PostgreSQL: N
 * generated rows (bench/generate-records.ts) imported into a fresh database
 * (its import follow-up off), then `namebridge link --json` through the CLI in
 * its own process, with the CLI's memory limits. Prints pairs scored,
 * proposals, seconds, the CLI's peak RSS and the load average.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) must reach a
 * server where the user may create databases; nb_bench_link_<N> is created and
 * dropped — or, with --keep, kept, and with --reuse, a kept one that holds the N
 * generated rows is linked again without importing them again (its links and
 * link_runs emptied first, so the run is a full one).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { runImport } from '../src/imports/import.service.ts';
import { writeRecordsCsv } from './generate-records.ts';
import { adminQuery } from './bench-server.ts';
import { cliCommand } from './cli-process.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'load-only': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const DB_NAME = `nb_bench_link_${rows}`;

const admin = (statement: string) => adminQuery(adminUrl, statement);

const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();

/** The kept database already holds the N generated rows (and nothing else). */
async function loaded(): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    const { rows: n } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM records`);
    return n[0]?.n === rows;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const reuse = values.reuse && (await loaded());
const file = path.join(os.tmpdir(), `nb-bench-link-${rows}.csv`);
try {
  let t0 = performance.now();
  if (!reuse) {
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin(`CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' TEMPLATE template0`);
    await writeRecordsCsv(file, rows, Number(values.seed));
  }
  const database = await openDatabase({ dataDir: '', databaseUrl: url });
  await migrateToLatest(database.db);
  if (reuse) {
    await sql`TRUNCATE record_links, record_persons, link_runs`.execute(database.db);
    console.log(`reusing ${DB_NAME} (${rows} rows)`);
  } else {
    const report = await runImport(database, { open: () => fs.createReadStream(file), fileName: path.basename(file), actor: 'bench', links: false, connectionString: url });
    console.log(`imported ${report.inserted} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s (follow-up off)`);
    await sql`VACUUM ANALYZE`.execute(database.db); // what autovacuum does after a bulk load
  }
  await database.close();
  if (values['load-only']) {
    fs.rmSync(file, { force: true });
    process.exit(0);
  }

  t0 = performance.now();
  const child = spawn(process.execPath, [...cliCommand(), 'link', '--json'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let peakMB = 0;
  const sampler = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'latin1');
      peakMB = Math.max(peakMB, Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024));
    } catch {
      // exited
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`link exited with ${code}: ${stdout}`);
  const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { pairsScored: number; proposed: number; seconds: number };
  const check = new pg.Client({ connectionString: url });
  await check.connect();
  const { rows: above } = await check.query<{ n: string }>(`SELECT count(*) AS n FROM record_links WHERE score >= 0.8`);
  await check.end();
  console.log(JSON.stringify({
    rows,
    ...result,
    atDefaultThreshold: Number(above[0]!.n),
    wallSeconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    peakRssMB: peakMB,
    loadAvg: os.loadavg().map((l) => Number(l.toFixed(2))),
  }));
} finally {
  fs.rmSync(file, { force: true });
  if (!values.keep) await admin(`DROP DATABASE IF EXISTS ${DB_NAME}`);
}
