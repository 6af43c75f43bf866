/**
 * A deterministic generator of Memorial-style rows (the columns of
 * mos-memo-shot.csv), for the import and search benchmarks. Mostly Russian
 * names as in the Moscow list, and 12% Chinese names in hyphenated Palladius
 * syllables («Ван-Си-Сян») born in Chinese provinces. Seeded PRNG: the same
 * (n, seed) always gives the same rows. These people are invented: the file is
 * for measuring speed only and must never be mixed with real records.
 *
 *   tsx bench/generate-records.ts --rows 1000000 --seed 1 --out /tmp/records.csv
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/shared/prng.ts';

export const GENERATED_COLUMNS = [
  'external_id', 'full_name', 'birth_year', 'birth_date', 'birthplace', 'nationality',
  'address', 'executed_on', 'burial_place', 'biography', 'source',
] as const;

export type GeneratedRow = Record<(typeof GENERATED_COLUMNS)[number], string>;

const SURNAMES = `Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков Алексеев Лебедев Семенов
Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов
Воробьев Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев Ильин Максимов Поляков Сорокин Виноградов Ковалев Белов
Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков
Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов
Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышев Быков Маслов Родионов Коновалов Лазарев Воронин Климов
Филатов Пономарев Голубев Кудрявцев Прохоров Наумов Потапов Журавлев Овчинников Трофимов Леонов Соболев Ермаков Колесников
Гончаров Емельянов Никифоров Грачев Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев
Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов
Князев Цветков Левин Митрофанов Воронов Аксенов Софронов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев Рыбаков
Сафонов Плотников Демин Хохлов Жданов Носков Рябов Фадеев Крон Берзин Озолин Калнин Шапиро Каган Рабинович Гольдман Левитан
Ковальский Новак Вишневский Левандовский Зеленский Шевченко Бондаренко Ткаченко Кравченко Коваленко Мельник Бойко Гарин Лукин`
  .split(/\s+/);
const MALE = `Иван Петр Алексей Николай Сергей Михаил Василий Федор Григорий Яков Андрей Дмитрий Павел Семен Степан Тимофей Егор Илья
Александр Владимир Борис Константин Леонид Матвей Никита Осип Роман Филипп Арнольд Ян Карл Эдуард Абрам Моисей Лев Давид Станислав
Юзеф Антон Кирилл Макар Прохор Захар Гавриил Ефим Артем Аркадий Виктор Георгий Герман Игнатий Лука Максим Тихон`.split(/\s+/);
const FEMALE = `Мария Анна Елена Ольга Татьяна Екатерина Александра Евдокия Прасковья Анастасия Нина Вера Любовь Надежда Софья Ирина
Клавдия Зинаида Антонина Раиса Юлия Ксения Полина Агафья Марфа`.split(/\s+/);
/** Palladius syllables: the stuff of «Ван-Си-Сян». */
const SYLLABLES = `Ван Ли Чжан Лю Чен Ян Хуан Чжао У Чжоу Сюй Сунь Ма Чжу Ху Го Хэ Гао Линь Ло Чжэн Лян Се Сун Тан Хань Фэн Дэн Цао Пэн
Цзэн Сяо Тянь Дун Пань Юань Цай Цзян Юй Ду Е Чэн Вэй Су Лу Дин Жэнь Шэнь Яо Цуй Фу Цзинь Си Сян Шань Мин Дэ Фа Бао Юн Шэн Чунь
Цин Лин Хай Вэнь Син Тин Гуй Сань Дао Синь Цзы Чан Хуа Пин Шоу Тай Фан Цюань Джин Сан Вей И Кай`.split(/\s+/);
const CN_PLACES = [
  'Китай, провинции Шаньдун', 'Китай, провинция Шан-Дунь', 'Китай, Шаньдунь', 'Китай, провинции Хо-Бэй', 'Китай, Хобэй',
  'Китай, провинции Че-Цзян', 'Китай, г. Пекин', 'Китай, г. Харбин', 'Китай, провинции Ляонин', 'Китай, г. Шанхай',
  'Китай, Маньчжурия, г. Мукден', 'Китай, провинции Хубэй', 'Китай, г. Потр-Артура', 'Китай',
];
const GUBERNIAS = ['Московская', 'Тверская', 'Рязанская', 'Тульская', 'Смоленская', 'Калужская', 'Владимирская', 'Ярославская', 'Самарская', 'Лифляндская', 'Витебская', 'Минская', 'Киевская', 'Полтавская', 'Черниговская'];
const UEZDS = ['Бузулукский', 'Валкский', 'Богородский', 'Клинский', 'Рузский', 'Коломенский', 'Егорьевский', 'Серпуховской', 'Дмитровский', 'Можайский'];
const VILLAGES = ['Маложданово', 'Стражас', 'Покровка', 'Никольское', 'Троицкое', 'Ивановка', 'Михайловка', 'Успенское', 'Воскресенское', 'Горки'];
const NATIONALITIES = ['русский', 'русский', 'русский', 'русский', 'еврей', 'поляк', 'латыш', 'украинец', 'немец', 'белорус', 'эстонец', ''];
const JOBS = ['механик', 'слесарь', 'бухгалтер', 'инженер', 'рабочий', 'счетовод', 'шофер', 'учитель', 'врач', 'сторож', 'начальник цеха', 'экономист'];
const CN_JOBS = ['прачка', 'гладильщик', 'фокусник', 'торговец', 'переводчик', 'рабочий', 'повар', 'чернорабочий'];
const PLACES_OF_WORK = ['завод "Серп и молот"', 'Мосэнерго', 'академия коммунального хозяйства', 'артель "Фотоснимок"', 'ЗИС', 'фабрика "Красный Октябрь"', 'Наркомтяжпром', 'прачечная "Коллективный труд"'];
const STREETS = ['1-я Авиамоторная ул.', 'Авиамоторная ул.', 'ул. Боровая', 'ул. Б. Бронная', '1-й Басманный пер.', 'Пушкинская ул.', 'ул. Горького', 'Таганская ул.', 'Покровка', 'Мясницкая ул.'];
const BURIALS = ['Бутово', 'Бутово', 'Бутово', 'Коммунарка', 'Донское', 'Ваганьковское'];

export function* generateRecordRows(n: number, seed = 1): Generator<GeneratedRow> {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  for (let i = 1; i <= n; i++) {
    const chinese = random() < 0.12;
    const female = random() < (chinese ? 0.08 : 0.12);
    let fullName: string;
    let birthplace: string;
    let nationality: string;
    let job: string;
    if (chinese) {
      const syllables = Array.from({ length: random() < 0.8 ? 3 : 2 }, () => pick(SYLLABLES));
      fullName = random() < 0.85 ? syllables.join('-') : `${syllables[0]} ${syllables.slice(1).join('-')}`;
      if (random() < 0.05) fullName += ` (${pick(MALE)} ${pick(MALE)}ович)`;
      birthplace = pick(CN_PLACES);
      nationality = female ? 'китаянка' : 'китаец';
      job = pick(CN_JOBS);
    } else {
      const surname = pick(SURNAMES);
      const father = pick(MALE);
      const patronymic = father.replace(/(ий|ей|ай)$/, 'ь').replace(/ь$/, '') + (female ? (/[ьйи]$/.test(father) ? 'евна' : 'овна') : /[ьйи]$/.test(father) ? 'евич' : 'ович');
      fullName = female ? `${surname.replace(/(ов|ев|ин|ын)$/, '$1а').replace(/ский$/, 'ская')} ${pick(FEMALE)} ${patronymic}` : `${surname} ${pick(MALE)} ${patronymic}`;
      birthplace = random() < 0.25 ? `г. Москва` : `${pick(GUBERNIAS)} губ., ${pick(UEZDS)} уезд, д. ${pick(VILLAGES)}`;
      nationality = female && /ий$/.test(pick(NATIONALITIES)) ? 'русская' : pick(NATIONALITIES);
      job = pick(JOBS);
    }
    const birthYear = random() < 0.004 ? '' : String(int(1870, 1920));
    const birthDate = birthYear && random() < 0.3 ? `${int(1, 28)}.${int(1, 12)}.${birthYear}` : '';
    const address = `${pick(STREETS)}, д.${int(1, 120)}, кв. ${int(1, 300)}`;
    const executed = `${int(1, 28)}.${String(int(1, 12)).padStart(2, '0')}.${int(1937, 1938)}`;
    const burial = pick(BURIALS);
    const page = Math.ceil(i / 100);
    const biography =
      `род. ${birthYear || '?'}, ${birthplace}, ${nationality || 'национальность не указана'}, б/п, ${pick(PLACES_OF_WORK)}: ${job}. ` +
      `Адрес: ${address}. Арестован ${int(1, 28)}.${int(1, 12)}.1937. Приговорен: Комиссией НКВД и прокурора СССР ${int(1, 28)}.${int(1, 12)}.1937, обв. шпионаж. ` +
      `Расстрелян ${executed}. Место захоронения: ${burial}. Реабилитирован ${int(1, 28)}.${int(1, 12)}.${int(1956, 1991)}`;
    yield {
      external_id: `gen-${seed}-${i}`,
      full_name: fullName,
      birth_year: birthYear,
      birth_date: birthDate,
      birthplace,
      nationality,
      address,
      executed_on: executed,
      burial_place: burial,
      biography,
      source: `Синтетический список (бенчмарк), стр. ${page}`,
    };
  }
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes n generated rows as UTF-8 CSV (the Moscow list's columns) to a file. */
export async function writeRecordsCsv(file: string, n: number, seed = 1): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write(`${GENERATED_COLUMNS.join(',')}\n`);
  let buffer = '';
  for (const row of generateRecordRows(n, seed)) {
    buffer += `${GENERATED_COLUMNS.map((c) => csvField(row[c])).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const n = Number(values.rows);
  const seed = Number(values.seed);
  if (!values.out) {
    process.stdout.write(`${GENERATED_COLUMNS.join(',')}\n`);
    for (const row of generateRecordRows(n, seed)) process.stdout.write(`${GENERATED_COLUMNS.map((c) => csvField(row[c])).join(',')}\n`);
  } else {
    await writeRecordsCsv(values.out, n, seed);
  }
}
