/**
 * npm run bench:import [-- --rows N] [--into N] [--path auto|bulk|rows] [--skip-extra] — the importer end to end on PostgreSQL:
 * a deterministic N-row file (bench/generate-records.ts) into a fresh database
 * (readings, history and search fields included), then the fixtures' sample and
 * the real Moscow list when ../shared/data is present, each through the CLI
 * (`import FILE --json --no-link`: the import alone, as before person linking; bench:link
 * measures the link proposals) in its own process. Prints rows/s, peak RSS and CPU.
 * --into N first fills the database with N other generated rows (source
 * "prefill", itself through the CLI, which takes the bulk path for it), so the
 * N-row file measures an incremental import into a large database.
 * --path forces the write path (--bulk / --no-bulk); auto lets the importer choose.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/) must reach a
 * server where the user may create databases; nb_bench_import is created and dropped.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { adminQuery } from './bench-server.ts';
import { CLOCK_TICKS, cliCommand, cliNodeFlags, sampleProcess, withDatabase } from './cli-process.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    into: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'batch-size': { type: 'string' },
    path: { type: 'string', default: 'auto' },
    'skip-extra': { type: 'boolean', default: false },
    database: { type: 'string', default: 'nb_bench_import' },
    // Leave the database (and the file) for a follow-up run, e.g. an incremental import by hand.
    keep: { type: 'boolean', default: false },
  },
});
const into = Number(values.into);
const pathFlag = values.path === 'bulk' ? ['--bulk'] : values.path === 'rows' ? ['--no-bulk'] : [];
const rows = Number(values.rows);
const seed = Number(values.seed);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const DB_NAME = values.database;
const MOSCOW = path.resolve('../shared/data/mos-memo-shot.csv');

/**
 * CPU seconds of the PostgreSQL backends serving the benchmark database (same
 * host, Linux /proc; null elsewhere). The machine may be shared, so CPU time per
 * row is a steadier measure of a change than wall time.
 */
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

const admin = (statement: string) => adminQuery(adminUrl, statement);




/** One import through the real CLI (`import FILE --json`), as its own process. */
async function timed(url: string, file: string, label: string, batchSize?: number, extra: string[] = pathFlag) {
  const bytes = fs.statSync(file).size;
  sampleBackends();
  const pgBefore = backendSeconds();
  const started = performance.now();
  const args = [...cliCommand(), 'import', file, '--json', '--no-link', ...extra, ...(batchSize ? ['--batch-size', String(batchSize)] : [])];
  const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  let last: { peakMB: number; cpuS: number } = { peakMB: 0, cpuS: 0 };
  const sampler = setInterval(() => {
    // A process that has exited but not been reaped has no memory figures left: keep the highest seen.
    const now = sampleProcess(child.pid!);
    if (now) last = { peakMB: Math.max(last.peakMB, now.peakMB), cpuS: Math.max(last.cpuS, now.cpuS) };
  }, 50);
  const exitCode = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  sampleBackends();
  if (exitCode !== 0) throw new Error(`the import exited with ${exitCode}: ${stdout.slice(-2000)}`);
  const summary = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    inserted: number; updated: number; unchanged: number; invalid: number; duplicates: number; seconds: number; rowsPerSecond: number; path: string;
  };
  const rowsRead = summary.inserted + summary.updated + summary.unchanged + summary.invalid;
  const line = {
    label,
    rows: rowsRead,
    inserted: summary.inserted,
    invalid: summary.invalid,
    duplicates: summary.duplicates,
    path: summary.path,
    // The CLI's own figures (from the command's start, without Node's and tsx's start-up).
    cliSeconds: summary.seconds,
    cliRowsPerSecond: summary.rowsPerSecond,
    seconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(rowsRead / seconds),
    // The importing process's peak resident set (VmHWM: every thread, the decode worker included).
    peakRssMB: last.peakMB,
    megabytes: Number((bytes / 2 ** 20).toFixed(1)),
    // CPU seconds: the importing process (sampled every 50 ms, all threads) and the PostgreSQL backends; the load average at the end.
    nodeCpuS: Number(last.cpuS.toFixed(1)),
    pgCpuS: Number((backendSeconds() - pgBefore).toFixed(1)),
    loadAvg: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(JSON.stringify(line));
  return line;
}

async function main(): Promise<void> {
  const file = path.join(os.tmpdir(), `nb-bench-${rows}-${seed}.csv`);
  const t0 = performance.now();
  // Generated in a child process, so the peak RSS below is the importer's alone.
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-records.ts', '--rows', String(rows), '--seed', String(seed), '--out', file], { stdio: 'inherit' });
  console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB; the CLI runs as \`node ${cliNodeFlags().join(' ')} bin/namebridge.js\` (the bundle, built first)`);
  console.log(`generated ${rows} rows into ${file} (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB_NAME} ENCODING 'UTF8' TEMPLATE template0`);
  const url = withDatabase(adminUrl, DB_NAME);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', poolSize: 2 });
  try {
    await migrateToLatest(database.db);
    const batchSize = values['batch-size'] ? Number(values['batch-size']) : undefined;
    if (into > 0) {
      const prefill = path.join(os.tmpdir(), `nb-bench-${into}-${seed + 1000}.csv`);
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-records.ts', '--rows', String(into), '--seed', String(seed + 1000), '--out', prefill], { stdio: 'inherit' });
      await timed(url, prefill, `pre-fill ${into} (source prefill)`, batchSize, ['--source', 'prefill']);
      fs.rmSync(prefill, { force: true });
    }
    await timed(url, file, `generated ${rows}${into > 0 ? ` into ${into}` : ''}`, batchSize);
    const readings = await database.db.selectFrom('record_readings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    console.log(`record_readings rows: ${readings.n}`);
    await timed(url, file, `generated ${rows}, again (all unchanged)`, batchSize);
    if (values['skip-extra']) return;
    await timed(url, path.resolve('fixtures/mos-memo-sample.csv'), 'fixtures/mos-memo-sample.csv');
    if (fs.existsSync(MOSCOW)) await timed(url, MOSCOW, 'mos-memo-shot.csv');
    else console.log(`${MOSCOW} not present: skipped`);
  } finally {
    await database.close();
    if (!values.keep) {
      await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      fs.rmSync(file, { force: true });
    }
    clearInterval(backendSampler);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
