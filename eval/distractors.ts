// Deterministic distractor names for the search evaluation: Chinese-style record
// names like the Moscow list («Ван-Си-Сян», some with clerk's misspellings or a
// Russian given name and patronymic) and Russian names. Seeded PRNG (mulberry32),
// no Math.random: the same (n, seed) always gives the same list.
import { existsSync } from 'node:fs';
import { capitalise, palladiusSyllable } from './palladius.ts';
import { DEVSET_PATH, readDevset, recordKey } from './devset.shared.ts';
import { mulberry32 } from '../src/shared/prng.ts';

export { mulberry32 };

/** The most common Chinese surnames, most frequent first (pinyin). */
const SURNAMES = [
  'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao', 'lin',
  'he', 'guo', 'ma', 'luo', 'liang', 'song', 'zheng', 'xie', 'han', 'tang', 'feng', 'yu', 'dong', 'xiao', 'cheng', 'cao',
  'yuan', 'deng', 'fu', 'shen', 'zeng', 'peng', 'lv', 'su', 'lu', 'jiang', 'cai', 'jia', 'ding', 'wei', 'xue', 'ye',
  'yan', 'pan', 'du', 'dai', 'xia', 'zhong', 'tian', 'ren', 'fan', 'fang', 'shi', 'yao', 'tan', 'liao', 'zou', 'xiong',
  'jin', 'hao', 'kong', 'bai', 'cui', 'kang', 'mao', 'qiu', 'qin', 'shi', 'gu', 'hou', 'shao', 'meng', 'long', 'wan',
  'duan', 'lei', 'qian', 'tang', 'yin', 'yi', 'chang', 'qiao', 'lai', 'gong', 'wen', 'guan', 'niu', 'bao', 'pang', 'mi',
] as const;

/** Common given-name syllables of men born around 1880-1915. */
const GIVEN = [
  'de', 'fu', 'shan', 'xiang', 'yu', 'wen', 'hua', 'ming', 'guo', 'zhong', 'jin', 'bao', 'yong', 'chun', 'qing', 'hai',
  'lin', 'sheng', 'long', 'zhi', 'xing', 'fa', 'shu', 'chang', 'tian', 'li', 'feng', 'rong', 'hong', 'jun', 'cheng',
  'an', 'en', 'xi', 'yun', 'ting', 'bin', 'zhen', 'kui', 'gui', 'shun', 'quan', 'ying', 'zi', 'jia', 'kai', 'song',
  'bo', 'tai', 'hui', 'lan', 'xiu', 'cai', 'rui', 'he', 'yuan', 'yi', 'wu', 'kun', 'tang', 'fang', 'peng', 'qi',
  'san', 'si', 'wang', 'shou', 'lu', 'xin', 'zhao', 'tao', 'ren', 'liang', 'shi', 'chen', 'dian', 'yao', 'ji', 'huai',
] as const;

const RU_MALE = ['Иван', 'Петр', 'Николай', 'Василий', 'Михаил', 'Алексей', 'Федор', 'Сергей', 'Григорий', 'Яков', 'Павел', 'Андрей', 'Степан', 'Дмитрий', 'Александр', 'Семен', 'Константин', 'Максим'] as const;
const RU_FEMALE = ['Анна', 'Мария', 'Евдокия', 'Татьяна', 'Ольга', 'Прасковья', 'Елена', 'Александра', 'Екатерина', 'Надежда', 'Вера', 'Евгения', 'Софья', 'Клавдия'] as const;
const PATRONYMIC: readonly (readonly [string, string])[] = [
  ['Иванович', 'Ивановна'], ['Петрович', 'Петровна'], ['Николаевич', 'Николаевна'], ['Васильевич', 'Васильевна'],
  ['Михайлович', 'Михайловна'], ['Алексеевич', 'Алексеевна'], ['Федорович', 'Федоровна'], ['Сергеевич', 'Сергеевна'],
  ['Григорьевич', 'Григорьевна'], ['Яковлевич', 'Яковлевна'], ['Павлович', 'Павловна'], ['Андреевич', 'Андреевна'],
  ['Степанович', 'Степановна'], ['Ильич', 'Ильинична'], ['Дмитриевич', 'Дмитриевна'], ['Александрович', 'Александровна'],
  ['Семенович', 'Семеновна'], ['Тимофеевич', 'Тимофеевна'], ['Константинович', 'Константиновна'], ['Максимович', 'Максимовна'],
];
const RU_SURNAMES = [
  'Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Федоров',
  'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семенов', 'Егоров', 'Павлов', 'Козлов', 'Степанов', 'Николаев',
  'Орлов', 'Андреев', 'Макаров', 'Никитин', 'Захаров', 'Зайцев', 'Соловьев', 'Борисов', 'Яковлев', 'Григорьев',
  'Романов', 'Воробьев', 'Сергеев', 'Кузьмин', 'Фролов', 'Александров', 'Дмитриев', 'Королев', 'Гусев', 'Киселев',
  'Ильин', 'Максимов', 'Поляков', 'Сорокин', 'Виноградов', 'Ковалев', 'Белов', 'Медведев', 'Антонов', 'Тарасов',
  'Жуков', 'Баранов', 'Филиппов', 'Комаров', 'Давыдов', 'Беляев', 'Герасимов', 'Богданов', 'Осипов', 'Сидоров',
  'Травин', 'Черников', 'Оглоблин', 'Мусатов', 'Высоцкий', 'Ковальский', 'Шевченко', 'Бондаренко', 'Толстой', 'Берзин',
] as const;

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}

/** Zipf-like choice: index i with weight 1 / (i + 4). */
function pickFrequent<T>(rnd: () => number, xs: readonly T[]): T {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += 1 / (i + 4);
  let r = rnd() * total;
  for (let i = 0; i < xs.length; i++) {
    r -= 1 / (i + 4);
    if (r <= 0) return xs[i]!;
  }
  return xs[xs.length - 1]!;
}

let devsetKeys: ReadonlySet<string> | undefined;
/** Normalised record names of eval/devset.tsv (empty if the file is absent). */
export function devsetRecordKeys(): ReadonlySet<string> {
  devsetKeys ??= existsSync(DEVSET_PATH) ? new Set(readDevset().map((r) => recordKey(r.record))) : new Set();
  return devsetKeys;
}

function russianGivenAndPatronymic(rnd: () => number): string {
  const [male] = pick(rnd, PATRONYMIC);
  return `${pick(rnd, RU_MALE)} ${male}`;
}

/**
 * `n` Chinese-style record names («Лю-Шу-Фа»): a frequent surname and one or two
 * common given syllables in hyphenated Palladius; about 10% with е for э or a
 * dropped soft sign, about 5% followed by a Russian given name and patronymic.
 * Never equal (ignoring case, ё, hyphens and spaces) to a record of the devset
 * or to a name in `exclude`.
 */
export function distractorNames(n: number, seed: number, exclude: ReadonlySet<string> = devsetRecordKeys()): string[] {
  return distractorEntries(n, seed, exclude).map((d) => d.name);
}

/** The same names with the surname each was generated from (pinyin): what the eval judges surname-only answers by. */
export function distractorEntries(n: number, seed: number, exclude: ReadonlySet<string> = devsetRecordKeys()): Array<{ name: string; surname: string }> {
  const rnd = mulberry32(seed);
  const out: Array<{ name: string; surname: string }> = [];
  while (out.length < n) {
    const syls = [pickFrequent(rnd, SURNAMES), pick(rnd, GIVEN)];
    if (rnd() < 0.8) syls.push(pick(rnd, GIVEN));
    let name = syls.map((s) => capitalise(palladiusSyllable(s))).join('-');
    const v = rnd();
    if (v < 0.05) name = name.replace(/э/g, 'е').replace(/Э/g, 'Е');
    else if (v < 0.1) name = name.replace(/ь/g, '');
    if (rnd() < 0.05) name = `${name} ${russianGivenAndPatronymic(rnd)}`;
    if (exclude.has(recordKey(name))) continue;
    out.push({ name, surname: syls[0]! });
  }
  return out;
}

function feminine(surname: string): string {
  if (surname.endsWith('ский') || surname.endsWith('цкий')) return `${surname.slice(0, -2)}ая`;
  if (surname.endsWith('ой')) return `${surname.slice(0, -2)}ая`;
  if (/(ов|ев|ин|ын)$/.test(surname)) return `${surname}а`;
  return surname;
}

/** `n` Russian names as in the Moscow list: surname, given name, patronymic; about 1 in 8 female. */
export function russianNames(n: number, seed: number, exclude: ReadonlySet<string> = devsetRecordKeys()): string[] {
  const rnd = mulberry32(seed ^ 0x5bd1e995);
  const out: string[] = [];
  while (out.length < n) {
    const female = rnd() < 0.125;
    const surname = pickFrequent(rnd, RU_SURNAMES);
    const [pm, pf] = pick(rnd, PATRONYMIC);
    const name = female
      ? `${feminine(surname)} ${pick(rnd, RU_FEMALE)} ${pf}`
      : `${surname} ${pick(rnd, RU_MALE)} ${pm}`;
    if (exclude.has(recordKey(name))) continue;
    out.push(name);
  }
  return out;
}
