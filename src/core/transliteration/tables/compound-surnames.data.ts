/**
 * Two-character (compound) surnames, written like two syllables in the records
 * (`Ой-Ян-…`). `prefer`: take the compound reading when the first two syllables of a
 * name of three or more syllables match. Dongfang is not preferred because Dong + a
 * given name starting with Fang is far more common than the compound surname.
 */
export interface CompoundSurname {
  pinyin: [string, string];
  hanzi: string;
  prefer: boolean;
}

export const COMPOUND_SURNAMES: readonly CompoundSurname[] = [
  { pinyin: ['ou', 'yang'], hanzi: '欧阳', prefer: true },
  { pinyin: ['si', 'ma'], hanzi: '司马', prefer: true },
  { pinyin: ['zhu', 'ge'], hanzi: '诸葛', prefer: true },
  { pinyin: ['si', 'tu'], hanzi: '司徒', prefer: true },
  { pinyin: ['shang', 'guan'], hanzi: '上官', prefer: true },
  { pinyin: ['dong', 'fang'], hanzi: '东方', prefer: false },
  { pinyin: ['huang', 'fu'], hanzi: '皇甫', prefer: true },
  { pinyin: ['gong', 'sun'], hanzi: '公孙', prefer: true },
  { pinyin: ['mu', 'rong'], hanzi: '慕容', prefer: true },
  { pinyin: ['xia', 'hou'], hanzi: '夏侯', prefer: true },
  { pinyin: ['zhang', 'sun'], hanzi: '长孙', prefer: true },
  { pinyin: ['yu', 'chi'], hanzi: '尉迟', prefer: true },
  { pinyin: ['du', 'gu'], hanzi: '独孤', prefer: true },
  { pinyin: ['ling', 'hu'], hanzi: '令狐', prefer: true },
  { pinyin: ['zhong', 'li'], hanzi: '钟离', prefer: false },
  { pinyin: ['yu', 'wen'], hanzi: '宇文', prefer: true },
  { pinyin: ['xian', 'yu'], hanzi: '鲜于', prefer: true },
  { pinyin: ['wen', 'ren'], hanzi: '闻人', prefer: false },
  { pinyin: ['xi', 'men'], hanzi: '西门', prefer: true },
  { pinyin: ['nan', 'gong'], hanzi: '南宫', prefer: true },
  { pinyin: ['duan', 'mu'], hanzi: '端木', prefer: true },
  { pinyin: ['tai', 'shi'], hanzi: '太史', prefer: false },
  { pinyin: ['hu', 'yan'], hanzi: '呼延', prefer: true },
  { pinyin: ['tan', 'tai'], hanzi: '澹台', prefer: true },
  { pinyin: ['gong', 'ye'], hanzi: '公冶', prefer: false },
  { pinyin: ['zong', 'zheng'], hanzi: '宗政', prefer: false },
  { pinyin: ['pu', 'yang'], hanzi: '濮阳', prefer: true },
  { pinyin: ['chun', 'yu'], hanzi: '淳于', prefer: true },
  { pinyin: ['shen', 'tu'], hanzi: '申屠', prefer: true },
  { pinyin: ['he', 'lian'], hanzi: '赫连', prefer: true },
  { pinyin: ['zhang', 'jia'], hanzi: '章佳', prefer: false },
];
