/**
 * Which words would explain most rows: over the TUNING half of the Moscow list only
 * (scripts/explain-rows.ts), the Russian words each fact kind leaves untranslated, by the
 * number of rows they occur in, and by the rows where that word is the only one left
 * (adding it alone would complete the row's field). This is how the occupation vocabulary
 * (occupation-words.data.ts, occupation-modifiers.data.ts) was chosen; never run it on the
 * checking half.
 *
 *   npx tsx scripts/explain-words.ts [../shared/data/mos-memo-shot.csv] [--field occupation] [--top 80]
 */
import { explainRecord } from '../src/core/explain/index.ts';
import { termKey } from '../src/core/explain/glossary.ts';
import { LEXICON, tokenize } from '../src/core/explain/occupation.tokens.ts';
import { explainInput } from '../tests/unit/explain/golden.lines.ts';
import { DEFAULT_LIST, moscowPart, readRows } from './explain-rows.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? DEFAULT_LIST;
const field = option('--field', 'occupation');
const top = Number(option('--top', '80'));

const rows = readRows(file).filter((r) => moscowPart(r.external_id!) === 'tuning');
const inRows = new Map<string, number>();
const alone = new Map<string, number>();
let open = 0;
for (const row of rows) {
  const facts = explainRecord(explainInput(row), 'en').filter((f) => f.field === field);
  // An occupation phrase stays Russian whole when one word is unknown: count the words the reader's tokenizer does not know.
  const split = (t: string) => (field === 'occupation' ? tokenize(t).filter((k) => k.t === 'unknown').map((k) => k.raw) : t.split(/\s+/));
  const words = new Set(facts.flatMap((f) => f.untranslated).flatMap(split).filter(Boolean));
  if (words.size > 0) open += 1;
  for (const w of words) inRows.set(w, (inRows.get(w) ?? 0) + 1);
  if (words.size === 1) for (const w of words) alone.set(w, (alone.get(w) ?? 0) + 1);
}
console.log(`${file}: tuning half, ${rows.length} rows; ${open} with a ${field} word left in Russian`);
// "known": the word is in the occupation tables but stands where the reader cannot place it.
console.log('rows\talone\tknown\tword');
for (const [w, n] of [...inRows].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${n}\t${alone.get(w) ?? 0}\t${LEXICON.has(termKey(w)) ? 'yes' : ''}\t${w}`);
