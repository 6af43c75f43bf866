import { openDatabase } from '../../src/db/database.ts';
import { sql } from 'kysely';
const database = await openDatabase({ dataDir: '', databaseUrl: process.argv[2]! });
const db = database.db;
const ids = (await sql<{id: string}>`select id::text from records where id > 40000 order by id limit 2000`.execute(db)).rows.map(r => r.id);
await sql`SET jit = off`.execute(db);
const lowerOnly = true;
const other = sql`AND k.record_id < p.id`; const lower = sql`AND o.id < k.id`;
const q = (part: number) => part === 1 ? sql`EXPLAIN (ANALYZE, BUFFERS)
    WITH b AS MATERIALIZED (
      SELECT r.id, r.birth_year, r.birthplace_places, r.name_head
      FROM records r WHERE r.id = ANY(${ids}::bigint[])
    ),
    p AS MATERIALIZED (
      SELECT DISTINCT b.id, b.birth_year, x.key
      FROM b JOIN LATERAL (SELECT rr.phonetic FROM record_readings rr WHERE rr.record_id = b.id AND position(' ' in rr.phonetic) > 0) rr ON true
      CROSS JOIN LATERAL (
        SELECT rr.phonetic || '|y|' || (b.birth_year / 2) WHERE b.birth_year IS NOT NULL
        UNION ALL SELECT rr.phonetic || '|y|' || ((b.birth_year + 1) / 2) WHERE b.birth_year IS NOT NULL
        UNION ALL SELECT rr.phonetic || CASE WHEN b.birth_year IS NULL THEN '|a|' ELSE '|m|' END || pl
          FROM unnest(CASE WHEN b.birthplace_places = '{}' THEN ARRAY['*'] ELSE b.birthplace_places || ARRAY['-'] END) pl
      ) x(key)
    )
    SELECT p.id::text AS a, c.record_id::text AS b FROM p
    JOIN LATERAL (
      SELECT k.record_id FROM link_keys k
      WHERE k.key = p.key ${other}
        AND (p.birth_year IS NULL OR k.birth_year IS NULL OR k.birth_year BETWEEN p.birth_year - 1 AND p.birth_year + 1)
      LIMIT 100
    ) c ON true` : sql`EXPLAIN (ANALYZE, BUFFERS) 
    WITH b AS MATERIALIZED (
      SELECT r.id, r.birth_year, r.birthplace_places, r.name_head
      FROM records r WHERE r.id = ANY(${ids}::bigint[])
    )
    SELECT k.id::text, c.id::text FROM b k
    JOIN LATERAL (
      SELECT o.id FROM records o
      WHERE o.name_head = k.name_head AND o.birth_year BETWEEN k.birth_year - 1 AND k.birth_year + 1 ${lower}
      LIMIT 100
    ) c ON true
    WHERE k.birth_year IS NOT NULL AND position(' ' in trim(k.name_head)) > 0`;
for (const part of [1, 2]) console.log((await q(part).execute(db)).rows.map((r: any) => r['QUERY PLAN']).join('\n'));
await database.close();
