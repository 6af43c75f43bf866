import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { explainRecord, type Fact } from '../../../src/core/explain/index.ts';
import { fixtureFields } from '../../helpers/fixtures.ts';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const GOLDEN = path.join(ROOT, 'tests/unit/explain/golden/moscow-chinese.tsv');

export type CsvRow = Record<string, string>;

export function readCsv(relative: string): CsvRow[] {
  return parse(fs.readFileSync(path.join(ROOT, relative)), { columns: true, bom: true, skip_empty_lines: true });
}

/** A fixture row as the importer stores it (the one mapping, tests/helpers/fixtures.ts). */
export const explainInput = (row: CsvRow) => fixtureFields(row);

/** A fact's text with what stayed in Russian marked ⟦so⟧. */
const marked = (fact: Fact) => fact.parts.map((p) => (p.untranslated ? `⟦${p.text}⟧` : p.text)).join('').trim();

/** The golden lines of one row: external_id, field, span as written, zh, en. */
export function goldenLines(row: CsvRow): string[] {
  const zh = explainRecord(explainInput(row), 'zh');
  const en = explainRecord(explainInput(row), 'en');
  return zh.map((f, i) => [row.external_id, f.field, f.original, marked(f), marked(en[i]!)].join('\t'));
}

export const GOLDEN_HEADER = [
  '# The phrase reader and glossaries over the 67 Chinese rows of the Moscow list (fixtures/mos-memo-chinese.csv).',
  '# external_id<TAB>field<TAB>span as written<TAB>zh<TAB>en; ⟦…⟧ = left in Russian (no table knows it).',
  '# Regenerate after a reviewed change: npx tsx scripts/explain-golden.ts',
];
