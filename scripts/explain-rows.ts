/**
 * The shared Moscow list for the explain scripts, and its tuning / checking halves.
 *
 * The search devset's split (eval/split.ts, eval/devset.README.md) assigns its `real-` records —
 * the Chinese rows of this list, id `real-<page>-<n>` — by a hash of the id. The same rule is
 * applied to every row of the list, so the Chinese rows fall in the half the devset already gave
 * them and nobody chooses which rows are easy. Vocabulary is chosen from the tuning half only
 * (scripts/explain-words.ts); coverage is reported on both (scripts/explain-coverage.ts).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { partOf, type Part } from '../eval/split.ts';

export type Row = Record<string, string>;

export const DEFAULT_LIST = '../shared/data/mos-memo-shot.csv';

export function readRows(file: string): Row[] {
  return parse(fs.readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** `mos-shot-11-143` → the devset part of `real-11-143`. */
export function moscowPart(externalId: string): Part {
  return partOf(`real-${externalId.replace(/^mos-shot-/, '')}-00`);
}

export const isChinese = (row: Row): boolean => /^кита(ец|янка)$/.test(row.nationality ?? '');
