// Shared by the devset generator, the distractor generator and their tests:
// the row format of eval/devset.tsv and a normalised form of record names.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEVSET_KINDS = [
  'hanzi', 'hanzi-traditional', 'pinyin', 'pinyin-tones', 'wade-giles', 'cyrillic-variant', 'latin-russian', 'surname-only',
  'case-ending', 'southern',
] as const;
export type DevsetKind = (typeof DEVSET_KINDS)[number];

export interface DevsetRow {
  id: string;
  record: string;
  kind: DevsetKind;
  query: string;
  source: string;
  note: string;
}

export const DEVSET_HEADER = ['id', 'record', 'kind', 'query', 'source', 'note'] as const;

export const DEVSET_PATH = fileURLToPath(new URL('./devset.tsv', import.meta.url));

export function parseDevset(text: string): DevsetRow[] {
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = lines.shift();
  if (header !== DEVSET_HEADER.join('\t')) throw new Error(`devset.tsv: bad header: ${header ?? ''}`);
  return lines.map((line, i) => {
    const f = line.split('\t');
    if (f.length !== DEVSET_HEADER.length) throw new Error(`devset.tsv line ${i + 2}: ${f.length} fields`);
    const [id, record, kind, query, source, note] = f as [string, string, string, string, string, string];
    if (!(DEVSET_KINDS as readonly string[]).includes(kind)) throw new Error(`devset.tsv line ${i + 2}: kind ${kind}`);
    return { id, record, kind: kind as DevsetKind, query, source, note };
  });
}

export function readDevset(path: string = DEVSET_PATH): DevsetRow[] {
  return parseDevset(readFileSync(path, 'utf8'));
}

/** Coarse identity of a record name: case, ё/е, hyphens and spaces ignored. */
export function recordKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, 'е').replace(/[\s\-‐]+/g, '');
}
