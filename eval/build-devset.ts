// Builds eval/devset.tsv from three hand-written inputs:
//   people.tsv        well-known people (characters, pinyin with tone numbers, Wade–Giles, Wikipedia titles)
//   real-records.tsv  Chinese-form names from the Moscow list (fixtures/mos-memo-chinese.csv) with a reading
//   synthetic.tsv     invented people with plausible characters, clearly labelled synthetic
// Cyrillic forms come from eval/palladius.ts, independent of src/transliteration.
// Run: npx tsx eval/build-devset.ts   (deterministic; the committed TSV is the artefact)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capitalise, modernStyle, recordStyle, russianToLatin } from './palladius.ts';
import { DEVSET_HEADER, DEVSET_PATH, recordKey } from './devset.shared.ts';
import type { DevsetKind, DevsetRow } from './devset.shared.ts';

const here = (f: string): string => fileURLToPath(new URL(`./${f}`, import.meta.url));

function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(here(file), 'utf8').split('\n').filter((l) => l.length > 0);
  const cols = (head ?? '').split('\t');
  return lines.map((l) => {
    const f = l.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, f[i] ?? '']));
  });
}

interface Syl { syl: string; tone: number }
interface Name { surname: Syl[]; given: Syl[] }

/** "zhou1|en1 lai2" (tone numbers optional) → surname and given syllables. */
function parseName(s: string): Name {
  const [sur = '', giv = ''] = s.split('|');
  const syls = (part: string): Syl[] => part.trim().split(/\s+/).filter(Boolean).map((t) => {
    const m = /^([a-zü:v]+)([0-5]?)$/.exec(t);
    if (m === null) throw new Error(`bad syllable ${t} in ${s}`);
    return { syl: m[1]!.replace(/v|u:/g, 'ü'), tone: Number(m[2] || 0) };
  });
  return { surname: syls(sur), given: syls(giv) };
}

const MARKS: Readonly<Record<string, string[]>> = {
  a: ['ā', 'á', 'ǎ', 'à'], e: ['ē', 'é', 'ě', 'è'], i: ['ī', 'í', 'ǐ', 'ì'], o: ['ō', 'ó', 'ǒ', 'ò'],
  u: ['ū', 'ú', 'ǔ', 'ù'], ü: ['ǖ', 'ǘ', 'ǚ', 'ǜ'],
};

function toned({ syl, tone }: Syl): string {
  if (tone < 1 || tone > 4) return syl;
  let idx = syl.search(/[ae]/);
  if (idx < 0) idx = syl.indexOf('ou');
  if (idx < 0) for (let i = syl.length - 1; i >= 0; i--) if ('iouü'.includes(syl[i]!)) { idx = i; break; }
  const v = syl[idx]!;
  return syl.slice(0, idx) + (MARKS[v]?.[tone - 1] ?? v) + syl.slice(idx + 1);
}

/** Join pinyin syllables into a word, with an apostrophe before a, e, o inside the word. */
function word(syls: string[]): string {
  return syls.map((s, i) => (i > 0 && /^[aeoāáǎàēéěèōóǒò]/.test(s) ? `'${s}` : s)).join('');
}
const plainSyl = (s: Syl): string => s.syl.replace(/ü/g, 'u');

const PAL = (n: Name): { sur: string[]; giv: string[] } => ({ sur: n.surname.map((s) => s.syl), giv: n.given.map((s) => s.syl) });

function applyNoise(record: string, noise: string): string {
  let r = record;
  for (const op of noise.split(/\s+(?=[a-z]+(?::|\s|$))/).filter(Boolean)) {
    if (op === 'e') r = r.replace(/э/g, 'е').replace(/Э/g, 'Е');
    else if (op === 'soft') r = r.replace(/ь/g, '');
    else if (op === 'dzh') r = r.replace(/чж/g, 'дж').replace(/Чж/g, 'Дж');
    else if (op === 'dz') r = r.replace(/цз/g, 'дз').replace(/Цз/g, 'Дз');
    else if (op === 'yn') r = r.replace(/эн/g, 'ын').replace(/Эн/g, 'Ын');
    else if (op.startsWith('ru:')) r = `${r} ${op.slice(3)}`;
    else throw new Error(`unknown noise ${op}`);
  }
  return r;
}

function noiseNote(noise: string): string {
  const parts: string[] = [];
  for (const op of noise.split(/\s+(?=[a-z]+(?::|\s|$))/).filter(Boolean)) {
    if (op === 'e') parts.push('е for э');
    else if (op === 'soft') parts.push('ь dropped');
    else if (op === 'dzh') parts.push('дж for чж');
    else if (op === 'dz') parts.push('дз for цз');
    else if (op === 'yn') parts.push('old ын for эн');
    else if (op.startsWith('ru:')) parts.push('Russian given name and patronymic added');
  }
  return parts.length > 0 ? `record spelling: ${parts.join(', ')}` : '';
}

/** Swap е/э after consonants: the clerk's confusion, in either direction. */
function swapE(s: string): string {
  return /э/.test(s) ? s.replace(/э/g, 'е') : s.replace(/([бвгджзклмнпрстфхцчшщ])е/gi, '$1э');
}

const rows: DevsetRow[] = [];
const seen = new Set<string>();
function add(idBase: string, record: string, kind: DevsetKind, query: string, source: string, note = ''): void {
  const q = query.trim();
  if (q.length === 0) return;
  const dedupe = `${record}\t${kind}\t${q}`;
  if (seen.has(dedupe)) return;
  seen.add(dedupe);
  const n = rows.filter((r) => r.id.startsWith(`${idBase}-`)).length + 1;
  rows.push({ id: `${idBase}-${String(n).padStart(2, '0')}`, record, kind, query: q, source, note });
}

function pinyinQueries(idBase: string, record: string, n: Name, source: string, note: string, tones: boolean): void {
  const sur = n.surname.map(plainSyl);
  const giv = n.given.map(plainSyl);
  const S = capitalise(word(sur));
  const G = capitalise(word(giv));
  add(idBase, record, 'pinyin', `${S} ${G}`, source, note);
  add(idBase, record, 'pinyin', [...sur, ...giv].join('').toLowerCase(), source, `${note ? `${note}; ` : ''}joined`);
  add(idBase, record, 'pinyin', `${G} ${S}`, source, `${note ? `${note}; ` : ''}given name first`);
  add(idBase, record, 'pinyin', [...sur, ...giv].join(' '), source, `${note ? `${note}; ` : ''}every syllable spaced`);
  if (!tones) return;
  const ts = n.surname.map(toned);
  const tg = n.given.map(toned);
  add(idBase, record, 'pinyin-tones', `${capitalise(word(ts))} ${capitalise(word(tg))}`, source, note);
  const num = (xs: Syl[]): string => xs.map((s) => `${plainSyl(s)}${s.tone || 5}`).join('');
  add(idBase, record, 'pinyin-tones', `${capitalise(num(n.surname))} ${capitalise(num(n.given))}`, source, `${note ? `${note}; ` : ''}tone numbers`);
}

function wadeGilesQueries(idBase: string, record: string, wg: string, source: string, note: string): void {
  if (wg === '') return;
  add(idBase, record, 'wade-giles', wg, source, note);
  const bare = wg.replace(/['’‘]/g, '').replace(/ü/g, 'u');
  add(idBase, record, 'wade-giles', bare, source, `${note ? `${note}; ` : ''}no apostrophes or umlaut`);
}

/** Cyrillic variants of a record-style name; `chinese` is the Chinese part (no Russian names). */
function cyrillicQueries(idBase: string, record: string, chinese: string, modern: string | undefined, source: string, note: string): void {
  const syls = chinese.split(/[-\s]+/);
  add(idBase, record, 'cyrillic-variant', syls.join(' '), source, `${note ? `${note}; ` : ''}spaced`);
  add(idBase, record, 'cyrillic-variant', capitalise(syls.join('').toLowerCase()), source, `${note ? `${note}; ` : ''}joined`);
  if (modern !== undefined) add(idBase, record, 'cyrillic-variant', modern, source, `${note ? `${note}; ` : ''}modern spelling`);
  else if (syls.length > 1) add(idBase, record, 'cyrillic-variant', `${syls[0]} ${capitalise(syls.slice(1).join('').toLowerCase())}`, source, `${note ? `${note}; ` : ''}modern spacing`);
  add(idBase, record, 'cyrillic-variant', chinese.toLowerCase(), source, `${note ? `${note}; ` : ''}lower case`);
  const sw = swapE(chinese);
  if (sw !== chinese) add(idBase, record, 'cyrillic-variant', sw, source, `${note ? `${note}; ` : ''}е/э swapped`);
}

function latinRussian(idBase: string, record: string, chinese: string, source: string, note: string): void {
  const syls = chinese.split(/[-\s]+/);
  const fmt = (soft: string): string => {
    const lat = syls.map((s) => russianToLatin(s, soft));
    return lat.length > 1 ? `${lat[0]} ${lat.slice(1).join('-')}` : (lat[0] ?? '');
  };
  add(idBase, record, 'latin-russian', fmt(''), source, note);
  if (/ь/.test(chinese)) add(idBase, record, 'latin-russian', fmt("'"), source, `${note ? `${note}; ` : ''}soft sign as apostrophe`);
}

/**
 * The name as running Russian text inflects it: only the last word takes the
 * ending (Rosenthal: «Ким Ир Сена»), a consonant -а/-у/-ом (-ем after ж ш ч щ ц),
 * й and ь -я/-ю/-ем; a final vowel does not decline («Лю Шаоци»), so no row.
 */
const CASES = ['genitive', 'dative', 'instrumental'] as const;
function inflect(name: string, c: (typeof CASES)[number]): string | undefined {
  const m = /^(.*?)([а-яё]+)$/i.exec(name);
  if (m === null) return undefined;
  const [, head, last] = m as unknown as [string, string, string];
  const end = last.slice(-1);
  if (/[аеёиоуыэюя]/i.test(end)) return undefined;
  const soft = end === 'й' || end === 'ь';
  const stem = soft ? last.slice(0, -1) : last;
  const hush = /[жшчщц]$/.test(stem);
  const ending = { genitive: soft ? 'я' : 'а', dative: soft ? 'ю' : 'у', instrumental: soft || hush ? 'ем' : 'ом' }[c];
  return `${head}${stem}${ending}`;
}
let caseTurn = 0;
function caseEndingQuery(idBase: string, record: string, modern: string, source: string): void {
  const c = CASES[caseTurn++ % CASES.length]!;
  const q = inflect(modern, c);
  if (q !== undefined) add(idBase, record, 'case-ending', q, source, `${c} in running text (${modern})`);
}

// ---------- real records ----------
const MOS_SOURCE = (id: string): string => `Memorial, Расстрелы в Москве (mos.memo.ru), ${id}; reading by the devset author`;
const realRecords = readTsv('real-records.tsv');
for (const r of realRecords) {
  const record = r['record']!;
  const ext = r['external_id']!;
  const idBase = `real-${ext.replace(/^mos-shot-/, '')}`;
  const chinese = record.split(' ').filter((w) => /^[А-ЯЁ][а-яё]*(-[А-ЯЁ][а-яё]*)*$/.test(w) && !/(вич|вна)$/.test(w)).slice(0, record.includes('-') ? 1 : 3).join(' ');
  const src = MOS_SOURCE(ext);
  const note = r['note'] ?? '';
  cyrillicQueries(idBase, record, chinese, undefined, src, note);
  latinRussian(idBase, record, chinese, src, note);
  if (r['reading'] !== '') {
    pinyinQueries(idBase, record, parseName(r['reading']!), src, 'no characters in the record: toneless reading of the Cyrillic', false);
    wadeGilesQueries(idBase, record, r['wade_giles'] ?? '', src, 'Wade–Giles of the reading');
  }
  const syls = chinese.split(/[-\s]+/);
  if (syls.length > 1) caseEndingQuery(idBase, record, `${syls[0]} ${capitalise(syls.slice(1).join('').toLowerCase())}`, src);
}
// surname-only queries on real records whose surname no other devset record shares
add('real-63-207', 'Ой-Ян-Шин', 'surname-only', 'Ouyang', MOS_SOURCE('mos-shot-63-207'), 'compound surname written Ой-Ян; also matches other Ouyang records');
add('real-63-207', 'Ой-Ян-Шин', 'surname-only', '欧阳', MOS_SOURCE('mos-shot-63-207'), 'Ouyang is written 欧阳 only; the record gives no characters; also matches other Ouyang records');
add('real-6-90', 'Юань-Дао-Синь', 'surname-only', 'Yuan', MOS_SOURCE('mos-shot-6-90'), 'surname only; also matches other Yuan records');
add('real-54-10', 'Гуань-Цзы-У', 'surname-only', 'Guan', MOS_SOURCE('mos-shot-54-10'), 'surname only; also matches other Guan records');
add('real-29-129', 'Мын-Бин-Юй Франц Эдуардович', 'surname-only', 'Meng', MOS_SOURCE('mos-shot-29-129'), 'surname only, old Мын for Мэн; also matches other Meng records');

// ---------- well-known people ----------
const people = readTsv('people.tsv');
people.forEach((p, i) => {
  const n = parseName(p['pinyin']!);
  const { sur, giv } = PAL(n);
  const std = recordStyle(sur, giv);
  const noise = i % 4 === 1 ? 'e' : i % 6 === 3 ? 'soft' : '';
  const record = applyNoise(std, noise);
  const idBase = `wk-${p['id']}`;
  const src = `Wikipedia: ${p['en_wiki']}; Russian Wikipedia: ${p['ru_wiki']}`;
  const rnote = [noiseNote(noise), p['note'] ?? ''].filter(Boolean).join('; ');
  add(idBase, record, 'hanzi', p['hanzi']!, src, rnote);
  if (p['traditional'] !== p['hanzi']) add(idBase, record, 'hanzi-traditional', p['traditional']!, src, rnote);
  pinyinQueries(idBase, record, n, src, rnote, true);
  wadeGilesQueries(idBase, record, p['wade_giles']!, src, rnote);
  const modern = modernStyle(sur, giv);
  cyrillicQueries(idBase, record, record, modern, src, rnote);
  caseEndingQuery(idBase, record, p['ru_wiki'] || modern, src);
  if (record !== std) add(idBase, record, 'cyrillic-variant', std, src, `${rnote}; standard Palladius spelling`);
  latinRussian(idBase, record, record, src, rnote);
});
// Conventional names that no syllable rule can derive: they need an alias lexicon.
const alias = (id: string, record: string, kind: DevsetKind, q: string, src: string, note: string): void =>
  add(`wk-${id}`, record, kind, q, src, `alias: ${note}`);
alias('jiang-jieshi', 'Цзян-Цзе-Ши', 'cyrillic-variant', 'Чан Кайши', 'Russian Wikipedia: Чан Кайши', 'conventional Russian name of 蒋介石');
alias('jiang-jieshi', 'Цзян-Цзе-Ши', 'wade-giles', 'Chiang Kai-shek', 'Wikipedia: Chiang Kai-shek', 'Cantonese-based English name of 蒋介石');
alias('sun-yixian', 'Сунь-И-Сянь', 'cyrillic-variant', 'Сунь Ятсен', 'Russian Wikipedia: Сунь Ятсен', 'conventional Russian name of 孙逸仙');
alias('sun-yixian', 'Сунь-И-Сянь', 'wade-giles', 'Sun Yat-sen', 'Wikipedia: Sun Yat-sen', 'Cantonese-based English name of 孙逸仙');
alias('qu-qiubai', 'Цюй-Цю-Бай', 'cyrillic-variant', 'Цюй Цюбо', 'Russian Wikipedia: Цюй Цюбо', 'old бо for bai');
// Chiang Ching-kuo lived in the USSR as Николай Владимирович Елизаров: a record under that name only.
const elizarov = 'Елизаров Николай Владимирович';
const ccSrc = 'Wikipedia: Chiang Ching-kuo; Russian Wikipedia: Цзян Цзинго';
add('wk-jiang-jingguo-ru', elizarov, 'cyrillic-variant', 'Николай Елизаров', ccSrc, 'Russian name used by 蒋经国 in the USSR; Russian-name matching');
add('wk-jiang-jingguo-ru', elizarov, 'latin-russian', 'Nikolai Elizarov', ccSrc, 'Russian name used by 蒋经国 in the USSR');
add('wk-jiang-jingguo-ru', elizarov, 'hanzi', '蒋经国', ccSrc, 'alias: record under a Russian name only; findable only through an attested alias');
// surname-only: compound and special-reading surnames (other records with the same surname also count)
for (const [id, q, note] of [
  ['ouyang-yuqian', '欧阳', 'compound surname'], ['ouyang-yuqian', 'Ouyang', 'compound surname'],
  ['sima-qian', '司马', 'compound surname'], ['sima-qian', 'Sima', 'compound surname'], ['sima-qian', 'Сыма', 'compound surname'],
  ['zhuge-liang', '诸葛', 'compound surname'], ['zhuge-liang', 'Zhuge', 'compound surname'], ['zhuge-liang', 'Chu-ko', 'compound surname, Wade–Giles'],
  ['shan-tianfang', '单', 'surname 单 reads Shàn (not dān)'], ['zeng-guofan', '曾', 'surname 曾 reads Zēng (not céng)'],
  ['qiu-ying', '仇', 'surname 仇 reads Qiú (not chóu)'], ['xie-jin', '解', 'surname 解 reads Xiè (not jiě)'],
  ['nie-rongzhen', '聂', 'surname'], ['nie-rongzhen', 'Nie', 'surname'], ['qu-qiubai', '瞿', 'surname'], ['qu-qiubai', 'Ch\'ü', 'surname, Wade–Giles'],
] as const) {
  const row = rows.find((r) => r.id.startsWith(`wk-${id}-`));
  if (row === undefined) throw new Error(id);
  add(`wk-${id}`, row.record, 'surname-only', q, row.source, `${note}; other records with this surname also count`);
}

// ---------- synthetic people ----------
for (const s of readTsv('synthetic.tsv')) {
  const n = parseName(s['pinyin']!);
  const { sur, giv } = PAL(n);
  const noise = s['noise'] ?? '';
  const record = applyNoise(recordStyle(sur, giv), noise);
  const idBase = s['id']!;
  const src = 'synthetic: invented name with plausible characters, not a real person';
  const note = noiseNote(noise);
  add(idBase, record, 'hanzi', s['hanzi']!, src, note);
  if (s['traditional'] !== s['hanzi']) add(idBase, record, 'hanzi-traditional', s['traditional']!, src, note);
  add(idBase, record, 'hanzi', `${s['hanzi']!.slice(0, n.surname.length)} ${s['hanzi']!.slice(n.surname.length)}`, src, `${note ? `${note}; ` : ''}space after the surname`);
  pinyinQueries(idBase, record, n, src, note, true);
  add(idBase, record, 'cyrillic-variant', modernStyle(sur, giv), src, `${note ? `${note}; ` : ''}modern spelling`);
  caseEndingQuery(idBase, record, modernStyle(sur, giv), src);
}

// ---------- southern (Cantonese) records ----------
// Synthetic people whose record a clerk wrote from a Cantonese pronunciation
// (Hong Kong-style romanisation heard as Cyrillic: Wong → Вонг, Yip → Ип),
// hand-written in southern.tsv; the family types the characters.
for (const s of readTsv('southern.tsv')) {
  const src = `synthetic: invented name, Cantonese ${s['jyutping']}; not a real person`;
  add(s['id']!, s['record']!, 'southern', s['traditional']!, src, s['note'] ?? '');
  add(s['id']!, s['record']!, 'southern', s['hanzi']!, src, `${s['note'] ?? ''}; simplified`);
}

// ---------- checks and output ----------
const realNames = new Set(realRecords.map((r) => recordKey(r['record']!)));
for (const r of rows) {
  if (!r.id.startsWith('real-') && realNames.has(recordKey(r.record))) throw new Error(`synthetic or well-known record equals a real record: ${r.record}`);
  if (/\t|\n/.test(r.query + r.record + r.note + r.source)) throw new Error(`tab or newline in row ${r.id}`);
}
rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
writeFileSync(DEVSET_PATH, [DEVSET_HEADER.join('\t'), ...rows.map((r) => DEVSET_HEADER.map((h) => r[h]).join('\t'))].join('\n') + '\n');
const counts: Record<string, number> = {};
for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
console.log(`devset.tsv: ${rows.length} rows, ${new Set(rows.map((r) => r.record)).size} records`, counts);
