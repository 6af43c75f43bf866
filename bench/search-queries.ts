/**
 * The queries of `npm run bench:search`: ordinary ones, each made from a known
 * generated record (so the benchmark can say whether it found that record),
 * and the fixed list of hostile ones (`--worst`).
 */
import { encodeCursor } from '../src/shared/pagination.ts';
import { decode, toWadeGiles } from '../src/core/transliteration/index.ts';
import { COMMON_SURNAMES } from '../src/core/transliteration/tables/common-surnames.data.ts';
import { generateRecordRows } from './generate-records.ts';

export interface BenchQuery {
  kind: string;
  q: string;
  /** The record the query was made from; none for surname-only queries (thousands of right answers). */
  target?: { externalId: string; fullName: string };
  /** Extra query parameters (hostile queries: filters, cursors). */
  params?: Record<string, string>;
}

// Characters for the syllables of generated names: the common-surname table,
// and one usual given-name character per syllable.
const GIVEN_HANZI: Record<string, string> = Object.fromEntries(
  pairsOf(`
  cheng 成 wei 伟 jin 金 tian 田 wen 文 gui 贵 zi 子 hai 海 luo 罗 li 立 yi 义 xie 谢
  shan 山 zheng 正 su 苏 xi 希 fang 方 chang 昌 sheng 生 ling 玲 yao 耀 peng 鹏 cai 才 tang 堂
  zhu 珠 xiang 祥 pan 攀 jiang 江 ma 马 xin 新 feng 峰 deng 登 yang 阳 ping 平 kai 凯 sang 桑
  sun 孙 ting 廷 he 和 lin 林 hu 虎 wu 武 fu 福 lu 路 xing 兴 quan 全 tai 泰 xu 旭
  fa 发 zhao 昭 dong 东 liu 柳 san 三 guo 国 ming 明 yu 玉 ren 仁 zeng 增 xiao 晓 dao 道
  zhang 章 ding 鼎 qing 清 han 汉 ye 业 bao 宝 hua 华 zhou 舟 jing 景 wang 旺 cao 草 de 德
  shou 寿 du 都 shen 深 yong 永 cui 翠 huang 煌 chun 春 yuan 元 liang 良 song 松 gao 高 a 阿
  you 友 jie 杰 qiang 强 hong 红 guang 光 yun 云`),
);

function pairsOf(text: string): Array<[string, string]> {
  const words = text.split(/\s+/).filter(Boolean);
  return words.flatMap((w, i) => (i % 2 === 0 ? [[w, words[i + 1]!] as [string, string]] : []));
}
const SURNAME_HANZI = new Map<string, string>();
for (const [pinyin, hanzi] of COMMON_SURNAMES) if (!SURNAME_HANZI.has(pinyin)) SURNAME_HANZI.set(pinyin, hanzi);

type Row = { external_id: string; full_name: string };

/** A deterministic mix: characters, pinyin, Wade–Giles, Cyrillic, surname-only, Russian names. */
export function buildQueries(n: number, records: number, seed: number): BenchQuery[] {
  const chinese: Row[] = [];
  const russian: Row[] = [];
  for (const row of generateRecordRows(Math.min(records, 200_000), seed)) {
    if (/[кК]ита/.test(row.nationality)) chinese.push(row);
    else russian.push(row);
  }
  const out: BenchQuery[] = [];
  const kinds = ['hanzi', 'pinyin', 'wade-giles', 'cyrillic', 'surname', 'russian'] as const;
  for (let i = 0; out.length < n; i++) {
    const kind = kinds[i % kinds.length]!;
    const row = chinese[(i * 7919) % chinese.length]!;
    const name = row.full_name;
    const target = { externalId: row.external_id, fullName: name };
    const reading = decode(name, { maxReadings: 1 }).readings[0];
    const syllables = reading?.pinyin.split(' ') ?? [];
    const pinyinName = syllables.length ? `${cap(syllables[0]!)} ${cap(syllables.slice(1).join(''))}` : '';
    switch (kind) {
      case 'hanzi': {
        const chars = syllables.map((s, j) => (j === 0 ? (SURNAME_HANZI.get(s) ?? GIVEN_HANZI[s]) : GIVEN_HANZI[s]));
        if (chars.every(Boolean)) out.push({ kind, q: chars.join(''), target });
        break;
      }
      case 'pinyin':
        if (pinyinName) out.push({ kind, q: pinyinName, target });
        break;
      case 'wade-giles':
        if (syllables.length) out.push({ kind, q: toWadeGiles(syllables), target });
        break;
      case 'cyrillic':
        out.push({ kind, q: i % 2 ? name : name.replace(/-/g, ' '), target });
        break;
      case 'surname':
        out.push({ kind, q: ['王', 'Wang', 'Ли', '张', 'Liu', 'Чжао'][i % 6]! });
        break;
      case 'russian': {
        const r = russian[(i * 104729) % russian.length]!;
        // Surname and given name as a family would type them; the patronymic is left out.
        out.push({ kind, q: r.full_name.split(' ').slice(0, 2).join(' '), target: { externalId: r.external_id, fullName: r.full_name } });
        break;
      }
    }
  }
  return out;
}

/**
 * The hostile list (issue 12): each the kind of request that could hold a core
 * for seconds before the search was bounded.
 */
export function hostileQueries(): BenchQuery[] {
  const patronymics = 'Иванович Николаевич Васильевич Михайлович Александрович Сергеевич Петрович Федорович';
  const fill = (unit: string) => unit.repeat(Math.ceil(200 / unit.length)).slice(0, 200).trim();
  return [
    { kind: 'nationality matches nothing', q: 'Ван', params: { nationality: 'zzz' } },
    { kind: 'nationality matches nothing, Latin', q: 'Wang', params: { nationality: 'zzz' } },
    { kind: 'five surnames, nationality matches nothing', q: 'wang li zhang liu chen', params: { nationality: 'zzz' } },
    { kind: 'five surnames', q: 'wang li zhang liu chen' },
    { kind: 'eight patronymics', q: patronymics },
    { kind: '200 × Cyrillic а', q: 'а'.repeat(200) },
    { kind: '200 × Latin a', q: 'a'.repeat(200) },
    { kind: '200 × 王', q: '王'.repeat(200) },
    { kind: '200 characters of patronymics', q: fill('Иванович ') },
    { kind: '200 characters of mixed scripts', q: fill('Ван Wang 王 Li 李 Ли ') },
    { kind: 'years in which no one was born', q: 'Ван', params: { birthYearFrom: '2050', birthYearTo: '2100' } },
    { kind: 'a rare year and a birthplace', q: 'Ван', params: { birthYear: '1870', birthplace: 'Shandong' } },
    { kind: 'a Russian nationality for a Chinese name', q: 'Ван Си Сян', params: { nationality: 'русский' } },
    { kind: 'common surname, deep cursor', q: 'Wang', params: { cursor: encodeCursor('0.3001:1'), limit: '100' } },
    { kind: 'common Russian name, deep cursor', q: 'Иванов Иван', params: { cursor: encodeCursor('0.3001:1'), limit: '100' } },
    { kind: 'common Russian name, a nationality none of them has', q: 'Иванов Иван', params: { nationality: 'китаец' } },
    { kind: 'common surname, a rare year and a nationality', q: 'Ван', params: { birthYear: '1870', nationality: 'китаец' } },
    { kind: 'common name misspelt (trigram probe)', q: 'Иваноф Иван' },
  ];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
