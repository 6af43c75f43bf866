// Builds eval/links/linkset.csv: a labelled set for person linking from real
// records — the Chinese rows of Memorial's Moscow list (fixtures/mos-memo-chinese.csv),
// with 150 other rows of fixtures/mos-memo-sample.csv as distractors — each Chinese row re-spelt the way
// other lists spell (hyphens and spaces, е/э, dropped soft signs, dialect
// consonants, other birthplace wording, a year off by one, missing fields),
// plus hard negatives: the same name for another person (another birth year,
// or another birthplace, and another execution date). Column `person` is the
// label: rows with one value are one person. Nothing here is a real fact about
// anyone beyond the original rows; the copies are for measuring only.
// Run: npx tsx eval/links/build-linkset.ts   (deterministic; the committed CSV is the artefact)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { csvLine } from '../../src/exports/csv.ts';
import { mulberry32 } from '../../src/shared/prng.ts';
import { placeIdsInText } from '../../src/core/match/gazetteer/gazetteer.ts';

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
type Row = Record<string, string>;
const read = (f: string): Row[] => parse(readFileSync(here(f), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];

const random = mulberry32(20261201);
const chance = (p: number) => random() < p;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** Chinese names as other lists write them. */
const SPELLINGS: ReadonlyArray<(s: string) => string> = [
  (s) => s.replace(/-/g, ' '), // every syllable spaced
  (s) => s.replace(/-/, ' '), // surname apart, given name hyphenated
  (s) => { const [sur, ...rest] = s.split('-'); return rest.length ? `${sur} ${rest.map((x, i) => (i === 0 ? x : x.toLowerCase())).join('')}` : s; }, // given name joined
  (s) => s.replace(/(?<=[бвгджзклмнпрстфхцчшщ])э/gi, 'е'), // е for э
  (s) => s.replace(/(?<=[бвгджзклмнпрстфхцчшщ])е/gi, 'э'), // э for е
  (s) => s.replace(/ь/g, ''), // soft sign dropped
  (s) => s.replace(/Чж/g, 'Дж').replace(/чж/g, 'дж').replace(/Цз/g, 'Дз').replace(/цз/g, 'дз'), // дж / дз
  (s) => s.replace(/Ч(?!ж)/g, 'Ц').replace(/ш/g, 'с'), // northeastern z/c/s for zh/ch/sh
];

function respellChinese(name: string): string {
  let out = name;
  const n = 1 + Math.floor(random() * 2);
  for (let i = 0; i < n; i++) out = pick(SPELLINGS)(out);
  return out === name ? name.replace(/-/g, ' ') : out;
}

function rewordPlace(place: string): string {
  return pick([
    (s: string) => s.replace(/^Китай,?\s*/, ''),
    (s: string) => s.replace(/провинции|провинция/, 'пров.'),
    (s: string) => s.replace(/ь/g, ''),
    (s: string) => `род. ${s}`,
  ])(place);
}

/** Another date in the same years: an execution that did not happen to this person. */
function otherDate(date: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date);
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  const year = m ? Number(m[3]) : 1938;
  const d = `${day}.${String(month).padStart(2, '0')}.${year}`;
  return d === date ? `${day}.${String(((month % 12) + 1)).padStart(2, '0')}.${year}` : d;
}

const sameProvince = (a: string, b: string) => placeIdsInText(a).some((p) => placeIdsInText(b).includes(p));

const COLUMNS = ['external_id', 'full_name', 'birth_year', 'birthplace', 'executed_on', 'source', 'person', 'variant'] as const;
const out: string[][] = [];
const push = (r: Row, person: string, variant: string) => out.push(COLUMNS.map((c) => (c === 'person' ? person : c === 'variant' ? variant : r[c] ?? '')));

const OTHER_PROVINCES = ['Китай, пров. Хэбэй', 'Китай, пров. Ляонин', 'Китай, г. Харбин', 'Китай, пров. Чжэцзян', 'Китай, пров. Хубэй'];

function variants(original: Row, person: string): void {
  push(original, person, 'original');
  const copies = chance(0.5) ? 2 : 1;
  for (let i = 0; i < copies; i++) {
    const v: Row = { ...original, external_id: `${original.external_id}-v${i + 1}`, source: i === 0 ? 'Книга памяти (eval)' : 'Лагерные карточки (eval)' };
    v.full_name = respellChinese(original.full_name!);
    const notes = ['name'];
    if (v.birthplace && chance(0.6)) { v.birthplace = rewordPlace(v.birthplace); notes.push('place-wording'); }
    if (v.birth_year && chance(0.2)) { v.birth_year = String(Number(v.birth_year) + pick([-1, 1])); notes.push('year±1'); }
    else if (chance(0.15)) { v.birth_year = ''; notes.push('no-year'); }
    if (v.birthplace && chance(0.15)) { v.birthplace = ''; notes.push('no-place'); }
    if (chance(0.35)) { v.executed_on = ''; notes.push('no-date'); }
    push(v, person, notes.join(' '));
  }
  if (chance(0.8) && original.birth_year) {
    const n: Row = { ...original, external_id: `${original.external_id}-n`, source: 'Книга памяти (eval)', executed_on: otherDate(original.executed_on ?? '') };
    if (chance(0.5)) { n.birth_year = String(Number(original.birth_year) + pick([-7, -4, -2, 2, 3, 5, 9])); n.full_name = respellChinese(original.full_name!); push(n, `${person}-n`, 'hard-negative other-year'); }
    else {
      n.birthplace = pick(OTHER_PROVINCES.filter((p) => !sameProvince(p, original.birthplace ?? '')));
      push(n, `${person}-n`, 'hard-negative other-place');
    }
  }
}

const chinese = read('../../fixtures/mos-memo-chinese.csv');
const chineseIds = new Set(chinese.map((r) => r.external_id));
for (const r of chinese) variants(r, r.external_id!);
const others = read('../../fixtures/mos-memo-sample.csv').filter((r) => !chineseIds.has(r.external_id)).slice(0, 150);
// Other names are distractors only: the set measures linking across the scripts of Chinese names.
for (const r of others) push(r, r.external_id!, 'distractor');

writeFileSync(here('./linkset.csv'), [csvLine(COLUMNS), ...out.map(csvLine)].join(''));
console.log(`eval/links/linkset.csv: ${out.length} rows, ${chinese.length + others.length} originals`);
