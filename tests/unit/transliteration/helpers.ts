/** Shared helpers for the transliteration tests (not a test file itself). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SYLLABLES } from '../../../src/core/transliteration/inventory.ts';

export function goldenPath(name: string): string {
  return fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
}

/** Golden TSV rows grouped by the "# direction:" header preceding them. */
export function readGolden(name: string): { direction: string; input: string; expected: string; note: string }[] {
  const rows: { direction: string; input: string; expected: string; note: string }[] = [];
  let direction = '';
  for (const line of readFileSync(goldenPath(name), 'utf8').split('\n')) {
    const dir = /^# direction: (.+)$/.exec(line);
    if (dir) direction = dir[1]!;
    if (line.startsWith('#') || line.trim() === '') continue;
    const [input = '', expected = '', note = ''] = line.split('\t');
    rows.push({ direction, input, expected, note });
  }
  return rows;
}

/** Minimal RFC 4180 CSV parser: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function readFixtureNames(file: string): string[] {
  const path = fileURLToPath(new URL(`../../../fixtures/${file}`, import.meta.url));
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const col = header!.indexOf('full_name');
  return rows.map((r) => r[col]!).filter((n) => n !== undefined);
}

const STANDARD_PALLADIUS = SYLLABLES.map((r) => r.palladius);

/**
 * Number of ways a Cyrillic word splits into standard Palladius syllables (ъ is a
 * separator). More than one = the joined form is genuinely ambiguous (чуай = chuai or
 * chu + ai), and no decoder can be asked to pick the original at rank 1.
 */
export function palladiusSegmentations(word: string): number {
  return word
    .toLowerCase()
    .split('ъ')
    .reduce((product, part) => {
      const ways = new Array<number>(part.length + 1).fill(0);
      ways[0] = 1;
      for (let i = 0; i < part.length; i++) {
        if (ways[i] === 0) continue;
        for (const s of STANDARD_PALLADIUS) if (part.startsWith(s, i)) ways[i + s.length]! += ways[i]!;
      }
      return product * ways[part.length]!;
    }, 1);
}

const PINYIN = new Set(SYLLABLES.map((r) => r.pinyin));

/**
 * A Wade–Giles form all of whose tokens are also pinyin syllables ("Chang San") reads
 * as pinyin first: pinyin is the cheaper channel and nothing in the string says WG.
 * Hyphenated given names (Chang Liang-liang) do say WG, so those are not ambiguous.
 */
export function wadeGilesReadsAsPinyin(wg: string): boolean {
  if (/-/.test(wg)) return false;
  return wg
    .toLowerCase()
    .split(/[\s-]+/)
    .every((t) => PINYIN.has(t));
}
