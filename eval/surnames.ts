// Each eval record's surname as its data gives it (pinyin), for judging
// surname-only queries without asking the decoder under test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDevset } from './devset.shared.ts';

const here = (f: string): string => fileURLToPath(new URL(`./${f}`, import.meta.url));

function tsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(here(file), 'utf8').split('\n').filter((l) => l.length > 0);
  const cols = (head ?? '').split('\t');
  return lines.map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split('\t')[i] ?? ''])));
}

/** "zhou1|en1 lai2" → "zhou"; "ou1 yang2|yu2 qian4" → "ou yang". */
const surnameOfPinyin = (p: string) => p.split('|')[0]!.trim().replace(/[0-5]/g, '').replace(/ü/g, 'v');

/**
 * The one real record without a reading whose surname the devset states
 * (eval/devset.README.md: 欧阳 for «Ой-Ян-Шин», Ouyang being written one way only).
 */
const STATED: Record<string, string> = { 'Ой-Ян-Шин': 'ou yang' };

/** Record name → surname pinyin, for every devset record whose data gives one, and the distractors. */
export function knownSurnames(distractors: ReadonlyArray<{ name: string; surname: string }>): Map<string, string> {
  const out = new Map<string, string>(Object.entries(STATED));
  const rows = readDevset();
  const recordOfStem = new Map<string, string>(rows.map((r) => [r.id.replace(/-\d+$/, ''), r.record]));
  for (const p of tsv('people.tsv')) {
    const record = recordOfStem.get(`wk-${p['id']}`);
    if (record) out.set(record, surnameOfPinyin(p['pinyin']!));
  }
  for (const s of tsv('synthetic.tsv')) {
    const record = recordOfStem.get(s['id']!);
    if (record) out.set(record, surnameOfPinyin(s['pinyin']!));
  }
  for (const r of tsv('real-records.tsv')) if (r['reading']) out.set(r['record']!, surnameOfPinyin(r['reading']));
  for (const d of distractors) out.set(d.name, d.surname.replace(/ü/g, 'v'));
  return out;
}
