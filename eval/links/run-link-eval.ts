// npm run eval:link [-- --verbose] — precision and recall of link proposals on
// the labelled set eval/links/linkset.csv (built by build-linkset.ts from the
// Moscow list): the set is imported through the importer into an in-memory
// database, `link` runs over it, and every stored proposal is checked against
// the labels. A positive is a pair of rows of one person; precision and recall
// count proposals at or above each threshold.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { runImport } from '../../src/imports/import.service.ts';
import { runLinking } from '../../src/links/link-run.service.ts';
import { DEFAULT_LINK_THRESHOLD } from '../../src/links/link-weights.data.ts';
import { reasonsLine, type LinkReason } from '../../src/links/link.model.ts';

const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false } } });
const file = fileURLToPath(new URL('./linkset.csv', import.meta.url));

const database = await openDatabase({ dataDir: '', inMemory: true });
await migrateToLatest(database.db);
// The labels are columns of the set's own (kept in `extra` when made public).
const report = await runImport(database, { open: () => fs.createReadStream(file), fileName: 'linkset.csv', actor: 'eval', links: false, workers: 0, publicColumns: ['person', 'variant'] });
if (report.invalid > 0) throw new Error(`the labelled set has ${report.invalid} invalid rows`);
const run = await runLinking(database.db);

const records = await database.db.selectFrom('records').select(['id', 'full_name', 'birth_year', 'extra']).execute();
const person = new Map(records.map((r) => [String(r.id), String((r.extra as Record<string, unknown>).person)]));
const label = new Map(records.map((r) => [String(r.id), `${r.full_name} ${r.birth_year ?? '—'} (${String((r.extra as Record<string, unknown>).variant)})`]));
const groups = new Map<string, number>();
for (const p of person.values()) groups.set(p, (groups.get(p) ?? 0) + 1);
const positives = [...groups.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
const links = await database.db.selectFrom('record_links').select(['record_a', 'record_b', 'score', 'reasons']).execute();
const scored = links.map((l) => ({ a: String(l.record_a), b: String(l.record_b), score: Number(l.score), reasons: l.reasons as LinkReason[], same: person.get(String(l.record_a)) === person.get(String(l.record_b)) }));

console.log(`labelled set: ${records.length} records, ${groups.size} persons, ${positives} positive pairs; ${run.pairsScored} pairs scored, ${links.length} stored (score ≥ floor)`);
console.log('\n| threshold | proposals | true | precision | recall |\n| --- | --- | --- | --- | --- |');
for (const t of [0.5, 0.6, 0.7, 0.75, DEFAULT_LINK_THRESHOLD, 0.85, 0.9, 0.95]) {
  const above = scored.filter((s) => s.score >= t);
  const tp = above.filter((s) => s.same).length;
  const mark = t === DEFAULT_LINK_THRESHOLD ? ' (default)' : '';
  console.log(`| ${t}${mark} | ${above.length} | ${tp} | ${(above.length ? tp / above.length : 1).toFixed(3)} | ${(tp / positives).toFixed(3)} |`);
}
if (values.verbose) {
  const t = DEFAULT_LINK_THRESHOLD;
  console.log('\nfalse proposals at the default threshold:');
  for (const s of scored.filter((x) => x.score >= t && !x.same)) console.log(`  ${s.score}  ${label.get(s.a)} ~ ${label.get(s.b)}: ${reasonsLine(s.reasons)}`);
  console.log('\nmissed or below the threshold:');
  const found = new Set(scored.filter((x) => x.score >= t).map((x) => `${x.a}:${x.b}`));
  const ids = [...person.keys()].sort((x, y) => Number(x) - Number(y));
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      if (person.get(ids[i]!) !== person.get(ids[j]!) || found.has(`${ids[i]}:${ids[j]}`)) continue;
      const s = scored.find((x) => x.a === ids[i] && x.b === ids[j]);
      console.log(`  ${s ? s.score : 'not scored'}  ${label.get(ids[i]!)} ~ ${label.get(ids[j]!)}${s ? `: ${reasonsLine(s.reasons)}` : ''}`);
    }
  }
}
await database.close();
