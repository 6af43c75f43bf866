/**
 * The most common Chinese single surnames (pinyin, simplified characters), used as a
 * prior: a reading whose first syllable is a known surname is slightly cheaper.
 * Roughly the top 100 of the modern frequency lists plus surnames frequent among
 * Shandong/Hebei migrants of the 1900s–1930s.
 */
export const COMMON_SURNAMES: readonly (readonly [string, string])[] = [
  ['wang', '王'], ['li', '李'], ['zhang', '张'], ['liu', '刘'], ['chen', '陈'], ['yang', '杨'], ['huang', '黄'],
  ['zhao', '赵'], ['wu', '吴'], ['zhou', '周'], ['xu', '徐'], ['sun', '孙'], ['ma', '马'], ['zhu', '朱'],
  ['hu', '胡'], ['guo', '郭'], ['he', '何'], ['gao', '高'], ['lin', '林'], ['luo', '罗'], ['zheng', '郑'],
  ['liang', '梁'], ['xie', '谢'], ['song', '宋'], ['tang', '唐'], ['han', '韩'], ['feng', '冯'], ['deng', '邓'],
  ['cao', '曹'], ['peng', '彭'], ['zeng', '曾'], ['xiao', '肖'], ['tian', '田'], ['dong', '董'], ['pan', '潘'],
  ['yuan', '袁'], ['cai', '蔡'], ['jiang', '蒋'], ['yu', '于'], ['du', '杜'], ['ye', '叶'], ['cheng', '程'],
  ['wei', '魏'], ['su', '苏'], ['lü', '吕'], ['ding', '丁'], ['ren', '任'], ['lu', '卢'], ['yao', '姚'],
  ['shen', '沈'], ['zhong', '钟'], ['jiang', '姜'], ['cui', '崔'], ['tan', '谭'], ['lu', '陆'], ['fan', '范'],
  ['wang', '汪'], ['liao', '廖'], ['shi', '石'], ['jin', '金'], ['wei', '韦'], ['jia', '贾'], ['xia', '夏'],
  ['fu', '付'], ['fang', '方'], ['zou', '邹'], ['xiong', '熊'], ['bai', '白'], ['meng', '孟'], ['qin', '秦'],
  ['qiu', '邱'], ['hou', '侯'], ['jiang', '江'], ['yin', '尹'], ['xue', '薛'], ['yan', '闫'], ['duan', '段'],
  ['lei', '雷'], ['long', '龙'], ['li', '黎'], ['shi', '史'], ['tao', '陶'], ['he', '贺'], ['mao', '毛'],
  ['hao', '郝'], ['gu', '顾'], ['gong', '龚'], ['shao', '邵'], ['wan', '万'], ['qian', '钱'], ['yan', '严'],
  ['lai', '赖'], ['qin', '覃'], ['hong', '洪'], ['wu', '武'], ['mo', '莫'], ['kong', '孔'], ['tang', '汤'],
  ['xiang', '向'], ['chang', '常'], ['wen', '温'], ['kang', '康'], ['shi', '施'], ['niu', '牛'], ['fu', '傅'],
  ['guan', '关'], ['mi', '米'], ['yue', '岳'], ['lan', '蓝'], ['qu', '曲'], ['che', '车'], ['zhan', '詹'],
  ['bao', '鲍'], ['mu', '穆'], ['ning', '宁'], ['geng', '耿'], ['ji', '纪'], ['ju', '鞠'], ['ling', '凌'],
  ['shan', '单'], ['qiu', '仇'], ['xie', '解'], ['ou', '欧'], ['yue', '乐'], ['pu', '蒲'], ['dai', '戴'],
];
