import type { Term } from './explain.types.ts';

/** Article 58 of the Criminal Code of the RSFSR (1926 edition, as amended 1934): the "counter-revolutionary crimes". */
const CODE = 'Criminal Code of the RSFSR, 1926 edition, art. 58 (as amended 8 June 1934)';

/** Charges, by article number and by the words the records use. */
export const CHARGES: readonly Term[] = [
  { ru: ['58-1а', '58-1 а', '58-1"а"', 'измена Родине'], zh: '第58-1a条：背叛祖国', en: 'art. 58-1a: treason against the Motherland', source: CODE },
  { ru: ['58-1б', '58-1 б', '58-1"б"'], zh: '第58-1b条：军人叛国', en: 'art. 58-1b: treason by a serviceman', source: CODE },
  { ru: ['58-2', 'вооруженное восстание'], zh: '第58-2条：武装暴动', en: 'art. 58-2: armed uprising', source: CODE },
  { ru: ['58-4', 'помощь международной буржуазии'], zh: '第58-4条：援助国际资产阶级', en: 'art. 58-4: aiding the international bourgeoisie', source: CODE },
  { ru: ['58-6', 'шпионаж', 'шпионаже', 'шпионской деятельности', 'шпионская деятельность'], zh: '第58-6条：间谍活动', en: 'art. 58-6: espionage', source: CODE },
  { ru: ['58-7', 'вредительство', 'вредительстве'], zh: '第58-7条：破坏（“怠工破坏”）', en: 'art. 58-7: wrecking', source: CODE },
  { ru: ['58-8', 'террор', 'терроре', 'террористическая деятельность', 'террористической деятельности'], zh: '第58-8条：恐怖活动', en: 'art. 58-8: terrorism', source: CODE },
  { ru: ['58-9', 'диверсия', 'диверсии'], zh: '第58-9条：破坏活动（爆破）', en: 'art. 58-9: sabotage (diversion)', source: CODE },
  { ru: ['58-10', 'антисоветская агитация', 'антисоветской агитации', 'КРА', 'к/р агитация', 'к/р агитации'], zh: '第58-10条：反苏宣传鼓动', en: 'art. 58-10: anti-Soviet agitation', source: CODE },
  { ru: ['58-11', 'участие в к/р организации', 'участии в к/р организации', 'участие в контрреволюционной организации', 'участии в контрреволюционной организации'], zh: '第58-11条：参加反革命组织', en: 'art. 58-11: membership of a counter-revolutionary organisation', source: CODE },
  { ru: ['58-14', 'контрреволюционный саботаж', 'к/р саботаж'], zh: '第58-14条：反革命怠工', en: 'art. 58-14: counter-revolutionary sabotage', source: CODE },
  { ru: ['КРД', 'к/р деятельность', 'к/р деятельности', 'контрреволюционная деятельность', 'контрреволюционной деятельности'], zh: '反革命活动', en: 'counter-revolutionary activity', source: CODE },
];
