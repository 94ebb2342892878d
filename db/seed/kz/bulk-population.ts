import type { LocalDate } from '@/lib/domain/dates';
import { formIin } from '@/lib/domain/kz/iin';
import type { OsmsCategory } from '@/lib/domain/kz/categories';
import { monthNumber } from '@/lib/domain/kz/months';
import { employeeContribution, yearParameters, type OsmsParameters } from '@/lib/domain/kz/parameters';
import { addYears, dayParts, epochDay, isoDay } from '../copy-text';
import { Prng, WeightedTable } from '../prng';

/**
 * The plan of a synthetic ОСМС population (issue 14's benchmark register): who each person is and which
 * payments and category periods they have, deterministically from the seed. Plans are kept in typed arrays
 * (a few dozen bytes per person), so the loader can write the contributions month by month for the whole
 * population — the order in which a fund's ledger really fills — without holding the rows.
 *
 * Every person has at least 12 months of contributions. The shares follow the kinds the issue names:
 * employees with monthly employer payments, category members the state pays for (children, pensioners,
 * students, persons with disabilities…), registered unemployed paid by a local body, self-payers with gaps
 * (some in debt), advance payers (12 separate monthly payments), persons inside a grace period after
 * leaving a category, lump-sum payers (insured by nobody's rule), foreigners with a residence permit, and
 * a few category members who fell out of the data with a temporary status on an uploaded document.
 */

export const POPULATION_KINDS = [
  'employee',
  'state-category',
  'local-body',
  'self-with-gaps',
  'advance',
  'grace',
  'lump-sum',
  'foreign',
  'temporary',
] as const;
export type PopulationKind = (typeof POPULATION_KINDS)[number];

/** Shares of the kinds, in the order of POPULATION_KINDS. */
export const KIND_SHARES: Readonly<Record<PopulationKind, number>> = {
  employee: 0.5598,
  'state-category': 0.24,
  'local-body': 0.02,
  'self-with-gaps': 0.08,
  advance: 0.04,
  grace: 0.03,
  'lump-sum': 0.01,
  foreign: 0.02,
  temporary: 0.0002,
};

/** Who pays a monthly contribution, as kz_contributions.payer_kind says it. */
export const PAYER_KINDS = ['employer', 'self', 'state', 'local-body'] as const;
const EMPLOYER = 0;
const SELF = 1;
const STATE = 2;
const LOCAL_BODY = 3;

/** State-paid categories by their share among the state's members (children and pensioners dominate). */
const STATE_CATEGORY_WEIGHTS: readonly (readonly [OsmsCategory, number])[] = [
  ['CHILDREN', 0.45],
  ['PENSIONER', 0.3],
  ['FULL_TIME_STUDENT', 0.07],
  ['DISABILITY', 0.06],
  ['PARENT_OF_CHILD_UNDER_3', 0.04],
  ['CHILDCARE_LEAVE', 0.02],
  ['TARGETED_SOCIAL_ASSISTANCE', 0.015],
  ['PREGNANT_NOT_WORKING', 0.01],
  ['CARER_OF_DISABLED_CHILD', 0.008],
  ['CARER_OF_GROUP_I_DISABLED', 0.007],
  ['MOTHER_OF_MANY_AWARDED', 0.007],
  ['PENAL_INSTITUTION', 0.005],
  ['KANDAS_NOT_WORKING', 0.004],
  ['PRE_TRIAL_DETENTION', 0.002],
  ['HOUSE_ARREST_NOT_WORKING', 0.001],
];
const LOCAL_BODY_CATEGORIES: readonly OsmsCategory[] = ['REGISTERED_UNEMPLOYED', 'CRISIS_SOCIAL_WELLBEING'];
/** Categories only women are in. */
const WOMEN_ONLY = new Set<OsmsCategory>(['PREGNANT_NOT_WORKING', 'MOTHER_OF_MANY_AWARDED']);

// prettier-ignore
const SURNAMES = [
  'Ахметов', 'Омаров', 'Сулейменов', 'Искаков', 'Касымов', 'Абдрахманов', 'Жумабаев', 'Нургалиев', 'Садыков',
  'Исмаилов', 'Байжанов', 'Тулегенов', 'Мухамеджанов', 'Серикбаев', 'Есенов', 'Оспанов', 'Кенжебаев', 'Бекмуратов',
  'Калиев', 'Смагулов', 'Жаксылыков', 'Ермеков', 'Аубакиров', 'Токтаров', 'Утебаев', 'Шайхметов', 'Иманбаев',
  'Кусаинов', 'Абенов', 'Нуртазин', 'Иванов', 'Ким', 'Петров', 'Цой', 'Шевченко', 'Пак',
];
// prettier-ignore
const MALE_NAMES = [
  'Нурлан', 'Ерлан', 'Асхат', 'Бауыржан', 'Данияр', 'Арман', 'Алибек', 'Айдос', 'Ержан', 'Тимур', 'Руслан', 'Марат',
  'Серик', 'Ильяс', 'Нурсултан', 'Азамат', 'Жандос', 'Канат', 'Болат', 'Санжар', 'Алихан', 'Рамазан', 'Айбек', 'Дмитрий',
];
// prettier-ignore
const FEMALE_NAMES = [
  'Айгуль', 'Гульнара', 'Динара', 'Жанар', 'Асель', 'Айжан', 'Сауле', 'Меруерт', 'Алия', 'Карлыгаш', 'Гаухар', 'Назира',
  'Айнур', 'Жулдыз', 'Аружан', 'Томирис', 'Дана', 'Мадина', 'Камила', 'Аяла', 'Зарина', 'Индира', 'Ляззат', 'Елена',
];
// prettier-ignore
const BIRTH_PLACES = [
  'г. Алматы', 'г. Астана', 'г. Шымкент', 'Карагандинская область', 'Туркестанская область', 'Алматинская область',
  'Жамбылская область', 'Восточно-Казахстанская область', 'Актюбинская область', 'Павлодарская область',
  'Костанайская область', 'Атырауская область', 'Кызылординская область', 'Мангистауская область',
];
// prettier-ignore
const REGIONS = [
  'г. Алматы', 'г. Астана', 'г. Шымкент', 'Карагандинской области', 'Туркестанской области', 'Алматинской области',
  'Жамбылской области', 'Восточно-Казахстанской области', 'Актюбинской области', 'Павлодарской области',
];
const FOREIGN_CITIZENSHIPS = ['UZB', 'RUS', 'KGZ', 'CHN', 'TJK', 'TUR', 'AZE', 'BLR'];
const EMPLOYER_FORMS = ['ТОО', 'ТОО', 'ТОО', 'АО', 'ИП', 'КГП на ПХВ'];
// prettier-ignore
const EMPLOYER_WORDS = [
  'Алатау', 'Сарыарка', 'Береке', 'Жетысу', 'Нур', 'Каспий', 'Алтын', 'Казына', 'Самал', 'Достык', 'Арай', 'Тениз',
  'Шанырак', 'Болашак', 'Акжол', 'Улытау', 'Ертис', 'Коктем',
];
const EMPLOYER_TRADES = [
  'Сервис',
  'Строй',
  'Трейд',
  'Агро',
  'Логистик',
  'Медиа',
  'Энерго',
  'Фарм',
  'Технолоджи',
];
/** The republican budget's programme that pays the state's contributions (its code is the payer id). */
export const STATE_PAYER = { id: '067', name: 'Республиканский бюджет, бюджетная программа 067' } as const;

export const EMPLOYERS = 20_000;

const YEAR_DAYS = 365.2425;
const DAY_MS = 86_400_000;

export function firstDayOfMonthNumber(month: number): number {
  return Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS;
}
export function monthNumberOfDay(day: number): number {
  const [y, m] = dayParts(day);
  return y * 12 + m - 1;
}

const employers: { id: string; name: string }[] = [];

/** The payer of employer `index` (0 … EMPLOYERS − 1): a БИН-shaped id and a name. */
export function employer(index: number): { id: string; name: string } {
  let e = employers[index];
  if (e === undefined) {
    const form = EMPLOYER_FORMS[index % EMPLOYER_FORMS.length]!;
    const word = EMPLOYER_WORDS[Math.floor(index / EMPLOYER_FORMS.length) % EMPLOYER_WORDS.length]!;
    const trade = EMPLOYER_TRADES[Math.floor(index / 108) % EMPLOYER_TRADES.length]!;
    e = {
      id: String(100_140_000_000 + index * 37).padStart(12, '0'),
      name: `${form} «${word} ${trade}${index >= 972 ? `-${Math.floor(index / 972)}` : ''}»`,
    };
    employers[index] = e;
  }
  return e;
}

/** The local executive body (акимат) of region `index`, which pays for its unemployed. */
export function localBody(index: number): { id: string; name: string } {
  const region = REGIONS[index % REGIONS.length]!;
  return {
    id: String(990_240_000_000 + (index % REGIONS.length) * 1001).padStart(12, '0'),
    name: `Акимат ${region}`,
  };
}

/** One generated person (the row of `persons`) and what the loader writes besides the contributions. */
export interface PlannedPerson {
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birthDay: number;
  birthPlace: string;
  citizenship: string;
  /** Epoch day the person entered the register (created_at). */
  createdDay: number;
  membership: { category: OsmsCategory; fromDay: number; toDay: number | null; receivedDay: number } | null;
  permit: { basis: 'permanent' | 'treaty'; fromDay: number; toDay: number | null } | null;
  temporary: { category: OsmsCategory; uploadedDay: number; by: 'clinic' | 'person' } | null;
}

/**
 * The monthly contribution of a planned person for a month, or null: what the loader writes (the
 * payment day is before the seed's date, so every row is known by then).
 */
export interface MonthlyPayment {
  payer: (typeof PAYER_KINDS)[number];
  payerIndex: number;
  amount: number;
  paidDay: number;
}

/**
 * Plans persons one by one (`next`), then answers for each planned person's contributions in any month
 * (`monthly`), their separate advance payments and their lump sum.
 */
export class KzPopulationPlanner {
  private readonly rng: Prng;
  private readonly kinds: WeightedTable;
  private readonly stateCategories: WeightedTable;
  readonly asOfDay: number;
  /** The month of the seed's date, as a month number (year × 12 + month − 1). */
  readonly currentMonth: number;
  private readonly systemStart: number;
  private readonly serials = new Map<number, number>();
  private readonly taken: ReadonlySet<string>;
  private readonly selfPayerByYear = new Map<number, number>();

  // The plans (index = person's position in the generation order).
  readonly kind: Uint8Array;
  readonly segFrom: Int32Array;
  readonly segTo: Int32Array;
  readonly payer: Uint8Array;
  readonly payerIndex: Int32Array;
  readonly wage: Int32Array;
  readonly gapFrom: Int32Array;
  readonly gapTo: Int32Array;
  /** Advance payments (12 separate ones on one day) or a lump sum: the day paid, -1 for none. */
  readonly extraDay: Int32Array;
  readonly payDayOffset: Uint8Array;
  /** The employee contribution last computed per person, and its year (a wage is the same all year). */
  private readonly amountYear: Int16Array;
  private readonly amount: Int32Array;
  planned = 0;

  constructor(
    private readonly params: OsmsParameters,
    options: {
      seed: number;
      asOf: LocalDate;
      capacity: number;
      shares?: Record<PopulationKind, number>;
      /** ИИН the register already has (the demo people's): never given again. */
      taken?: ReadonlySet<string>;
    },
  ) {
    this.taken = options.taken ?? new Set();
    this.rng = new Prng(options.seed ^ 0x4b5a);
    const shares = options.shares ?? KIND_SHARES;
    this.kinds = new WeightedTable(POPULATION_KINDS.map((k) => shares[k]));
    this.stateCategories = new WeightedTable(STATE_CATEGORY_WEIGHTS.map(([, w]) => w));
    this.asOfDay = epochDay(options.asOf);
    this.currentMonth = monthNumberOfDay(this.asOfDay);
    this.systemStart = monthNumber(params.rules.systemStart);
    const n = options.capacity;
    this.kind = new Uint8Array(n);
    this.segFrom = new Int32Array(n);
    this.segTo = new Int32Array(n);
    this.payer = new Uint8Array(n);
    this.payerIndex = new Int32Array(n);
    this.wage = new Int32Array(n);
    this.gapFrom = new Int32Array(n).fill(-1);
    this.gapTo = new Int32Array(n).fill(-1);
    this.extraDay = new Int32Array(n).fill(-1);
    this.payDayOffset = new Uint8Array(n);
    this.amountYear = new Int16Array(n);
    this.amount = new Int32Array(n);
  }

  /** The day a monthly contribution of person `i` for `month` is paid. */
  paidDay(i: number, month: number): number {
    const offset = this.payDayOffset[i]!;
    // Employers and budgets pay by the 25th of the next month; a self-payer pays within the month.
    return this.payer[i] === SELF
      ? firstDayOfMonthNumber(month) + (offset % 25)
      : firstDayOfMonthNumber(month + 1) + 4 + (offset % 20);
  }

  /** The last month whose payment (by this person's payer) is made before the seed's date. */
  private lastPaidMonth(i: number): number {
    let month = this.currentMonth;
    while (this.paidDay(i, month) >= this.asOfDay) month--;
    return month;
  }

  private selfPayerMonthly(year: number): number {
    let amount = this.selfPayerByYear.get(year);
    if (amount === undefined) {
      amount = yearParameters(this.params, year)!.selfPayerMonthly;
      this.selfPayerByYear.set(year, amount);
    }
    return amount;
  }

  /** The contribution of person `i` for `month`, or null when none is paid for it. */
  monthly(i: number, month: number): MonthlyPayment | null {
    if (month < this.segFrom[i]! || month > this.segTo[i]!) return null;
    if (month >= this.gapFrom[i]! && month <= this.gapTo[i]!) return null;
    const payer = this.payer[i]!;
    const year = Math.floor(month / 12);
    if (payer === EMPLOYER && this.amountYear[i] !== year) {
      this.amountYear[i] = year;
      this.amount[i] = employeeContribution(this.params, year, this.wage[i]!);
    }
    const amount =
      payer === EMPLOYER
        ? this.amount[i]!
        : // The state's and local bodies' per-person rate is not in the parameters file; the year's
          // self-payer figure stands in (the status rules count the payment, not its amount).
          this.selfPayerMonthly(year);
    return {
      payer: PAYER_KINDS[payer]!,
      payerIndex: this.payerIndex[i]!,
      amount,
      paidDay: this.paidDay(i, month),
    };
  }

  /** Person `i`'s 12 separate advance payments (month covered and amount), all paid on `extraDay`. */
  advancePayments(i: number): { month: number; amount: number }[] {
    if (this.kind[i] !== POPULATION_KINDS.indexOf('advance')) return [];
    const first = monthNumberOfDay(this.extraDay[i]!);
    return Array.from({ length: this.params.rules.advanceMonths }, (_, k) => ({
      month: first + k,
      amount: this.selfPayerMonthly(Math.floor((first + k) / 12)),
    }));
  }

  /** Person `i`'s one payment for 12 months at once (which grants no status), or null. */
  lumpSum(i: number): { firstMonth: number; months: number; amount: number } | null {
    if (this.kind[i] !== POPULATION_KINDS.indexOf('lump-sum')) return null;
    const first = monthNumberOfDay(this.extraDay[i]!);
    const months = this.params.rules.advanceMonths;
    return { firstMonth: first, months, amount: months * this.selfPayerMonthly(Math.floor(first / 12)) };
  }

  /** The month range over which any planned person has a monthly contribution. */
  monthSpan(): { from: number; to: number } {
    return { from: this.systemStart, to: this.currentMonth };
  }

  private birthBetween(youngestYears: number, oldestYears: number): number {
    const span = (oldestYears - youngestYears) * YEAR_DAYS;
    return Math.floor(this.asOfDay - youngestYears * YEAR_DAYS - this.rng.next() * span);
  }

  private iinFor(birthDay: number, sex: 'M' | 'F'): string {
    const key = birthDay * 2 + (sex === 'M' ? 0 : 1);
    const birthDate = isoDay(birthDay) as LocalDate;
    let serial = this.serials.get(key) ?? 0;
    for (;;) {
      const iin = formIin(birthDate, sex === 'M' ? 'male' : 'female', serial++);
      if (iin !== null && !this.taken.has(iin)) {
        this.serials.set(key, serial);
        return iin;
      }
    }
  }

  /** Contributions from `from` (a month number, or earlier when history allows) up to `to`. */
  private segment(i: number, payer: number, to: number, months: number, notBefore: number): void {
    this.payer[i] = payer;
    this.segTo[i] = to;
    this.segFrom[i] = Math.max(to - months + 1, notBefore, this.systemStart);
  }

  /** Plans the next person; `i` is their position (0-based), which the loader maps to an id. */
  next(): PlannedPerson {
    const i = this.planned++;
    const rng = this.rng;
    const kindIndex = this.kinds.pick(rng);
    const kind = POPULATION_KINDS[kindIndex]!;
    this.kind[i] = kindIndex;
    this.payDayOffset[i] = rng.int(250);
    this.payerIndex[i] = rng.int(EMPLOYERS);
    this.wage[i] = Math.round(120_000 + 1_400_000 * rng.next() ** 3);
    let membership: PlannedPerson['membership'] = null;
    let permit: PlannedPerson['permit'] = null;
    let temporary: PlannedPerson['temporary'] = null;
    let citizenship = 'KAZ';
    let birthDay = this.birthBetween(19, 62);
    let sex: 'M' | 'F' = rng.chance(0.5) ? 'M' : 'F';

    const history = (min: number, max: number) => rng.between(min, max);
    const recentDay = (maxDaysAgo: number) => this.asOfDay - 1 - rng.int(maxDaysAgo);
    // The payer decides the payment days, so it is set before the last paid month is read.
    const employed = (months: number) => {
      this.payer[i] = EMPLOYER;
      this.segment(i, EMPLOYER, this.lastPaidMonth(i), months, 0);
    };
    const member = (category: OsmsCategory, endedMonthsAgo: number | null, months: number) => {
      const payer = LOCAL_BODY_CATEGORIES.includes(category) ? LOCAL_BODY : STATE;
      if (payer === LOCAL_BODY) this.payerIndex[i] = rng.int(REGIONS.length);
      this.payer[i] = payer;
      if (category === 'CHILDREN') birthDay = this.birthBetween(2, 17);
      else if (category === 'PENSIONER') birthDay = this.birthBetween(64, 88);
      else if (category === 'FULL_TIME_STUDENT') birthDay = this.birthBetween(20, 24);
      else birthDay = this.birthBetween(20, 55);
      if (WOMEN_ONLY.has(category)) sex = 'F';
      const anchor =
        category === 'CHILDREN' ? birthDay : category === 'FULL_TIME_STUDENT' ? addYears(birthDay, 18) : 0;
      const toDay =
        endedMonthsAgo === null
          ? null
          : firstDayOfMonthNumber(this.currentMonth - endedMonthsAgo) - 1 - rng.int(10);
      const lastPaid = this.lastPaidMonth(i);
      const to = toDay === null ? lastPaid : Math.min(lastPaid, monthNumberOfDay(toDay));
      this.segment(
        i,
        payer,
        to,
        months,
        monthNumberOfDay(Math.max(anchor, firstDayOfMonthNumber(this.systemStart))),
      );
      const fromDay = Math.max(anchor, firstDayOfMonthNumber(this.segFrom[i]!) - rng.int(200));
      const receivedDay = Math.min((toDay ?? fromDay) + 3 + rng.int(14), this.asOfDay - 1);
      membership = { category, fromDay, toDay, receivedDay };
    };

    // Employed until `least` (+ up to `spread`) months before the last paid month, 12 months at least;
    // then a payment of their own in the last 2 months (`extraDay`).
    const workedThenPaid = (least: number, spread: number) => {
      employed(history(12, 24));
      this.segTo[i] = this.segTo[i]! - least - rng.int(spread);
      this.segFrom[i] = Math.min(this.segFrom[i]!, this.segTo[i] - 11);
      this.extraDay[i] = recentDay(60);
    };

    switch (kind) {
      case 'employee':
        employed(history(12, 36));
        break;
      case 'foreign':
        citizenship = FOREIGN_CITIZENSHIPS[rng.int(FOREIGN_CITIZENSHIPS.length)]!;
        employed(history(12, 30));
        permit = rng.chance(0.6)
          ? {
              basis: 'permanent',
              fromDay: firstDayOfMonthNumber(this.segFrom[i]!) - 30 - rng.int(700),
              toDay: null,
            }
          : {
              basis: 'treaty',
              fromDay: firstDayOfMonthNumber(this.segFrom[i]!) - 10 - rng.int(60),
              toDay: this.asOfDay + 30 + rng.int(700),
            };
        break;
      case 'state-category':
        member(STATE_CATEGORY_WEIGHTS[this.stateCategories.pick(rng)]![0], null, history(12, 48));
        break;
      case 'local-body':
        member(LOCAL_BODY_CATEGORIES[rng.int(2)]!, null, history(12, 24));
        break;
      case 'grace':
        // Left the category 1–5 months ago: inside the grace of 3 months, or of 6 after 5 years paid.
        member(
          STATE_CATEGORY_WEIGHTS[2 + rng.int(STATE_CATEGORY_WEIGHTS.length - 2)]![0],
          1 + rng.int(5),
          rng.chance(0.3) ? history(61, 66) : history(12, 36),
        );
        break;
      case 'temporary': {
        // Fell out of the data 5–8 months ago (the grace is over); a document was uploaded this month.
        const category = STATE_CATEGORY_WEIGHTS[2 + rng.int(6)]![0];
        member(category, 5 + rng.int(4), history(12, 30));
        temporary = { category, uploadedDay: recentDay(25), by: rng.chance(0.7) ? 'clinic' : 'person' };
        break;
      }
      case 'self-with-gaps': {
        this.payer[i] = SELF;
        this.segment(i, SELF, this.lastPaidMonth(i), history(15, 30), 0);
        // One to three unpaid months: recent ones leave the person in debt (not insured).
        const from = this.segFrom[i]!;
        const gap = rng.between(from + 1, this.segTo[i]! - 1);
        this.gapFrom[i] = gap;
        this.gapTo[i] = gap + rng.int(3);
        break;
      }
      case 'advance':
        // Worked before, then paid 12 months ahead: 12 separate payments on one day in the last 2 months.
        workedThenPaid(3, 12);
        break;
      case 'lump-sum':
        // Worked until more than a year ago, then paid 12 months in ONE payment: not insured.
        workedThenPaid(14, 12);
        break;
    }

    const male = sex === 'M';
    const father = MALE_NAMES[rng.int(MALE_NAMES.length)]!;
    const surname = SURNAMES[rng.int(SURNAMES.length)]!;
    const feminine = /(ов|ев|ин)$/.test(surname) ? `${surname}а` : surname;
    const firstContribution = firstDayOfMonthNumber(this.segFrom[i]!);
    // Set inside `member` (a closure), which the compiler's narrowing does not follow.
    const joined = membership as PlannedPerson['membership'];
    return {
      iin: this.iinFor(birthDay, sex),
      lastName: male ? surname : feminine,
      firstName: male ? MALE_NAMES[rng.int(MALE_NAMES.length)]! : FEMALE_NAMES[rng.int(FEMALE_NAMES.length)]!,
      patronymic: citizenship === 'KAZ' && rng.chance(0.85) ? `${father}${male ? 'ович' : 'овна'}` : null,
      sex,
      birthDay,
      birthPlace: BIRTH_PLACES[rng.int(BIRTH_PLACES.length)]!,
      citizenship,
      createdDay: Math.min(firstContribution, joined?.fromDay ?? firstContribution, this.asOfDay - 1),
      membership: joined,
      permit,
      temporary,
    };
  }
}
