import type { ExplainLang } from './explain.types.ts';

/** Next steps are shown to Russian visitors too (the record page in ru has no explanation panel). */
export type StepsLang = ExplainLang | 'ru';

const LAW_1761 = 'Закон РФ от 18.10.1991 № 1761-1 «О реабилитации жертв политических репрессий», ст. 11 (relatives may read the case file and receive copies of its documents)';
const GARF_10035 = 'ГАРФ, фонд Р-10035: archival criminal cases of rehabilitated people repressed in Moscow and the Moscow region, transferred from the security service archive (as cited by Memorial’s Butovo research)';

/**
 * Where each street address was checked (2026-12-01, public pages found with the project's search
 * tool). Only the street and house are confirmed; the postcodes an earlier version gave from memory
 * (101000, 119435) were not found in any source, so they are left out rather than presented as fact.
 */
const FSB_MOSCOW_ADDRESS = 'street address: klerk.ru/boss/news/104228 (news of the opening of the new building of the FSB Directorate for Moscow and the Moscow Region: «ул. Большая Лубянка, д.20»); postcode not verified';
const GARF_ADDRESS = 'street address: Russian Wikipedia, «Государственный архив Российской Федерации» (infobox: ул. Большая Пироговская, 17; as mirrored at perceptiopt.com), and historyrussia.org, «ГА РФ: вчера, сегодня, завтра» (the building on Bolshaya Pirogovskaya street); postcode not verified';

/** An archive a family may write to. Addresses change: the page says to check them before sending. */
export interface Archive {
  id: string;
  ru: string;
  zh: string;
  en: string;
  /** Street and house only where a public source confirms them (see `source`); null when unknown. */
  address: string | null;
  holds: Readonly<Record<StepsLang, string>>;
  /** What the archive holds and, after «street address:», where its address was checked. */
  source: string;
}

export const ARCHIVES: readonly Archive[] = [
  {
    id: 'fsb-moscow',
    ru: 'Управление ФСБ России по г. Москве и Московской области (архив)',
    zh: '俄罗斯联邦安全局莫斯科市及莫斯科州局（档案室）',
    en: 'Directorate of the FSB of Russia for Moscow and the Moscow Region (its archive)',
    address: 'г. Москва, ул. Большая Лубянка, д. 20',
    holds: {
      zh: '莫斯科及莫斯科州被捕、被处决者的刑事案卷（尚未移交国家档案馆的部分）。',
      en: 'the criminal case files of people arrested in Moscow and the Moscow region that have not been transferred to a state archive.',
      ru: 'архивные уголовные дела арестованных в Москве и Московской области, не переданные в государственный архив.',
    },
    source: `The security service keeps the case files of the NKVD; Memorial, «Расстрелы в Москве», notes to the lists (mos.memo.ru); ${FSB_MOSCOW_ADDRESS}`,
  },
  {
    id: 'garf',
    ru: 'Государственный архив Российской Федерации (ГАРФ)',
    zh: '俄罗斯联邦国家档案馆（ГАРФ）',
    en: 'State Archive of the Russian Federation (GARF)',
    address: 'г. Москва, ул. Большая Пироговская, д. 17',
    holds: {
      zh: '已平反者的案卷（第Р-10035号全宗：莫斯科及莫斯科州）和检察机关的平反审查卷宗。',
      en: 'the case files of rehabilitated people (fond R-10035 for Moscow and the Moscow region) and the prosecutors’ rehabilitation files.',
      ru: 'дела реабилитированных (фонд Р-10035 — Москва и Московская область) и надзорные производства прокуратуры о реабилитации.',
    },
    source: `${GARF_10035}; ${GARF_ADDRESS}`,
  },
  {
    id: 'fsb-regional',
    ru: 'Управление ФСБ России по региону, где человек был арестован (архив)',
    zh: '被捕地所在地区的俄罗斯联邦安全局地方局（档案室）',
    en: 'the FSB directorate of the region where the person was arrested (its archive)',
    address: null,
    holds: {
      zh: '该地区被捕者的刑事案卷。',
      en: 'the criminal case files of people arrested in that region.',
      ru: 'архивные уголовные дела арестованных в этом регионе.',
    },
    source: LAW_1761,
  },
];

/** What a request must contain, in the visitor's language (the law that gives relatives the right: LAW_1761). */
export const REQUEST_CONTENTS: Readonly<Record<StepsLang, readonly string[]>> = {
  zh: [
    '当事人的姓名，与档案记录完全一致（俄文），以及其他已知写法；',
    '出生年份和出生地、被捕或被处决的日期（如已知）；',
    '申请人的姓名、通信地址和身份证件复印件；',
    '申请人与当事人亲属关系的证明（出生证明等，逐代相连）复印件；',
    '要求的内容：查阅案卷、获取文件复印件（照片、信件等个人文件可要求归还）、平反证明。',
  ],
  en: [
    'the person’s name exactly as the record writes it (in Russian), and other spellings you know;',
    'year and place of birth, and the date of arrest or execution if known;',
    'your own name, postal address and a copy of your identity document;',
    'copies of documents proving your relationship (birth certificates linking each generation);',
    'what you ask for: to read the case file, copies of its documents (personal papers such as photographs and letters may be returned), and a certificate of rehabilitation.',
  ],
  ru: [
    'фамилия, имя человека точно так, как в записи, и другие известные написания;',
    'год и место рождения, дата ареста или расстрела, если известны;',
    'ваши фамилия, имя, почтовый адрес и копия документа, удостоверяющего личность;',
    'копии документов, подтверждающих родство (свидетельства о рождении по каждому поколению);',
    'о чём вы просите: ознакомиться с делом, получить копии документов (личные документы, фотографии и письма могут вернуть) и справку о реабилитации.',
  ],
};

export const REQUEST_SOURCE = LAW_1761;

/**
 * The request letter, in Russian (the archives' language). `{…}` are filled
 * from the record; lines whose fields are missing are dropped; the requester's
 * details are blanks for the family to write.
 */
export const LETTER_TEMPLATE = {
  source: LAW_1761,
  lines: [
    'В {archive}',
    '{archiveAddress}',
    'от ________________________________ (фамилия, имя заявителя),',
    'проживающего по адресу: ________________________________',
    'телефон / e-mail: ________________________________',
    '',
    'ЗАЯВЛЕНИЕ',
    '',
    'Прошу сообщить, хранится ли в Вашем архиве уголовное дело в отношении моего родственника:',
    '{fullName}, {birthYear} г. р.',
    'место рождения (по данным записи): {birthplace};',
    'национальность: {nationality};',
    'последний адрес: {residence};',
    'дата ареста: {arrestDate};',
    'расстрелян(а): {executedOn}; место захоронения: {burialPlace};',
    'источник сведений: {source}, № записи {externalId}.',
    '',
    'На основании статьи 11 Закона РФ от 18.10.1991 № 1761-1 «О реабилитации жертв политических репрессий» прошу:',
    '1) разрешить мне ознакомиться с материалами дела;',
    '2) выдать копии документов дела, включая фотографии, и вернуть личные документы и письма, если они сохранились;',
    '3) сообщить, реабилитирован(а) ли он(а), и выдать справку о реабилитации.',
    '',
    'Я являюсь ________________ (степень родства). Копии документов, подтверждающих родство, и копию документа, удостоверяющего личность, прилагаю.',
    '',
    'Дата: ______________        Подпись: ______________',
  ],
} as const;
