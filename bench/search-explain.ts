/**
 * The plans of one search as the service sends it: runs searchRecords on a
 * search pool configured as the server's (SEARCH_SESSION_SETTINGS), captures
 * every statement it sends with its parameters, then prints each with its
 * `EXPLAIN (ANALYZE, BUFFERS)` and the time it took in the search.
 *
 *   tsx bench/search-explain.ts --database nb_search_1m 'q=Ван&birthYear=1870&birthplace=Shandong' ...
 *
 * PostgreSQL only (BENCH_DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432).
 * The statement timeout is lifted (--timeout-ms, default 60000), so a plan that
 * the service would cut at SEARCH_TIMEOUT_MS is seen to its end. --set k=v
 * (repeatable) tries a session setting against the service's (work_mem=16MB).
 */
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { SEARCH_SESSION_SETTINGS } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { searchQuerySchema } from '../src/search/search.params.ts';
import { searchRecords } from '../src/search/search.service.ts';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: 'string', default: 'nb_search_1m' },
    'timeout-ms': { type: 'string', default: '60000' },
    // A session setting to try against the service's (e.g. --set work_mem=16MB), repeatable.
    set: { type: 'string', multiple: true, default: [] },
  },
});

interface Sent {
  query: CompiledQuery;
  ms: number;
}

async function main() {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${opts.database}`;
  const tried = Object.fromEntries(opts.set.map((kv) => kv.split('=', 2) as [string, string]));
  const settings = { ...SEARCH_SESSION_SETTINGS, statement_timeout: opts['timeout-ms'], ...tried };
  const options = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
  const pool = new pg.Pool({ connectionString: url.toString(), max: 1, options });
  let sent: Sent[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => void sent.push({ query: event.query, ms: event.queryDurationMillis }),
  });
  try {
    for (const qs of positionals) {
      const params = searchQuerySchema.parse(Object.fromEntries(new URLSearchParams(qs)));
      await searchRecords({ searchDb: db, searchDbTuned: true }, params); // warm the cache, as a repeated query would be
      sent = [];
      const t0 = performance.now();
      const res = await searchRecords({ searchDb: db, searchDbTuned: true }, params);
      const total = performance.now() - t0;
      console.log(`\n######## ${qs}: ${total.toFixed(1)} ms, ${res.results.length} results, warnings ${JSON.stringify(res.warnings.map((w) => w.code))}`);
      for (const { query, ms } of [...sent]) {
        console.log(`\n--- ${ms.toFixed(1)} ms\n${query.sql}\n-- parameters: ${JSON.stringify(query.parameters)}`);
        if (/^EXPLAIN/i.test(query.sql)) continue; // the service's own estimate (filters.repository.ts)
        const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
        console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
