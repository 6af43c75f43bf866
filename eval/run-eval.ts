/**
 * `npm run eval`: recall@1 and recall@10 of namebridge's search on the
 * development set (eval/devset.tsv), per input kind, beside two baselines that
 * see the same records and queries: fuse.js and pg_trgm similarity, each over
 * the plain Latin transliteration of the record (cyrillic-to-translit-js).
 *
 *   npm run eval [-- --distractors 3000 --russian 1000 --write docs/eval.md]
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
import { decode } from '../src/transliteration/index.ts';
import { readDevset, type DevsetRow } from './devset.shared.ts';
import { distractorNames, russianNames } from './distractors.ts';

const { values: opts } = parseArgs({
  options: {
    distractors: { type: 'string', default: '3000' },
    russian: { type: 'string', default: '1000' },
    write: { type: 'string' },
  },
});

type TranslitFactory = (config: { preset: 'ru' }) => { transform(input: string): string };
const translit = (((cyrillicToTranslitModule as unknown as { default?: TranslitFactory }).default ??
  cyrillicToTranslitModule) as unknown as TranslitFactory)({ preset: 'ru' });
const plainLatin = (s: string) => translit.transform(s).toLowerCase();

type System = 'namebridge' | 'fuse.js' | 'pg_trgm';
const SYSTEMS: System[] = ['namebridge', 'fuse.js', 'pg_trgm'];

async function main() {
  const devset = readDevset();
  const recordNames = [...new Set(devset.map((r) => r.record))];
  const distractors = distractorNames(Number(opts.distractors), 20261128);
  const russian = russianNames(Number(opts.russian), 20261128);
  const { database, drop } = await scratchDatabase();
  try {
    const started = Date.now();
    const idByName = await load(database, [...recordNames, ...distractors, ...russian]);
    const loadSeconds = (Date.now() - started) / 1000;
    await sql`CREATE TABLE eval_baseline AS SELECT id, '' AS latin FROM records WHERE false`.execute(database.db);
    const rows = [...idByName].map(([name, id]) => ({ id, latin: plainLatin(name) }));
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await sql`INSERT INTO eval_baseline (id, latin) SELECT * FROM unnest(${chunk.map((r) => r.id)}::bigint[], ${chunk.map((r) => r.latin)}::text[])`.execute(database.db);
    }
    const fuse = new Fuse(rows, { keys: ['latin'], includeScore: true, threshold: 0.6, ignoreLocation: true });

    const hits = new Map<string, Record<System, { at1: number; at10: number; n: number }>>();
    const misses: string[] = [];
    const searchTimes: number[] = [];
    for (const row of devset) {
      const expected = idByName.get(row.record)!;
      const correct = correctIds(row, idByName, expected);
      const t0 = performance.now();
      const ours = (await searchRecords(database, { q: row.query, limit: 10 })).results.map((r) => r.record.id);
      searchTimes.push(performance.now() - t0);
      const q = plainLatin(row.query);
      const fuseIds = fuse.search(q, { limit: 10 }).map((r) => r.item.id);
      const { rows: trgm } = await sql<{ id: string }>`
        SELECT id FROM eval_baseline ORDER BY similarity(latin, ${q}) DESC, id LIMIT 10`.execute(database.db);
      const results: Record<System, number[]> = { namebridge: ours, 'fuse.js': fuseIds, pg_trgm: trgm.map((r) => Number(r.id)) };
      for (const kind of [row.kind, 'all']) {
        const entry = hits.get(kind) ?? (Object.fromEntries(SYSTEMS.map((s) => [s, { at1: 0, at10: 0, n: 0 }])) as Record<System, { at1: number; at10: number; n: number }>);
        hits.set(kind, entry);
        for (const s of SYSTEMS) {
          entry[s].n++;
          if (correct.has(results[s][0]!)) entry[s].at1++;
          if (results[s].some((id) => correct.has(id))) entry[s].at10++;
        }
      }
      if (!correct.has(ours[0]!)) misses.push(`${row.id}\t${row.kind}\t${row.query}\t→ expected ${row.record}`);
    }
    const report = render(hits, { records: idByName.size, queries: devset.length, distractors: distractors.length, russian: russian.length, loadSeconds, searchTimes, backend: database.backend });
    process.stdout.write(report);
    if (opts.write) fs.writeFileSync(opts.write, `${report}\n## Rank-1 misses\n\n\`\`\`\n${misses.join('\n')}\n\`\`\`\n`);
  } finally {
    await database.close();
    await drop();
  }
}

/**
 * Surname-only queries are right for any record with that surname, as the devset README
 * says: the same first Cyrillic syllable, or the same surname read by the decoder (so
 * «Мэн-…» counts for "Meng" beside «Мын-…», and «Ой-Ян-…» for 欧阳 beside «Оу-Ян-…»).
 */
function correctIds(row: DevsetRow, idByName: Map<string, number>, expected: number): Set<number> {
  if (row.kind !== 'surname-only') return new Set([expected]);
  const first = firstSyllable(row.record);
  const surname = decodedSurname(row.record);
  return new Set(
    [...idByName]
      .filter(([name]) => firstSyllable(name) === first || (surname !== '' && decodedSurname(name) === surname))
      .map(([, id]) => id),
  );
}

const firstSyllable = (name: string) => name.split(/[-\s]/)[0]!.toLowerCase();
const surnames = new Map<string, string>();
function decodedSurname(name: string): string {
  let s = surnames.get(name);
  if (s === undefined) surnames.set(name, (s = decode(name, { maxReadings: 1 }).readings[0]?.surname.join(' ') ?? ''));
  return s;
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
  hits: Map<string, Record<System, { at1: number; at10: number; n: number }>>,
  meta: { records: number; queries: number; distractors: number; russian: number; loadSeconds: number; searchTimes: number[]; backend: string },
): string {
  const pct = (x: number, n: number) => (n === 0 ? '—' : (x / n).toFixed(3));
  const lines = [
    `# Search evaluation`,
    ``,
    `${meta.queries} queries over ${meta.records} records (${meta.distractors} Chinese-style distractors, ${meta.russian} Russian names), ${meta.backend}; records loaded in ${meta.loadSeconds.toFixed(1)} s; namebridge search median ${median(meta.searchTimes).toFixed(1)} ms.`,
    ``,
    `| kind | n | namebridge R@1 | namebridge R@10 | fuse.js R@1 | fuse.js R@10 | pg_trgm R@1 | pg_trgm R@10 |`,
    `| --- | --: | --: | --: | --: | --: | --: | --: |`,
  ];
  const kinds = [...hits.keys()].filter((k) => k !== 'all').sort();
  for (const kind of [...kinds, 'all']) {
    const h = hits.get(kind)!;
    const n = h.namebridge.n;
    lines.push(
      `| ${kind} | ${n} | ${SYSTEMS.map((s) => `${pct(h[s].at1, n)} | ${pct(h[s].at10, n)}`).join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
}

main().catch((err) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
