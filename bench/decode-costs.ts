/**
 * The measured effect of the cost model: top-1 accuracy with the costs as tuned vs.
 * every variant rule costing the same (0.5), on
 *   1. the reviewed rows of tests/unit/transliteration/golden/moscow-top-readings.tsv whose
 *      record is not in the devset's checking part,
 *   2. the tuning part of the devset (eval/split.ts; checking rows refused), and
 *   3. 400 generated record names with one clerk's variant applied to ~40% of syllables.
 * Usage: `npx tsx bench/decode-costs.ts` (spawns itself once per configuration).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { recordKey } from '../eval/devset.shared.ts';
import { checkingRecordKeys, tuningCases } from '../eval/tuning-cases.ts';
import { CYRILLIC_VARIANTS, DIALECT, DIALECT_EXTRA, type SpellingRule } from '../src/core/transliteration/tables/cyrillic-variants.data.ts';
import { PINYIN_VARIANTS, WADE_GILES_VARIANTS } from '../src/core/transliteration/tables/latin-variants.data.ts';

/**
 * Known answers: the tuning part of the devset (eval/split.ts), never the
 * checking part. This list once held famous people that the eval checks on;
 * tuningCases() refuses checking rows, so that cannot happen again.
 */
const DEV: readonly (readonly [string, string])[] = tuningCases('bench/decode-costs.ts');
const CHECKING = checkingRecordKeys();

type Case = readonly [string, string];

function moscowReviewed(): Case[] {
  const path = fileURLToPath(new URL('../tests/unit/transliteration/golden/moscow-top-readings.tsv', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter(([, expected, note]) => expected !== '-' && note === '# reviewed')
    // The Moscow golden rows include records of the devset's checking part: leave them out.
    .filter(([input]) => !CHECKING.has(recordKey(input!.split(' ')[0]!)))
    .map(([input, expected]) => [input!, expected!] as const);
}

function flatten(rules: readonly SpellingRule[]): void {
  for (const r of rules) if (r.cost > 0) (r as { cost: number }).cost = 0.5;
}

async function measure(flat: boolean): Promise<Record<string, string>> {
  if (flat) {
    flatten(CYRILLIC_VARIANTS);
    flatten(DIALECT_EXTRA);
    flatten(PINYIN_VARIANTS);
    flatten(WADE_GILES_VARIANTS);
    DIALECT.cost = 0.5;
  }
  // Imported only now: the spelling tries are built from the (possibly flattened) tables at load.
  const { decode, toPalladius } = await import('../src/core/transliteration/index.ts');
  const { SYLLABLES } = await import('../src/core/transliteration/inventory.ts');
  const { CYRILLIC_SPELLINGS } = await import('../src/core/transliteration/channels.ts');
  const variantsOf = new Map<number, string[]>();
  for (const [spelling, ems] of CYRILLIC_SPELLINGS) {
    for (const e of ems) if (e.cost > 0 && !e.rule.includes('dialect') && !e.rule.includes('+')) variantsOf.set(e.syl, [...(variantsOf.get(e.syl) ?? []), spelling]);
  }
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const generated: Case[] = Array.from({ length: 400 }, () => {
    const rows = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]!);
    const parts = rows.map((r) => {
      const v = variantsOf.get(r.id) ?? [];
      return rnd() < 0.4 && v.length > 0 ? v[Math.floor(rnd() * v.length)]! : r.palladius;
    });
    void toPalladius;
    return [parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('-'), rows.map((r) => r.pinyin).join(' ')] as const;
  });
  const score = (cases: readonly Case[]) => {
    const hits = cases.filter(([input, expected]) => decode(input).readings[0]?.pinyin === expected).length;
    const inTop = cases.filter(([input, expected]) => decode(input).readings.some((r) => r.pinyin === expected)).length;
    return `${hits}/${cases.length} (${((100 * hits) / cases.length).toFixed(1)}%), in top-8: ${((100 * inTop) / cases.length).toFixed(1)}%`;
  };
  return { moscow: score(moscowReviewed()), dev: score(DEV), generated: score(generated) };
}

const arg = process.argv[2];
if (arg === '--tuned' || arg === '--flat') {
  console.log(JSON.stringify(await measure(arg === '--flat')));
} else {
  const me = fileURLToPath(import.meta.url);
  const run = (flag: string) => JSON.parse(execFileSync('npx', ['tsx', me, flag], { encoding: 'utf8' })) as Record<string, string>;
  const tuned = run('--tuned');
  const flat = run('--flat');
  console.log('| set | costs as tuned | all variant costs 0.5 |');
  console.log('|---|---|---|');
  for (const key of Object.keys(tuned)) console.log(`| ${key} | ${tuned[key]} | ${flat[key]} |`);
}
