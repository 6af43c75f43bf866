/**
 * Throughput of decode() on record names, in process, one core:
 * `npm run bench:decode`. The mix is deterministic: the 67 real names of the Moscow
 * Chinese list, generated «Ван-Си-Сян»-style names from the syllable inventory, and
 * Russian names from the Moscow sample. Target: ≥ 20,000 names/s (importer budget).
 * It also checks what decode() answers: the standard Palladius table (an independent
 * golden file, bench/golden-check.ts) must read back both ways for ≥ 99% of syllables.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { decode, toPalladius } from '../src/core/transliteration/index.ts';
import { SYLLABLES } from '../src/core/transliteration/inventory.ts';
import { checkStandardTable } from './golden-check.ts';

const TARGET = 20_000;
const RUNS = 7;
const NAMES_PER_RUN = 20_000;

function fixtureNames(file: string): string[] {
  const rows = parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url)), { columns: true }) as { full_name: string }[];
  return rows.map((r) => r.full_name);
}

/** Deterministic generator (LCG) so every run decodes the same names. */
function generated(count: number): string[] {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const n = 2 + Math.floor(next() * 2);
    const syl = Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!.pinyin);
    return toPalladius(syl, 'record');
  });
}

function mix(): string[] {
  const chinese = fixtureNames('mos-memo-chinese.csv');
  const russian = fixtureNames('mos-memo-sample.csv').slice(0, 400);
  return [...chinese, ...generated(600), ...russian];
}

function run(names: string[]): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < NAMES_PER_RUN; i++) decode(names[i % names.length]!);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return NAMES_PER_RUN / seconds;
}

const names = mix();
run(names); // warm-up: JIT and lazy tables
const rates = Array.from({ length: RUNS }, () => run(names)).sort((a, b) => a - b);
const median = rates[Math.floor(RUNS / 2)]!;
console.log(`decode: ${names.length} distinct names (67 real Chinese, 600 generated, ${names.length - 667} Russian)`);
console.log(`runs (names/s): ${rates.map((r) => Math.round(r)).join(', ')}`);
console.log(`median: ${Math.round(median)} names/s (target ${TARGET}) → ${median >= TARGET ? 'PASS' : 'FAIL'}`);
const golden = checkStandardTable();
const share = Math.min(golden.forward, golden.back) / golden.rows;
console.log(`standard Palladius table (${golden.rows} syllables): pinyin → Palladius ${golden.forward}, Palladius → pinyin ${golden.back} → ${share >= 0.99 ? 'PASS' : 'FAIL'} (target 99%)`);
for (const f of golden.failures.slice(0, 20)) console.log(`  ${f}`);
process.exitCode = median >= TARGET && share >= 0.99 ? 0 : 1;
