/**
 * npm run bench:restore [-- --rows N] — export, restore and reindex at scale on
 * PostgreSQL, each through the real CLI in its own process (as an archivist
 * runs them, with `npm run cli`'s memory flags):
 *
 *   1. a deterministic N-row file (bench/generate-records.ts) imported into
 *      nb_bench_restore_src (to have something to export);
 *   2. `export` of it to a CSV file;
 *   3. `restore FILE --json --no-link` into a fresh nb_bench_restore_dst (the
 *      restore alone, as bench:import measures the import alone);
 *   4. in nb_bench_restore_dst every record's readings marked as another
 *      decoder version's, then `reindex --json` (the rebuild of every record's readings).
 *
 * --from-generated skips steps 1 and 2 and restores the generated file itself.
 *
 * Prints one JSON line per step: seconds, rows/s, peak RSS of the CLI process
 * (VmHWM, all threads), CPU seconds and the load average. Run it under
 * `flock /tmp/bench.lock` (docs/benchmarks.md). BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/) must let the user create databases;
 * both databases are created and dropped (--keep keeps them).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { adminQuery } from './bench-server.ts';
import { cliCommand, cliNodeFlags, sampleProcess, withDatabase } from './cli-process.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    // Restore the generated file itself (importer columns, no JSON columns: what an export made before claims looks like),
    // skipping steps 1 and 2: the restore and the reindex alone.
    'from-generated': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const SRC = 'nb_bench_restore_src';
const DST = 'nb_bench_restore_dst';




/** One CLI command in its own process; stdout to `stdoutFile` when given (export), else kept for its JSON summary. */
async function cli(label: string, args: string[], url: string, count: number, stdoutFile?: string) {
  const started = performance.now();
  const loadBefore = os.loadavg().map((l) => Number(l.toFixed(2)));
  const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
  const child = spawn(process.execPath, [...cliCommand(), ...args], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, 'inherit'],
  });
  let stdout = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let last = { peakMB: 0, cpuS: 0 };
  const sampler = setInterval(() => {
    const now = sampleProcess(child.pid!);
    if (now) last = { peakMB: Math.max(last.peakMB, now.peakMB), cpuS: Math.max(last.cpuS, now.cpuS) };
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  if (typeof out === 'number') fs.closeSync(out);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${label} exited with ${code}: ${stdout.slice(-2000)}`);
  const summary = stdout.trim() ? (JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>) : {};
  const line = {
    label,
    rows: count,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(count / seconds),
    peakRssMB: last.peakMB,
    nodeCpuS: Number(last.cpuS.toFixed(1)),
    loadBefore,
    loadAfter: os.loadavg().map((l) => Number(l.toFixed(2))),
    summary,
  };
  console.log(JSON.stringify(line));
  return line;
}

async function fresh(name: string): Promise<string> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 1 });
  try {
    await migrateToLatest(database.db);
  } finally {
    await database.close();
  }
  return url;
}

async function statement(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `nb-bench-restore-${rows}-${values.seed}.csv`);
  const exported = path.join(os.tmpdir(), `nb-bench-restore-${rows}-export.csv`);
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-records.ts', '--rows', String(rows), '--seed', values.seed!, '--out', file], { stdio: 'inherit' });
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB; the CLI runs as \`node ${cliNodeFlags().join(' ')} bin/namebridge.js\` (the bundle, built first)`);
  try {
    let restored = file;
    if (!values['from-generated']) {
      const src = await fresh(SRC);
      await cli(`import ${rows} (the database to export)`, ['import', file, '--json', '--no-link'], src, rows);
      await cli(`export ${rows} (csv)`, ['export'], src, rows, exported);
      console.log(`export: ${(fs.statSync(exported).size / 2 ** 20).toFixed(0)} MB`);
      restored = exported;
    }
    const dst = await fresh(DST);
    await cli(`restore ${rows} into an empty database${restored === file ? ' (the generated file)' : ''}`, ['restore', restored, '--json', '--no-link'], dst, rows);
    // Every record's readings as another decoder version's: reindex rebuilds them all.
    await statement(dst, `UPDATE record_readings SET decoder_version = 'older' WHERE rank = 0`);
    await statement(dst, `VACUUM ANALYZE record_readings`);
    await cli(`reindex ${rows} (every record's readings)`, ['reindex', '--json'], dst, rows);
  } finally {
    fs.rmSync(file, { force: true });
    fs.rmSync(exported, { force: true });
    if (!values.keep) {
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${SRC} WITH (FORCE)`);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${DST} WITH (FORCE)`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
