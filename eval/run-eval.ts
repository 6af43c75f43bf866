/**
 * `npm run eval`: recall@1 and recall@10 of namebridge's search on the
 * development set (eval/devset.tsv), per group and per input kind, tuning and
 * checking parts apart (eval/split.ts), trivial and alias queries apart,
 * beside two baselines that see the same records and queries: fuse.js and
 * pg_trgm similarity, each over the plain Latin transliteration of the record
 * (cyrillic-to-translit-js).
 *
 *   npm run eval [-- --distractors 3000 --russian 1000 --write docs/eval.md]
 *   npm run eval -- --quick [--baseline eval/baseline.json] [--update-baseline]
 *
 * --quick is the CI gate: fewer distractors, a fixed subset of the queries,
 * namebridge only; exit 1 when any bucket's R@1 or R@10 falls more than 0.01
 * below eval/baseline.json. --update-baseline writes the figures instead.
 *
 * Runs on PGlite in process, or on EVAL_DATABASE_URL (a server where it may
 * create and drop a scratch database).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import cyrillicToTranslitModule from 'cyrillic-to-translit-js';
import Fuse from 'fuse.js';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { insertRecord as createRecord } from '../src/records/record.writer.ts';
import { searchRecords } from '../src/search/search.service.ts';
import { readDevset, type DevsetRow } from './devset.shared.ts';
import { distractorEntries, russianNames } from './distractors.ts';
import { bucketsOf, count, figures, regressions, table, type Tallies } from './eval-report.ts';
import { knownSurnames } from './surnames.ts';

const { values: opts } = parseArgs({
  options: {
    distractors: { type: 'string' },
    russian: { type: 'string' },
    write: { type: 'string' },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string', default: 'eval/baseline.json' },
    'update-baseline': { type: 'boolean', default: false },
  },
});
const QUICK = opts.quick;

type TranslitFactory = (config: { preset: 'ru' }) => { transform(input: string): string };
const translit = (((cyrillicToTranslitModule as unknown as { default?: TranslitFactory }).default ??
  cyrillicToTranslitModule) as unknown as TranslitFactory)({ preset: 'ru' });
const plainLatin = (s: string) => translit.transform(s).toLowerCase();

type System = 'namebridge' | 'fuse.js' | 'pg_trgm';
const SYSTEMS: System[] = ['namebridge', 'fuse.js', 'pg_trgm'];

/** The quick subset: every row of the small kinds, every fourth of the large ones (fixed, so the baseline compares like with like). */
const LARGE_KINDS = new Set(['pinyin', 'cyrillic-variant', 'pinyin-tones', 'latin-russian', 'wade-giles']);
const inQuickSubset = (row: DevsetRow, i: number) => !LARGE_KINDS.has(row.kind) || i % 4 === 0;

async function main() {
  const started = Date.now();
  const devset = readDevset().filter((row, i) => !QUICK || inQuickSubset(row, i));
  const recordNames = [...new Set(devset.map((r) => r.record))];
  const distractors = distractorEntries(Number(opts.distractors ?? (QUICK ? 600 : 3000)), 20261128);
  const russian = russianNames(Number(opts.russian ?? (QUICK ? 200 : 1000)), 20261128);
  const surnameOf = knownSurnames(distractors);
  const systems: System[] = QUICK ? ['namebridge'] : SYSTEMS;
  const { database, drop } = await scratchDatabase();
  try {
    const idByName = await load(database, [...recordNames, ...distractors.map((d) => d.name), ...russian]);
    const loadSeconds = (Date.now() - started) / 1000;
    const baselines = QUICK ? undefined : await baselineSearch(database, idByName);

    const tallies = new Map<System, Tallies>(systems.map((s) => [s, new Map()]));
    const misses: string[] = [];
    const searchTimes: number[] = [];
    for (const row of devset) {
      const correct = correctIds(row, idByName, surnameOf);
      const t0 = performance.now();
      const ours = (await searchRecords(database, { q: row.query, limit: 10 })).results.map((r) => r.record.id);
      searchTimes.push(performance.now() - t0);
      const results: Partial<Record<System, number[]>> = { namebridge: ours, ...(baselines ? await baselines(row.query) : {}) };
      for (const s of systems) {
        const ids = results[s]!;
        for (const key of bucketsOf(row)) count(tallies.get(s)!, key, correct.has(ids[0]!), ids.some((id) => correct.has(id)));
      }
      if (!correct.has(ours[0]!)) misses.push(`${row.id}\t${row.kind}\t${row.query}\t→ expected ${row.record}`);
    }
    const meta = { records: idByName.size, queries: devset.length, distractors: distractors.length, russian: russian.length, loadSeconds, searchTimes, backend: database.backend, seconds: (Date.now() - started) / 1000 };
    const report = render(systems.map((s) => [s, tallies.get(s)!]), meta);
    process.stdout.write(report);
    if (opts.write) fs.writeFileSync(opts.write, `${report}\n## Rank-1 misses\n\n\`\`\`\n${misses.join('\n')}\n\`\`\`\n`);
    if (QUICK) process.exitCode = gate(figures(tallies.get('namebridge')!));
  } finally {
    await database.close();
    await drop();
  }
}

/** --quick: compare with (or with --update-baseline, write) the baseline file. */
function gate(current: ReturnType<typeof figures>): number {
  const file = opts.baseline!;
  if (opts['update-baseline']) {
    fs.writeFileSync(file, `${JSON.stringify({ note: 'npm run eval -- --quick; update in the commit that improves a figure', figures: current }, null, 2)}\n`);
    process.stdout.write(`\nbaseline written to ${file}\n`);
    return 0;
  }
  const baseline = JSON.parse(fs.readFileSync(file, 'utf8')) as { figures: ReturnType<typeof figures> };
  const failed = regressions(baseline.figures, current);
  if (failed.length === 0) {
    process.stdout.write(`\neval gate: every bucket within 0.01 of ${file}\n`);
    return 0;
  }
  process.stderr.write(`\neval gate FAILED: ${failed.length} figures fell more than 0.01 below ${file}:\n${failed.map((f) => `  ${f}`).join('\n')}\n`);
  return 1;
}

/** fuse.js and pg_trgm over the plain Latin of every record: what a registry without namebridge would find. */
async function baselineSearch(database: Database, idByName: Map<string, number>): Promise<(query: string) => Promise<Record<'fuse.js' | 'pg_trgm', number[]>>> {
  await sql`CREATE TABLE eval_baseline AS SELECT id, '' AS latin FROM records WHERE false`.execute(database.db);
  const rows = [...idByName].map(([name, id]) => ({ id, latin: plainLatin(name) }));
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await sql`INSERT INTO eval_baseline (id, latin) SELECT * FROM unnest(${chunk.map((r) => r.id)}::bigint[], ${chunk.map((r) => r.latin)}::text[])`.execute(database.db);
  }
  const fuse = new Fuse(rows, { keys: ['latin'], includeScore: true, threshold: 0.6, ignoreLocation: true });
  return async (query) => {
    const q = plainLatin(query);
    const { rows: trgm } = await sql<{ id: string }>`SELECT id FROM eval_baseline ORDER BY similarity(latin, ${q}) DESC, id LIMIT 10`.execute(database.db);
    return { 'fuse.js': fuse.search(q, { limit: 10 }).map((r) => r.item.id), pg_trgm: trgm.map((r) => Number(r.id)) };
  };
}

/**
 * Surname-only queries are right for any record whose surname, as the data
 * gives it (people.tsv, synthetic.tsv, real-records.tsv readings, the
 * distractors' generator), is the expected record's; never judged by decode().
 */
function correctIds(row: DevsetRow, idByName: Map<string, number>, surnameOf: Map<string, string>): Set<number> {
  const expected = idByName.get(row.record)!;
  const surname = surnameOf.get(row.record);
  if (row.kind !== 'surname-only' || surname === undefined) return new Set([expected]);
  return new Set([expected, ...[...idByName].filter(([name]) => surnameOf.get(name) === surname).map(([, id]) => id)]);
}

async function load(database: Database, names: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  await database.db.transaction().execute(async (trx) => {
    let n = 0;
    for (const name of names) {
      if (ids.has(name)) continue;
      const row = await createRecord(trx, { source: 'eval', externalId: `e-${++n}`, fields: { fullName: name } }, 'eval');
      ids.set(name, Number(row.id));
    }
  });
  await sql`ANALYZE`.execute(database.db);
  return ids;
}

async function scratchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = process.env.EVAL_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: '', inMemory: true });
    await migrateToLatest(database.db);
    return { database, drop: async () => undefined };
  }
  const name = `nb_eval_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), dataDir: '' });
  await migrateToLatest(database.db);
  return {
    database,
    drop: async () => {
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

function render(
  systems: Array<[string, Tallies]>,
  meta: { records: number; queries: number; distractors: number; russian: number; loadSeconds: number; searchTimes: number[]; backend: string; seconds: number },
): string {
  return [
    `# Search evaluation${QUICK ? ' (--quick)' : ''}`,
    ``,
    `${meta.queries} queries over ${meta.records} records (${meta.distractors} Chinese-style distractors, ${meta.russian} Russian names), ${meta.backend}; records loaded in ${meta.loadSeconds.toFixed(1)} s; namebridge search median ${median(meta.searchTimes).toFixed(1)} ms; ${meta.seconds.toFixed(0)} s in all.`,
    `Headline rows leave out trivial queries (the record string itself) and aliases; those are under "apart". Tuning/checking: eval/devset.README.md.`,
    ``,
    table('group', ['group', 'all'], systems),
    ``,
    table('kind', ['kind'], systems),
    ``,
    table('apart', ['apart'], systems),
    ``,
  ].join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

main().catch((err) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
