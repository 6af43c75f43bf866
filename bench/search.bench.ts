/**
 * `npm run bench:search`: N deterministic records (bench/generate-records.ts:
 * mostly Russian names as in the Moscow list, 12% Chinese-style) loaded through
 * the importer, then mixed queries over HTTP against the real server process:
 * latency p50/p95/p99 one at a time, then throughput with concurrent clients.
 *
 *   npm run bench:search -- [--records 1000000] [--queries 1000] [--concurrency 8] [--embedded] [--reuse]
 *                           [--workers N] [--cpu-prof DIR]
 *
 * The server starts as `npm start` would with that DATABASE_URL: on PostgreSQL
 * one worker per CPU unless --workers (WORKERS) says otherwise; the report
 * gives the count. --cpu-prof writes a V8 profile of every server process to DIR.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres),
 * where it creates (and with --reuse keeps) a database nb_bench_search_<N>.
 * --embedded: the PGlite default in a DATA_DIR under the system temp folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig, workerCount } from '../src/config/config.ts';
import { decode, toWadeGiles } from '../src/transliteration/index.ts';
import { COMMON_SURNAMES } from '../src/transliteration/tables/common-surnames.data.ts';
import { generateRecordRows, writeRecordsCsv } from './generate-records.ts';
import { MIGRATIONS } from '../migrations/index.ts';
import { DECODER_VERSION } from '../src/search/decoder-version.ts';

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
  },
});
const N = Number(opts.records);
const Q = Number(opts.queries);
const C = Number(opts.concurrency);
const ROOT = path.resolve(import.meta.dirname, '..');
const SEED = 1;

async function main() {
  const env = await prepareDatabase();
  const server = await startServer(env);
  try {
    const queries = buildQueries(Q);
    const base = `http://127.0.0.1:${opts.port}`;
    for (const q of queries.slice(0, 50)) await get(base, q.q); // warm caches and the JIT
    const sequential: number[] = [];
    const byKind = new Map<string, number[]>();
    let found = 0;
    for (const q of queries) {
      const t0 = performance.now();
      const body = await get(base, q.q);
      const ms = performance.now() - t0;
      sequential.push(ms);
      byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
      if (body.results.length > 0) found++;
    }
    const concurrent = await runConcurrent(base, queries, C, 2);
    const report = {
      backend: opts.embedded ? 'pglite (embedded)' : 'postgresql',
      workers: workerCount(loadConfig(serverEnv(env))),
      records: N,
      queries: queries.length,
      withResults: found,
      sequential: percentiles(sequential),
      sequentialByKind: Object.fromEntries([...byKind].map(([k, v]) => [k, { n: v.length, ...percentiles(v) }])),
      concurrent: { clients: C, requests: concurrent.requests, seconds: round(concurrent.seconds), rps: round(concurrent.requests / concurrent.seconds), ...percentiles(concurrent.latencies) },
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

interface BenchEnv {
  env: NodeJS.ProcessEnv;
}

async function prepareDatabase(): Promise<BenchEnv> {
  if (opts.embedded) {
    const dataDir = path.join(os.tmpdir(), `nb-bench-embedded-${N}`);
    const exists = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (!(opts.reuse && exists)) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await load({ DATA_DIR: dataDir, DATABASE_URL: '' });
    }
    return { env: { DATA_DIR: dataDir, DATABASE_URL: '' } };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `nb_bench_search_${N}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  let reuse = opts.reuse && rows.length > 0;
  if (reuse) {
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    const { rows: n } = await c.query('SELECT count(*)::int AS n FROM records').catch(() => ({ rows: [{ n: -1 }] }));
    const built = await builtByThisCode(c);
    await c.end();
    reuse = n[0]?.n === N && built;
    if (n[0]?.n === N && !built) console.log('--reuse: the database was built by another decoder version or schema; rebuilding');
  }
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  }
  await admin.end();
  const env = { DATABASE_URL: url.toString() };
  if (!reuse) {
    await load(env);
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect();
    await c.query('VACUUM ANALYZE'); // what autovacuum does after a bulk load
    await c.end();
  }
  return { env };
}

/**
 * --reuse measures a kept database only if this code built it: the last migration is
 * ours and no reading comes from another decoder version (record_readings.decoder_version).
 */
async function builtByThisCode(c: pg.Client): Promise<boolean> {
  const last = Object.keys(MIGRATIONS).at(-1);
  const migration = await c.query('SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1').catch(() => ({ rows: [] as { name: string }[] }));
  if (migration.rows[0]?.name !== last) return false;
  const stale = await c
    .query('SELECT EXISTS (SELECT 1 FROM record_readings WHERE rank = 0 AND decoder_version <> $1) AS stale', [DECODER_VERSION])
    .catch(() => ({ rows: [{ stale: true }] }));
  return stale.rows[0]?.stale === false;
}

/** Loads the generated file through the importer CLI, as an archivist would. */
async function load(env: NodeJS.ProcessEnv): Promise<void> {
  const file = path.join(os.tmpdir(), `nb-bench-records-${N}.csv`);
  if (!fs.existsSync(file)) await writeRecordsCsv(file, N, SEED);
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', file, '--source', 'bench', '--json'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const code = await new Promise((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`import failed (${code}): ${out.slice(-500)}`);
  const seconds = (performance.now() - t0) / 1000;
  console.error(`loaded ${N} records through the importer in ${seconds.toFixed(1)} s (${Math.round(N / seconds)} rows/s)`);
}

/** The server's environment: the caller's, the database, and WORKERS only when --workers is given. */
function serverEnv({ env }: BenchEnv): NodeJS.ProcessEnv {
  return { ...process.env, ...env, PORT: opts.port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...(opts.workers ? { WORKERS: opts.workers } : {}) };
}

async function startServer(bench: BenchEnv): Promise<ChildProcess> {
  const profile = opts['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(opts['cpu-prof'])}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: serverEnv(bench),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${opts.port}/healthz`)).ok) return child;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('server did not start');
}

// Characters for the syllables of generated names: the common-surname table,
// and one usual given-name character per syllable.
const GIVEN_HANZI: Record<string, string> = Object.fromEntries(
  pairsOf(`
  cheng 成 wei 伟 jin 金 tian 田 wen 文 gui 贵 zi 子 hai 海 luo 罗 li 立 yi 义 xie 谢
  shan 山 zheng 正 su 苏 xi 希 fang 方 chang 昌 sheng 生 ling 玲 yao 耀 peng 鹏 cai 才 tang 堂
  zhu 珠 xiang 祥 pan 攀 jiang 江 ma 马 xin 新 feng 峰 deng 登 yang 阳 ping 平 kai 凯 sang 桑
  sun 孙 ting 廷 he 和 lin 林 hu 虎 wu 武 fu 福 lu 路 xing 兴 quan 全 tai 泰 xu 旭
  fa 发 zhao 昭 dong 东 liu 柳 san 三 guo 国 ming 明 yu 玉 ren 仁 zeng 增 xiao 晓 dao 道
  zhang 章 ding 鼎 qing 清 han 汉 ye 业 bao 宝 hua 华 zhou 舟 jing 景 wang 旺 cao 草 de 德
  shou 寿 du 都 shen 深 yong 永 cui 翠 huang 煌 chun 春 yuan 元 liang 良 song 松 gao 高 a 阿
  you 友 jie 杰 qiang 强 hong 红 guang 光 yun 云`),
);

function pairsOf(text: string): Array<[string, string]> {
  const words = text.split(/\s+/).filter(Boolean);
  return words.flatMap((w, i) => (i % 2 === 0 ? [[w, words[i + 1]!] as [string, string]] : []));
}
const SURNAME_HANZI = new Map<string, string>();
for (const [pinyin, hanzi] of COMMON_SURNAMES) if (!SURNAME_HANZI.has(pinyin)) SURNAME_HANZI.set(pinyin, hanzi);

interface BenchQuery {
  kind: string;
  q: string;
}

/** A deterministic mix: characters, pinyin, Wade–Giles, Cyrillic, surname-only, Russian names. */
function buildQueries(n: number): BenchQuery[] {
  const chinese: string[] = [];
  const russian: string[] = [];
  for (const row of generateRecordRows(Math.min(N, 200_000), SEED)) {
    if (/[кК]ита/.test(row.nationality)) chinese.push(row.full_name);
    else russian.push(row.full_name);
  }
  const out: BenchQuery[] = [];
  const kinds = ['hanzi', 'pinyin', 'wade-giles', 'cyrillic', 'surname', 'russian'] as const;
  for (let i = 0; out.length < n; i++) {
    const kind = kinds[i % kinds.length]!;
    const name = chinese[(i * 7919) % chinese.length]!;
    const reading = decode(name, { maxReadings: 1 }).readings[0];
    const syllables = reading?.pinyin.split(' ') ?? [];
    const pinyinName = syllables.length ? `${cap(syllables[0]!)} ${cap(syllables.slice(1).join(''))}` : '';
    switch (kind) {
      case 'hanzi': {
        const chars = syllables.map((s, j) => (j === 0 ? (SURNAME_HANZI.get(s) ?? GIVEN_HANZI[s]) : GIVEN_HANZI[s]));
        if (chars.every(Boolean)) out.push({ kind, q: chars.join('') });
        break;
      }
      case 'pinyin':
        if (pinyinName) out.push({ kind, q: pinyinName });
        break;
      case 'wade-giles':
        if (syllables.length) out.push({ kind, q: toWadeGiles(syllables) });
        break;
      case 'cyrillic':
        out.push({ kind, q: i % 2 ? name : name.replace(/-/g, ' ') });
        break;
      case 'surname':
        out.push({ kind, q: ['王', 'Wang', 'Ли', '张', 'Liu', 'Чжао'][i % 6]! });
        break;
      case 'russian': {
        const r = russian[(i * 104729) % russian.length]!;
        out.push({ kind, q: r.split(' ').slice(0, 2).join(' ') });
        break;
      }
    }
  }
  return out;
}

async function get(base: string, q: string): Promise<{ results: unknown[] }> {
  const res = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=20`);
  if (!res.ok) throw new Error(`${res.status} for ${q}: ${await res.text()}`);
  return (await res.json()) as { results: unknown[] };
}

/**
 * The throughput client shares the two cores with the server and PostgreSQL,
 * so it does as little as it can: node:http on kept-alive connections, the
 * body read to its end and its status checked, but not parsed (the
 * sequential phase checks the answers).
 */
function hit(agent: http.Agent, base: string, q: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/search?q=${encodeURIComponent(q)}&limit=20`, { agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} for ${q}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function runConcurrent(base: string, queries: BenchQuery[], clients: number, passes: number) {
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
        await hit(agent, base, q.q);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  agent.destroy();
  return { requests: work.length, seconds, latencies };
}

function percentiles(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

const round = (x: number) => Math.round(x * 10) / 10;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
