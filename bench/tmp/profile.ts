import { openDatabase } from '../../src/db/database.ts';
import { candidatePairs, loadSubjects, nextRecordIds, rebuildLinkKeys } from '../../src/links/links.repository.ts';
import { scorePair, SimilarityCache } from '../../src/links/link.model.ts';
import { sql } from 'kysely';
const url = process.argv[2]!;
const database = await openDatabase({ dataDir: '', databaseUrl: url });
const db = database.db;
const t: Record<string, number> = {};
const time = async <T>(k: string, f: () => Promise<T>) => { const s = performance.now(); const r = await f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
await time('rebuild', () => rebuildLinkKeys(db));
const c = await sql<{n: string, r: string}>`select count(*) n, count(distinct record_id) r from link_keys`.execute(db);
console.log(c.rows);
const cache = new SimilarityCache();
let after = '0'; let pairsN = 0; let stored = 0; let readingsN = 0;
for (let i = 0; i < Number(process.argv[3] ?? 10); i++) {
  const ids = await time('ids', () => nextRecordIds(db, after, 2000));
  if (!ids.length) break;
  after = ids.at(-1)!;
  const pairs = await time('pairs', () => candidatePairs(db, ids, true));
  const subj = await time('subjects', () => loadSubjects(db, [...new Set(pairs.flat())]));
  const s = performance.now();
  for (const [a, b] of pairs) { const sa = subj.get(a)!, sb = subj.get(b)!; readingsN += sa.readings.length * sb.readings.length; if (scorePair(sa, sb, cache).score >= 0.3) stored++; }
  t.score = (t.score ?? 0) + performance.now() - s;
  pairsN += pairs.length;
}
console.log({ after, pairsN, stored, readingsPerPair: readingsN / pairsN, ...Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])) });
await database.close();
