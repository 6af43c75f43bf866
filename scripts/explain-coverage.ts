/**
 * How much of a Memorial list the explanation covers (docs/web.md, "What this
 * record says"): every row explained as a record of it would be (biography and
 * fields), counting the rows with no Russian term left untranslated, the
 * phrases explained per kind, and the terms most often left in Russian in the
 * tuning half (the checking half's are never listed).
 *
 *   npx tsx scripts/explain-coverage.ts [../shared/data/mos-memo-shot.csv] [--lang en|zh] [--top 30]
 *
 * Only this script reads the shared list; the project and its tests read fixtures/.
 */
import { explainRecord, fullyExplained, type ExplainLang } from '../src/core/explain/index.ts';
import { explainInput } from '../tests/unit/explain/golden.lines.ts';
import { DEFAULT_LIST, isChinese, moscowPart, readRows, type Row } from './explain-rows.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? DEFAULT_LIST;
const lang = option('--lang', 'en') as ExplainLang;
const top = Number(option('--top', '30'));

const rows = readRows(file);

const tally = (rowsIn: Row[]) => {
  let full = 0;
  let allButJob = 0;
  let withNames = 0;
  const byField = new Map<string, { all: number; explained: number }>();
  const missing = new Map<string, number>();
  for (const row of rowsIn) {
    const facts = explainRecord(explainInput(row), lang);
    if (fullyExplained(facts)) full += 1;
    if (fullyExplained(facts.filter((f) => f.field !== 'occupation'))) allButJob += 1;
    if (facts.some((f) => f.parts.some((p) => p.name))) withNames += 1;
    for (const f of facts) {
      const counts = byField.get(f.field) ?? { all: 0, explained: 0 };
      counts.all += 1;
      if (f.untranslated.length === 0) counts.explained += 1;
      byField.set(f.field, counts);
      for (const term of f.untranslated) missing.set(`${f.field}: ${term}`, (missing.get(`${f.field}: ${term}`) ?? 0) + 1);
    }
  }
  return { rows: rowsIn.length, full, allButJob, withNames, byField, missing };
};

const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
/**
 * Terms left in Russian are listed only from the tuning half: the checking half's figure is honest
 * only while nobody chooses vocabulary by looking at its rows (a list over all rows showed them).
 */
const report = (title: string, t: ReturnType<typeof tally>, listTerms = false) => {
  console.log(`\n${title}: ${t.rows} rows, ${t.full} fully explained (${pct(t.full, t.rows)}), ${t.allButJob} all but the occupation (${pct(t.allButJob, t.rows)}); ${t.withNames} keep a proper name as written`);
  console.log('| phrase | phrases | explained |');
  console.log('| --- | ---: | ---: |');
  for (const [field, c] of [...t.byField].sort((a, b) => b[1].all - a[1].all)) console.log(`| ${field} | ${c.all} | ${c.explained} (${pct(c.explained, c.all)}) |`);
  if (!listTerms) return;
  console.log(`most frequent terms left in Russian (this half only):`);
  for (const [term, n] of [...t.missing].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${n}\t${term}`);
};

console.log(`${file}, lang ${lang}`);
report('Chinese rows (китаец/китаянка)', tally(rows.filter(isChinese)));
report('All rows', tally(rows));
// The occupation words were chosen on the tuning half (scripts/explain-words.ts): the checking half shows how far they carry.
report('Tuning half (vocabulary chosen here)', tally(rows.filter((r) => moscowPart(r.external_id!) === 'tuning')), true);
report('Checking half (never looked at)', tally(rows.filter((r) => moscowPart(r.external_id!) === 'checking')));
