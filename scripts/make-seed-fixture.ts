/**
 * Makes fixtures/seed/mos-memo-seed.csv, the records a fresh `npm start` loads
 * (src/seed/seed.ts): every Chinese row of Memorial's Moscow list plus a fixed
 * sample of the others, in source order, each row byte for byte as in the source.
 *
 *   npx tsx scripts/make-seed-fixture.ts [SOURCE_CSV] [--others N] [--seed S]
 *
 * SOURCE_CSV defaults to ../shared/data/mos-memo-shot.csv (only this script
 * needs it; the project runs from the committed CSV). The same source, N and S
 * always give the same file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'fixtures/seed/mos-memo-seed.csv');
const CHINESE = new Set(['китаец', 'китаянка']);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { others: { type: 'string', default: '2000' }, seed: { type: 'string', default: '20261128' } },
});
const sourcePath = path.resolve(positionals[0] ?? path.join(ROOT, '../shared/data/mos-memo-shot.csv'));
const others = Number(values.others);
const seed = Number(values.seed);

/** mulberry32: a small deterministic PRNG, so the sample never depends on the platform. */
function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// `raw` keeps each record's text exactly as it is in the file (quotes, line ending).
const records = parse(fs.readFileSync(sourcePath), { raw: true, bom: true, relax_column_count: false }) as unknown as Array<{ record: string[]; raw: string }>;
const [header, ...rows] = records;
if (!header) throw new Error(`${sourcePath} is empty`);
const nationality = header.record.indexOf('nationality');
if (nationality < 0) throw new Error(`${sourcePath} has no nationality column`);

const chinese: number[] = [];
const rest: number[] = [];
rows.forEach((r, i) => (CHINESE.has(r.record[nationality]!.trim()) ? chinese : rest).push(i));
if (others > rest.length) throw new Error(`asked for ${others} other rows, the source has ${rest.length}`);

// A partial Fisher–Yates shuffle picks `others` distinct rows; source order is kept.
const random = mulberry32(seed);
const pool = [...rest];
for (let i = 0; i < others; i++) {
  const j = i + Math.floor(random() * (pool.length - i));
  [pool[i], pool[j]] = [pool[j]!, pool[i]!];
}
const chosen = new Set([...chinese, ...pool.slice(0, others)]);

const lines = [header.raw, ...rows.filter((_, i) => chosen.has(i)).map((r) => r.raw)];
const text = lines.map((l) => (/\r?\n$/.test(l) ? l : `${l}\n`)).join('');
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, text);
process.stderr.write(`${path.relative(ROOT, OUT)}: ${chinese.length} Chinese rows + ${others} others (seed ${seed}) of ${rows.length}, ${text.length.toLocaleString('en')} characters\n`);
