/**
 * npm run bench:import [-- --rows N] — the importer end to end on PostgreSQL:
 * a deterministic N-row file (bench/generate-records.ts) into a fresh database
 * (readings, history and search fields included), then the fixtures' sample and
 * the real Moscow list when ../shared/data is present. Prints rows/s and peak RSS.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) must reach a
 * server where the user may create databases; nb_bench_import is created and dropped.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { runImport, type ImportReport } from '../src/imports/import.service.ts';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' }, 'batch-size': { type: 'string' } },
});
const rows = Number(values.rows);
const seed = Number(values.seed);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const DB_NAME = 'nb_bench_import';
const MOSCOW = path.resolve('../shared/data/mos-memo-shot.csv');

let peakRss = 0;
let atPeak: NodeJS.MemoryUsage | undefined;
const startRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  if (usage.rss > peakRss) {
    peakRss = usage.rss;
    atPeak = usage;
  }
}, 50);

/**
 * CPU seconds of the PostgreSQL backends serving the benchmark database (same
 * host, Linux /proc; null elsewhere). The machine may be shared, so CPU time per
 * row is a steadier measure of a change than wall time.
 */
const CLOCK_TICKS = 100;
const backendCpu = new Map<number, number>();
function sampleBackends(): void {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(` ${DB_NAME} `)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      backendCpu.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // gone, or not ours to read
    }
  }
}
const backendSampler = setInterval(sampleBackends, 250);
const backendSeconds = () => [...backendCpu.values()].reduce((a, b) => a + b, 0);

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function timed(database: Database, url: string, file: string, label: string, batchSize?: number) {
  const bytes = fs.statSync(file).size;
  peakRss = process.memoryUsage().rss;
  atPeak = undefined;
  sampleBackends();
  const pgBefore = backendSeconds();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const timings: Record<string, number> = {};
  const report: ImportReport = await runImport(database, {
    timings,
    open: () => fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
    fileName: path.basename(file),
    actor: 'bench',
    bytesTotal: bytes,
    connectionString: url,
    ...(batchSize ? { batchSize } : {}),
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const peak = atPeak as NodeJS.MemoryUsage | undefined; // set by the sampler
  sampleBackends();
  const line = {
    label,
    rows: report.rowsRead,
    inserted: report.inserted,
    invalid: report.invalid,
    duplicates: report.duplicates,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(report.rowsRead / seconds),
    peakRssMB: Math.round(peakRss / 2 ** 20),
    // The main thread's V8 heap and Buffers at that moment (the rest: workers, code, tsx).
    atPeakMB: peak && { heapTotal: Math.round(peak.heapTotal / 2 ** 20), heapUsed: Math.round(peak.heapUsed / 2 ** 20), external: Math.round(peak.external / 2 ** 20) },
    megabytes: Number((bytes / 2 ** 20).toFixed(1)),
    // CPU seconds: this process (main thread and decode workers) and the PostgreSQL backends; the load average at the end.
    nodeCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
    pgCpuS: Number((backendSeconds() - pgBefore).toFixed(1)),
    loadAvg: os.loadavg().map((l) => Number(l.toFixed(2))),
    // Wall-clock ms per write step, summed over batches (two writers overlap, so these exceed the total).
    stepMs: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
  };
  console.log(JSON.stringify(line));
  return line;
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `nb-bench-${rows}-${seed}.csv`);
  const t0 = performance.now();
  // Generated in a child process, so the peak RSS below is the importer's alone.
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-records.ts', '--rows', String(rows), '--seed', String(seed), '--out', file], { stdio: 'inherit' });
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB; RSS before importing: ${Math.round(startRss / 2 ** 20)} MB`);
  console.log(`generated ${rows} rows into ${file} (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' TEMPLATE template0`);
  const url = withDatabase(adminUrl, DB_NAME);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
    await timed(database, url, file, `generated ${rows}`, batchSize);
    const readings = await database.db.selectFrom('record_readings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(`record_readings rows: ${readings.n}`);
    await timed(database, url, file, `generated ${rows}, again (all unchanged)`, batchSize);
    await timed(database, url, path.resolve('fixtures/mos-memo-sample.csv'), 'fixtures/mos-memo-sample.csv');
    if (fs.existsSync(MOSCOW)) await timed(database, url, MOSCOW, 'mos-memo-shot.csv');
    else console.log(`${MOSCOW} not present: skipped`);
  } finally {
    await database.close();
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    fs.rmSync(file, { force: true });
    clearInterval(sampler);
    clearInterval(backendSampler);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
