/**
 * What the seeder needs to know about each subject beyond the directory: a rough population (thousands,
 * 2024 order of magnitude) to spread people realistically, the dative form used in issuers' names
 * («ГУ МВД России по …»), the main cities for birth places, and the two letters of local birth
 * certificate series. Keyed by subject code (KOD_TF), never by ОКАТО.
 */
export interface SeedRegion {
  code: string;
  /** Population in thousands (approximate). */
  population: number;
  /** «по Тамбовской области», without «по». */
  dative: string;
  /** The kind of passport office: `gu` ГУ МВД России, `umvd` УМВД России, `mvd` МВД по (republics). */
  police: 'gu' | 'umvd' | 'mvd';
  cities: readonly string[];
  /**
   * For subjects that joined the Russian system later (Crimea and Sevastopol in 2014, the four new
   * subjects in 2022): from when Russian passports were issued there, and from when its people are in
   * the unified register.
   */
  joined?: { passports: string; register: string };
}

const CRIMEA = { passports: '2014-04-01', register: '2015-01-01' } as const;
const NEW_SUBJECTS = { passports: '2022-10-05', register: '2023-01-01' } as const;

// prettier-ignore
export const SEED_REGIONS: readonly SeedRegion[] = [
  { code: '01', population: 500, dative: 'Республике Адыгея', police: 'mvd', cities: ['Майкоп'] },
  { code: '02', population: 4000, dative: 'Республике Башкортостан', police: 'mvd', cities: ['Уфа', 'Стерлитамак'] },
  { code: '03', population: 970, dative: 'Республике Бурятия', police: 'mvd', cities: ['Улан-Удэ'] },
  { code: '04', population: 210, dative: 'Республике Алтай', police: 'mvd', cities: ['Горно-Алтайск'] },
  { code: '05', population: 3200, dative: 'Республике Дагестан', police: 'mvd', cities: ['Махачкала', 'Дербент'] },
  { code: '06', population: 520, dative: 'Республике Ингушетия', police: 'mvd', cities: ['Назрань', 'Магас'] },
  { code: '07', population: 900, dative: 'Кабардино-Балкарской Республике', police: 'mvd', cities: ['Нальчик'] },
  { code: '08', population: 260, dative: 'Республике Калмыкия', police: 'mvd', cities: ['Элиста'] },
  { code: '09', population: 470, dative: 'Карачаево-Черкесской Республике', police: 'mvd', cities: ['Черкесск'] },
  { code: '10', population: 530, dative: 'Республике Карелия', police: 'mvd', cities: ['Петрозаводск'] },
  { code: '11', population: 730, dative: 'Республике Коми', police: 'mvd', cities: ['Сыктывкар', 'Ухта'] },
  { code: '12', population: 670, dative: 'Республике Марий Эл', police: 'mvd', cities: ['Йошкар-Ола'] },
  { code: '13', population: 770, dative: 'Республике Мордовия', police: 'mvd', cities: ['Саранск'] },
  { code: '14', population: 1000, dative: 'Республике Саха (Якутия)', police: 'mvd', cities: ['Якутск'] },
  { code: '15', population: 680, dative: 'Республике Северная Осетия — Алания', police: 'mvd', cities: ['Владикавказ'] },
  { code: '16', population: 4000, dative: 'Республике Татарстан', police: 'mvd', cities: ['Казань', 'Набережные Челны'] },
  { code: '17', population: 340, dative: 'Республике Тыва', police: 'mvd', cities: ['Кызыл'] },
  { code: '18', population: 1450, dative: 'Удмуртской Республике', police: 'mvd', cities: ['Ижевск'] },
  { code: '19', population: 530, dative: 'Республике Хакасия', police: 'mvd', cities: ['Абакан'] },
  { code: '20', population: 1550, dative: 'Чеченской Республике', police: 'mvd', cities: ['Грозный'] },
  { code: '21', population: 1180, dative: 'Чувашской Республике', police: 'mvd', cities: ['Чебоксары'] },
  { code: '22', population: 2100, dative: 'Алтайскому краю', police: 'gu', cities: ['Барнаул', 'Бийск'] },
  { code: '23', population: 5800, dative: 'Краснодарскому краю', police: 'gu', cities: ['Краснодар', 'Сочи', 'Новороссийск'] },
  { code: '24', population: 2850, dative: 'Красноярскому краю', police: 'gu', cities: ['Красноярск', 'Норильск'] },
  { code: '25', population: 1820, dative: 'Приморскому краю', police: 'gu', cities: ['Владивосток', 'Уссурийск'] },
  { code: '26', population: 2900, dative: 'Ставропольскому краю', police: 'gu', cities: ['Ставрополь', 'Пятигорск'] },
  { code: '27', population: 1280, dative: 'Хабаровскому краю', police: 'umvd', cities: ['Хабаровск', 'Комсомольск-на-Амуре'] },
  { code: '28', population: 750, dative: 'Амурской области', police: 'umvd', cities: ['Благовещенск'] },
  { code: '29', population: 960, dative: 'Архангельской области', police: 'umvd', cities: ['Архангельск', 'Северодвинск'] },
  { code: '30', population: 950, dative: 'Астраханской области', police: 'umvd', cities: ['Астрахань'] },
  { code: '31', population: 1500, dative: 'Белгородской области', police: 'umvd', cities: ['Белгород', 'Старый Оскол'] },
  { code: '32', population: 1150, dative: 'Брянской области', police: 'umvd', cities: ['Брянск'] },
  { code: '33', population: 1330, dative: 'Владимирской области', police: 'umvd', cities: ['Владимир', 'Ковров'] },
  { code: '34', population: 2450, dative: 'Волгоградской области', police: 'gu', cities: ['Волгоград', 'Волжский'] },
  { code: '35', population: 1130, dative: 'Вологодской области', police: 'umvd', cities: ['Вологда', 'Череповец'] },
  { code: '36', population: 2280, dative: 'Воронежской области', police: 'gu', cities: ['Воронеж'] },
  { code: '37', population: 920, dative: 'Ивановской области', police: 'umvd', cities: ['Иваново'] },
  { code: '38', population: 2350, dative: 'Иркутской области', police: 'gu', cities: ['Иркутск', 'Братск', 'Ангарск'] },
  { code: '39', population: 1030, dative: 'Калининградской области', police: 'umvd', cities: ['Калининград'] },
  { code: '40', population: 1070, dative: 'Калужской области', police: 'umvd', cities: ['Калуга', 'Обнинск'] },
  { code: '41', population: 290, dative: 'Камчатскому краю', police: 'umvd', cities: ['Петропавловск-Камчатский'] },
  { code: '42', population: 2550, dative: 'Кемеровской области — Кузбассу', police: 'gu', cities: ['Кемерово', 'Новокузнецк'] },
  { code: '43', population: 1130, dative: 'Кировской области', police: 'umvd', cities: ['Киров'] },
  { code: '44', population: 570, dative: 'Костромской области', police: 'umvd', cities: ['Кострома'] },
  { code: '45', population: 760, dative: 'Курганской области', police: 'umvd', cities: ['Курган'] },
  { code: '46', population: 1080, dative: 'Курской области', police: 'umvd', cities: ['Курск'] },
  { code: '47', population: 2000, dative: 'г. Санкт-Петербургу и Ленинградской области', police: 'gu', cities: ['Гатчина', 'Выборг', 'Всеволожск'] },
  { code: '48', population: 1130, dative: 'Липецкой области', police: 'umvd', cities: ['Липецк', 'Елец'] },
  { code: '49', population: 140, dative: 'Магаданской области', police: 'umvd', cities: ['Магадан'] },
  { code: '50', population: 8600, dative: 'Московской области', police: 'gu', cities: ['Балашиха', 'Подольск', 'Химки', 'Мытищи', 'Королёв', 'Красногорск'] },
  { code: '51', population: 660, dative: 'Мурманской области', police: 'umvd', cities: ['Мурманск'] },
  { code: '52', population: 3100, dative: 'Нижегородской области', police: 'gu', cities: ['Нижний Новгород', 'Дзержинск'] },
  { code: '53', population: 580, dative: 'Новгородской области', police: 'umvd', cities: ['Великий Новгород'] },
  { code: '54', population: 2800, dative: 'Новосибирской области', police: 'gu', cities: ['Новосибирск'] },
  { code: '55', population: 1800, dative: 'Омской области', police: 'umvd', cities: ['Омск'] },
  { code: '56', population: 1840, dative: 'Оренбургской области', police: 'umvd', cities: ['Оренбург', 'Орск'] },
  { code: '57', population: 690, dative: 'Орловской области', police: 'umvd', cities: ['Орёл'] },
  { code: '58', population: 1240, dative: 'Пензенской области', police: 'umvd', cities: ['Пенза'] },
  { code: '59', population: 2500, dative: 'Пермскому краю', police: 'gu', cities: ['Пермь', 'Березники'] },
  { code: '60', population: 580, dative: 'Псковской области', police: 'umvd', cities: ['Псков', 'Великие Луки'] },
  { code: '61', population: 4150, dative: 'Ростовской области', police: 'gu', cities: ['Ростов-на-Дону', 'Таганрог', 'Шахты'] },
  { code: '62', population: 1080, dative: 'Рязанской области', police: 'umvd', cities: ['Рязань'] },
  { code: '63', population: 3150, dative: 'Самарской области', police: 'gu', cities: ['Самара', 'Тольятти'] },
  { code: '64', population: 2400, dative: 'Саратовской области', police: 'gu', cities: ['Саратов', 'Энгельс'] },
  { code: '65', population: 460, dative: 'Сахалинской области', police: 'umvd', cities: ['Южно-Сахалинск'] },
  { code: '66', population: 4250, dative: 'Свердловской области', police: 'gu', cities: ['Екатеринбург', 'Нижний Тагил'] },
  { code: '67', population: 870, dative: 'Смоленской области', police: 'umvd', cities: ['Смоленск'] },
  { code: '68', population: 960, dative: 'Тамбовской области', police: 'umvd', cities: ['Тамбов', 'Мичуринск'] },
  { code: '69', population: 1200, dative: 'Тверской области', police: 'umvd', cities: ['Тверь'] },
  { code: '70', population: 1050, dative: 'Томской области', police: 'umvd', cities: ['Томск', 'Северск'] },
  { code: '71', population: 1500, dative: 'Тульской области', police: 'umvd', cities: ['Тула', 'Новомосковск'] },
  { code: '72', population: 1600, dative: 'Тюменской области', police: 'umvd', cities: ['Тюмень', 'Тобольск'] },
  { code: '73', population: 1180, dative: 'Ульяновской области', police: 'umvd', cities: ['Ульяновск', 'Димитровград'] },
  { code: '74', population: 3400, dative: 'Челябинской области', police: 'gu', cities: ['Челябинск', 'Магнитогорск'] },
  { code: '75', population: 1000, dative: 'Забайкальскому краю', police: 'umvd', cities: ['Чита'] },
  { code: '76', population: 1200, dative: 'Ярославской области', police: 'umvd', cities: ['Ярославль', 'Рыбинск'] },
  { code: '77', population: 13100, dative: 'г. Москве', police: 'gu', cities: ['Москва'] },
  { code: '78', population: 5600, dative: 'г. Санкт-Петербургу и Ленинградской области', police: 'gu', cities: ['Санкт-Петербург'] },
  { code: '79', population: 150, dative: 'Еврейской автономной области', police: 'umvd', cities: ['Биробиджан'] },
  { code: '83', population: 40, dative: 'Ненецкому автономному округу', police: 'umvd', cities: ['Нарьян-Мар'] },
  { code: '86', population: 1730, dative: 'Ханты-Мансийскому автономному округу — Югре', police: 'umvd', cities: ['Сургут', 'Нижневартовск', 'Ханты-Мансийск'] },
  { code: '87', population: 50, dative: 'Чукотскому автономному округу', police: 'umvd', cities: ['Анадырь'] },
  { code: '89', population: 510, dative: 'Ямало-Ненецкому автономному округу', police: 'umvd', cities: ['Новый Уренгой', 'Ноябрьск', 'Салехард'] },
  { code: '90', joined: NEW_SUBJECTS, population: 500, dative: 'Запорожской области', police: 'umvd', cities: ['Мелитополь', 'Бердянск'] },
  { code: '91', joined: CRIMEA, population: 1900, dative: 'Республике Крым', police: 'mvd', cities: ['Симферополь', 'Керчь', 'Евпатория'] },
  { code: '92', joined: CRIMEA, population: 560, dative: 'г. Севастополю', police: 'umvd', cities: ['Севастополь'] },
  { code: '93', joined: NEW_SUBJECTS, population: 2300, dative: 'Донецкой Народной Республике', police: 'mvd', cities: ['Донецк', 'Макеевка', 'Мариуполь'] },
  { code: '94', joined: NEW_SUBJECTS, population: 1400, dative: 'Луганской Народной Республике', police: 'mvd', cities: ['Луганск', 'Алчевск'] },
  { code: '95', joined: NEW_SUBJECTS, population: 400, dative: 'Херсонской области', police: 'umvd', cities: ['Геническ', 'Скадовск'] },
];

/** Cities of the USSR outside today's Russia, for birth places of people born before 1992. */
export const SOVIET_BIRTH_PLACES: readonly string[] = [
  'Казахская ССР, г. Караганда',
  'Казахская ССР, г. Алма-Ата',
  'Узбекская ССР, г. Ташкент',
  'Украинская ССР, г. Харьков',
  'Белорусская ССР, г. Гомель',
  'Киргизская ССР, г. Фрунзе',
  'Латвийская ССР, г. Рига',
  'Молдавская ССР, г. Кишинёв',
];

/** Letters used in the two-letter part of birth certificate series (Ё, Й, Ъ, Ы, Ь left out). */
const SERIES_LETTERS = 'АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ';

/** The two letters of a subject's birth certificate series: fixed per subject, Moscow's are «МЮ». */
export function birthCertificateLetters(subjectCode: string): string {
  if (subjectCode === '77') return 'МЮ';
  const n = Number(subjectCode);
  const a = SERIES_LETTERS[(n * 7 + 3) % SERIES_LETTERS.length]!;
  const b = SERIES_LETTERS[(n * 13 + 11) % SERIES_LETTERS.length]!;
  return a + b;
}

/**
 * The two birth-certificate series of a subject for a birth year: a numeral by the year and the region
 * (the second once the first runs out of numbers) and the region's letters, e.g. `IV-МЮ`, `XXIII-МЮ`.
 */
export function birthCertificateSeries(birthYear: number, subjectCode: string): readonly [string, string] {
  const letters = birthCertificateLetters(subjectCode);
  const base = 1 + ((birthYear * 7 + Number(subjectCode)) % 19);
  return [`${romanNumeral(base)}-${letters}`, `${romanNumeral(base + 19)}-${letters}`];
}

/** Roman numerals I…XXXIX, for the numeral part of birth certificate series. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 39) throw new RangeError(`Numeral out of range: ${n}`);
  const tens = ['', 'X', 'XX', 'XXX'][Math.floor(n / 10)]!;
  const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10]!;
  return tens + ones;
}

const MVD_FROM = Date.UTC(2016, 5, 1) / 86_400_000;
const FMS_FROM = Date.UTC(2005, 0, 1) / 86_400_000;
const issuers = new Map<string, readonly [string, string, string, string]>();

/**
 * The passport office on a given day (epoch days): УВД before 2005, УФМС until June 2016 (when the ФМС
 * was merged into the МВД), then the regional МВД body. Strings are cached: the generator reuses them.
 */
export function passportIssuer(region: SeedRegion, day: number): string {
  let names = issuers.get(region.code);
  if (!names) {
    const mvd =
      region.police === 'gu'
        ? `ГУ МВД России по ${region.dative}`
        : region.police === 'mvd'
          ? `МВД по ${region.dative}`
          : `УМВД России по ${region.dative}`;
    names = [
      `УВД по ${region.dative}`,
      `УФМС России по ${region.dative}`,
      mvd,
      `Отдел ЗАГС по ${region.dative}`,
    ];
    issuers.set(region.code, names);
  }
  return day < FMS_FROM ? names[0] : day < MVD_FROM ? names[1] : names[2];
}

/** The civil registry office that issues birth certificates in the region. */
export function registryOffice(region: SeedRegion): string {
  passportIssuer(region, 0);
  return issuers.get(region.code)![3];
}

const birthPlaces = new Map<string, string>();

/** «г. Казань», cached. */
export function birthPlaceOf(city: string): string {
  let s = birthPlaces.get(city);
  if (s === undefined) birthPlaces.set(city, (s = `г. ${city}`));
  return s;
}
