import type { Term } from './explain.types.ts';

/** Article 58 of the Criminal Code of the RSFSR (1926 edition, as amended 1934): the "counter-revolutionary crimes". */
const CODE = 'Criminal Code of the RSFSR, 1926 edition, art. 58 (as amended 8 June 1934)';

/** Charges, by article number and by the words the records use. */
export const CHARGES: readonly Term[] = [
  { ru: ['58-1а', '58-1 а', '58-1"а"'], zh: '第58-1a条：背叛祖国', en: 'art. 58-1a: treason against the Motherland', source: CODE },
  { ru: ['измена Родине'], zh: '背叛祖国', en: 'treason against the Motherland' },
  { ru: ['58-1б', '58-1 б', '58-1"б"'], zh: '第58-1b条：军人叛国', en: 'art. 58-1b: treason by a serviceman', source: CODE },
  { ru: ['58-2'], zh: '第58-2条：武装暴动', en: 'art. 58-2: armed uprising', source: CODE },
  { ru: ['вооруженное восстание'], zh: '武装暴动', en: 'armed uprising' },
  { ru: ['58-4'], zh: '第58-4条：援助国际资产阶级', en: 'art. 58-4: aiding the international bourgeoisie', source: CODE },
  { ru: ['помощь международной буржуазии'], zh: '援助国际资产阶级', en: 'aiding the international bourgeoisie' },
  { ru: ['58-6'], zh: '第58-6条：间谍活动', en: 'art. 58-6: espionage', source: CODE },
  { ru: ['шпионаж', 'шпионаже', 'шпионской деятельности', 'шпионская деятельность'], zh: '间谍活动', en: 'espionage' },
  { ru: ['58-7'], zh: '第58-7条：破坏（“怠工破坏”）', en: 'art. 58-7: wrecking', source: CODE },
  { ru: ['вредительство', 'вредительстве'], zh: '破坏（“怠工破坏”）', en: 'wrecking' },
  { ru: ['58-8'], zh: '第58-8条：恐怖活动', en: 'art. 58-8: terrorism', source: CODE },
  { ru: ['террор', 'терроре', 'террористическая деятельность', 'террористической деятельности'], zh: '恐怖活动', en: 'terrorism' },
  { ru: ['58-9'], zh: '第58-9条：破坏活动（爆破）', en: 'art. 58-9: sabotage (diversion)', source: CODE },
  { ru: ['диверсия', 'диверсии'], zh: '破坏活动（爆破）', en: 'sabotage (diversion)' },
  { ru: ['58-10'], zh: '第58-10条：反苏宣传鼓动', en: 'art. 58-10: anti-Soviet agitation', source: CODE },
  { ru: ['антисоветская агитация', 'антисоветской агитации', 'КРА', 'к/р агитация', 'к/р агитации'], zh: '反苏宣传鼓动', en: 'anti-Soviet agitation' },
  { ru: ['58-11'], zh: '第58-11条：参加反革命组织', en: 'art. 58-11: membership of a counter-revolutionary organisation', source: CODE },
  { ru: ['участие в к/р организации', 'участии в к/р организации', 'участие в контрреволюционной организации', 'участии в контрреволюционной организации'], zh: '参加反革命组织', en: 'membership of a counter-revolutionary organisation' },
  { ru: ['58-14'], zh: '第58-14条：反革命怠工', en: 'art. 58-14: counter-revolutionary sabotage', source: CODE },
  { ru: ['контрреволюционный саботаж', 'к/р саботаж'], zh: '反革命怠工', en: 'counter-revolutionary sabotage' },
  { ru: ['КРД', 'к/р деятельность', 'к/р деятельности', 'контрреволюционная деятельность', 'контрреволюционной деятельности'], zh: '反革命活动', en: 'counter-revolutionary activity', source: CODE },
];
