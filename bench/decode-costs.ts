/**
 * The measured effect of the cost model: top-1 accuracy with the costs as tuned vs.
 * every variant rule costing the same (0.5), on
 *   1. the reviewed rows of tests/unit/transliteration/golden/moscow-top-readings.tsv,
 *   2. a hand-labelled development set of variant spellings (below), and
 *   3. 400 generated record names with one clerk's variant applied to ~40% of syllables.
 * Usage: `npx tsx bench/decode-costs.ts` (spawns itself once per configuration).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CYRILLIC_VARIANTS, DIALECT, DIALECT_EXTRA, type SpellingRule } from '../src/transliteration/tables/cyrillic-variants.data.ts';
import { PINYIN_VARIANTS, WADE_GILES_VARIANTS } from '../src/transliteration/tables/latin-variants.data.ts';

/** Known answers: the variant spellings documented in the notes, on names whose pinyin is certain. */
const DEV: readonly [string, string][] = [
  ['Чжоу-Хуа-Нань', 'zhou hua nan'], ['Чжоу-Эн-Лай', 'zhou en lai'], ['Чен-Ду-Сю', 'chen du xiu'], ['Чэнь-Ду-Сю', 'chen du xiu'],
  ['Мао-Цзе-Дун', 'mao ze dong'], ['Мао Цзэдун', 'mao ze dong'], ['Джан-Сюэ-Лян', 'zhang xue liang'], ['Чжан-Сюе-Лян', 'zhang xue liang'],
  ['Лю-Шао-Ци', 'liu shao qi'], ['Дэн-Сяо-Пин', 'deng xiao ping'], ['Ден-Сяо-Пин', 'deng xiao ping'], ['Чжу-Дэ', 'zhu de'],
  ['Фын-Юй-Сян', 'feng yu xiang'], ['Фэн-Юй-Сян', 'feng yu xiang'], ['Сунг-Цин-Лин', 'song qing ling'], ['Цюй-Цю-Бо', 'qu qiu bai'],
  ['Ли-Да-Чжао', 'li da zhao'], ['Ли-Ли-Сань', 'li li san'], ['Ли-Ли-Сан', 'li li san'], ['Ван-Мин', 'wang ming'],
  ['Кан-Шен', 'kang sheng'], ['Хэ-Лун', 'he long'], ['Хо-Лун', 'he long'], ['Пын-Дэ-Хуай', 'peng de huai'], ['Пэн-Дэ-Хуай', 'peng de huai'],
  ['Линь-Бяо', 'lin biao'], ['Лин-Бяо', 'lin biao'], ['Чжан-Го-Тао', 'zhang guo tao'], ['Чжан-Го-Тау', 'zhang guo tao'],
  ['Сян-Чжун-Фа', 'xiang zhong fa'], ['Цай-Хэ-Сэнь', 'cai he sen'], ['Цай-Хе-Сен', 'cai he sen'], ['Ян-Шан-Кунь', 'yang shang kun'],
  ['Ван-Цзя-Сян', 'wang jia xiang'], ['Ван-Дзя-Сян', 'wang jia xiang'], ['У-Юй-Чжан', 'wu yu zhang'], ['Дун-Би-У', 'dong bi wu'],
  ['Сюй-Тэ-Ли', 'xu te li'], ['Се-Цзюэ-Цзай', 'xie jue zai'], ['Хуан-Пин', 'huang ping'], ['Хой-Юань', 'hui yuan'],
];

type Case = readonly [string, string];

function moscowReviewed(): Case[] {
  const path = fileURLToPath(new URL('../tests/unit/transliteration/golden/moscow-top-readings.tsv', import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'))
    .filter(([, expected, note]) => expected !== '-' && note === '# reviewed')
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
  const { decode, toPalladius } = await import('../src/transliteration/index.ts');
  const { SYLLABLES } = await import('../src/transliteration/inventory.ts');
  const { CYRILLIC_SPELLINGS } = await import('../src/transliteration/channels.ts');
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
