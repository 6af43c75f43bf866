// A small, independent pinyin → Palladius (Cyrillic) converter for the evaluation
// set. Deliberately separate from src/transliteration so that the eval checks the
// project's tables instead of echoing them. Input: toneless pinyin syllables
// ("zhou", "lv"/"lü" for ü). Standard chart forms: zh=чж ch=ч sh=ш r=ж z/j=цз
// c/q=ц s/x=с, -ng=-н, -n=-нь, e=э, ie=е, iu/you=ю, ü/yu=юй, uo=о, wei=вэй, hui=хуэй.

const INITIALS: readonly (readonly [string, string])[] = [
  ['zh', 'чж'], ['ch', 'ч'], ['sh', 'ш'], ['b', 'б'], ['p', 'п'], ['m', 'м'], ['f', 'ф'], ['d', 'д'], ['t', 'т'],
  ['n', 'н'], ['l', 'л'], ['g', 'г'], ['k', 'к'], ['h', 'х'], ['j', 'цз'], ['q', 'ц'], ['x', 'с'], ['r', 'ж'],
  ['z', 'цз'], ['c', 'ц'], ['s', 'с'],
];

/** Finals after a consonant initial. */
const FINALS: Readonly<Record<string, string>> = {
  a: 'а', o: 'о', e: 'э', ai: 'ай', ei: 'эй', ao: 'ао', ou: 'оу', an: 'ань', en: 'энь', ang: 'ан', eng: 'эн',
  ong: 'ун', er: 'эр', i: 'и', ia: 'я', ie: 'е', iao: 'яо', iu: 'ю', ian: 'янь', in: 'инь', iang: 'ян', ing: 'ин',
  iong: 'юн', u: 'у', ua: 'уа', uo: 'о', uai: 'уай', ui: 'уй', uan: 'уань', un: 'унь', uang: 'уан',
  'ü': 'юй', 'üe': 'юэ', 'üan': 'юань', 'ün': 'юнь',
};

/** Syllables with no consonant initial (y-, w- and bare vowels). */
const ZERO: Readonly<Record<string, string>> = {
  a: 'а', ai: 'ай', an: 'ань', ang: 'ан', ao: 'ао', e: 'э', ei: 'эй', en: 'энь', eng: 'эн', er: 'эр', o: 'о', ou: 'оу',
  ya: 'я', yan: 'янь', yang: 'ян', yao: 'яо', ye: 'е', yi: 'и', yin: 'инь', ying: 'ин', yo: 'ё', yong: 'юн',
  you: 'ю', yu: 'юй', yuan: 'юань', yue: 'юэ', yun: 'юнь',
  wa: 'ва', wai: 'вай', wan: 'вань', wang: 'ван', wei: 'вэй', wen: 'вэнь', weng: 'вэн', wo: 'во', wu: 'у',
};

const SPECIAL: Readonly<Record<string, string>> = {
  zi: 'цзы', ci: 'цы', si: 'сы', hui: 'хуэй',
};

export function palladiusSyllable(pinyin: string): string {
  const s = pinyin.toLowerCase().replace(/v/g, 'ü').replace(/u:/g, 'ü');
  const special = SPECIAL[s];
  if (special !== undefined) return special;
  const zero = ZERO[s];
  if (zero !== undefined) return zero;
  const ini = INITIALS.find(([p]) => s.startsWith(p));
  if (ini === undefined) throw new Error(`palladius: not a syllable: ${pinyin}`);
  let fin = s.slice(ini[0].length);
  // after j q x the letter u is ü
  if (/^[jqx]$/.test(ini[0]) && fin.startsWith('u')) fin = 'ü' + fin.slice(1);
  const f = FINALS[fin];
  if (f === undefined) throw new Error(`palladius: unknown final in ${pinyin}`);
  return ini[1] + f;
}

const VOWEL_START = /^[аэеёюяиоуы]/;

/** Join syllables into one word: н (= -ng) takes ъ before a vowel (Цзинъюй, Чанъань). */
export function joinSyllables(cyr: readonly string[]): string {
  let out = '';
  for (const c of cyr) {
    if (out.length > 0 && out.endsWith('н') && VOWEL_START.test(c)) out += 'ъ';
    out += c;
  }
  return out;
}

export function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

/** «Чжоу-Энь-Лай»: every syllable capitalised and hyphenated, as in the Moscow records. */
export function recordStyle(surname: readonly string[], given: readonly string[]): string {
  return [...surname, ...given].map((p) => capitalise(palladiusSyllable(p))).join('-');
}

/** «Чжоу Эньлай»: modern Russian usage (surname, then the given name as one word). */
export function modernStyle(surname: readonly string[], given: readonly string[]): string {
  const sur = capitalise(joinSyllables(surname.map(palladiusSyllable)));
  if (given.length === 0) return sur;
  return `${sur} ${capitalise(joinSyllables(given.map(palladiusSyllable)))}`;
}

const RU_LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** Latin of the Russian spelling as an English page would print it ("Van Si-Syan", "Chzhan"). */
export function russianToLatin(s: string, softSign = ''): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    let t = lower === 'ь' ? softSign : RU_LATIN[lower];
    if (t === undefined) { out += ch; continue; }
    if (lower === 'е' && (out.length === 0 || /[\s-]$/.test(out))) t = 'ye';
    out += ch !== lower && t.length > 0 ? t[0]!.toUpperCase() + t.slice(1) : t;
  }
  return out;
}
