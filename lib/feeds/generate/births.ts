import { Prng, rankWeights, WeightedTable } from '@/db/seed/prng';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from '@/db/seed/names';
import {
  birthCertificateSeries,
  birthPlaceOf,
  registryOffice,
  SEED_REGIONS,
  type SeedRegion,
} from '@/db/seed/regions';
import { addDays, yearOf, type LocalDate } from '@/lib/domain/dates';

/**
 * Synthetic ЗАГС birth registrations for mothers who are in the register: the child takes the mother's
 * surname (in its masculine form for a boy), a patronymic from a father's name of the newest generation, is
 * born in the mother's region within the last weeks, and gets a birth certificate of that region's series
 * whose number is new to the register. Deterministic: the same mothers, seed and date give the same events.
 */

/** A mother as read from the register (living citizen woman of childbearing age with a passport and policy). */
export interface Mother {
  personId: number;
  enp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
  snils: string | null;
  /** Where her policy is now: the child is born and registered there. */
  subjectCode: string;
}

/** What a `birth.registered` event carries on the wire (lib/feeds/events.ts validates it). */
export interface BirthRegistered {
  eventId: string;
  type: 'birth.registered';
  occurredAt: string;
  data: {
    child: {
      lastName: string;
      firstName: string;
      patronymic: string | null;
      sex: 'M' | 'F';
      birthDate: string;
      birthPlace: string;
    };
    certificate: { series: string; number: string; issueDate: string; issuer: string };
    region: string;
    mother: {
      enp?: string;
      snils?: string;
      lastName: string;
      firstName: string;
      patronymic: string | null;
      birthDate: string;
    };
  };
}

/** Days between a birth and its registration at the ЗАГС (the law gives a month). */
const REGISTRATION_DAYS = 30;
/** Share of registrations where the ЗАГС knows the mother's ЕНП, and (otherwise) her СНИЛС. */
const ENP_KNOWN_SHARE = 0.85;
const SNILS_KNOWN_SHARE = 0.6;
const MALE_SHARE = 0.513;

const feminineToPair = new Map(SURNAMES.map((pair) => [pair[1], pair] as const));

/** The child's surname: the mother's, in the masculine form for a boy when the surname has one. */
export function childSurname(motherSurname: string, sex: 'M' | 'F'): string {
  if (sex === 'F') return motherSurname;
  const pair = feminineToPair.get(motherSurname);
  if (pair) return pair[0];
  if (/ова$|ева$|ёва$|ина$|ына$/.test(motherSurname)) return motherSurname.slice(0, -1);
  if (/ая$/.test(motherSurname)) return motherSurname.replace(/ая$/, 'ий');
  return motherSurname;
}

export interface BirthFeedOptions {
  seed: number;
  /** How many births the feed will hold: registrations are spread evenly over the last weeks, in order. */
  total: number;
  /** The day the feed is generated for (ISO): births fall before it, registrations on or before it. */
  asOf: LocalDate;
  /** Certificates the register already holds, as `series|number` (never issued again). */
  usedCertificates: ReadonlySet<string>;
}

/** Generates births one at a time from a fixed list of mothers (each may have several children). */
export class BirthFeed {
  private readonly rng: Prng;
  private readonly maleTable: WeightedTable;
  private readonly femaleTable: WeightedTable;
  private readonly fatherTable: WeightedTable;
  private readonly counters = new Map<string, number>();
  private readonly regions = new Map<string, SeedRegion>(SEED_REGIONS.map((r) => [r.code, r]));
  private index = 0;

  constructor(
    private readonly mothers: readonly Mother[],
    private readonly options: BirthFeedOptions,
  ) {
    if (mothers.length === 0)
      throw new Error('No mothers: the register has no woman aged 18–45 with a policy.');
    this.rng = new Prng(options.seed);
    this.maleTable = new WeightedTable(rankWeights(MALE_NAMES[3]!.length));
    this.femaleTable = new WeightedTable(rankWeights(FEMALE_NAMES[3]!.length));
    this.fatherTable = new WeightedTable(rankWeights(MALE_NAMES[2]!.length));
  }

  next(): BirthRegistered {
    const rng = this.rng;
    const n = this.index++;
    const mother = this.mothers[rng.int(this.mothers.length)]!;
    const region = this.regions.get(mother.subjectCode);
    if (!region) throw new Error(`No seed region ${mother.subjectCode}`);
    const sex: 'M' | 'F' = rng.chance(MALE_SHARE) ? 'M' : 'F';
    const father = MALE_NAMES[2]![this.fatherTable.pick(rng)]!;
    const firstName =
      sex === 'M'
        ? MALE_NAMES[3]![this.maleTable.pick(rng)]![0]
        : FEMALE_NAMES[3]![this.femaleTable.pick(rng)]!;
    // Registrations in the order they happened, spread over the last weeks in a ЗАГС's hours (Moscow).
    const slot = ((n + 0.5) / Math.max(this.options.total, 1)) * REGISTRATION_DAYS;
    const day = Math.floor(slot);
    const seconds = 9 * 3600 + Math.floor((slot - day) * 9 * 3600);
    const registered = addDays(this.options.asOf, day - REGISTRATION_DAYS + 1);
    const birthDate = addDays(registered, -rng.int(REGISTRATION_DAYS));
    const certificate = this.certificate(yearOf(birthDate), region.code);
    const clock = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
    const occurredAt = `${registered}T${clock}+03:00`;
    const enpKnown = rng.chance(ENP_KNOWN_SHARE);
    const snilsKnown = mother.snils !== null && rng.chance(SNILS_KNOWN_SHARE);
    return {
      eventId: `zags-${this.options.seed}-${String(n + 1).padStart(9, '0')}`,
      type: 'birth.registered',
      occurredAt,
      data: {
        child: {
          lastName: childSurname(mother.lastName, sex),
          firstName,
          patronymic: sex === 'M' ? father[1] : father[2],
          sex,
          birthDate,
          birthPlace: birthPlaceOf(rng.pick(region.cities)),
        },
        certificate: { ...certificate, issueDate: registered, issuer: registryOffice(region) },
        region: region.code,
        mother: {
          ...(enpKnown ? { enp: mother.enp } : {}),
          ...(snilsKnown ? { snils: mother.snils! } : {}),
          lastName: mother.lastName,
          firstName: mother.firstName,
          patronymic: mother.patronymic,
          birthDate: mother.birthDate,
        },
      },
    };
  }

  /**
   * A certificate of the region's series for the birth year (the seeder's numeral rule, so the series look
   * like the register's), numbered by a permutation of the series' numbers that skips the used ones.
   */
  private certificate(birthYear: number, subject: string): { series: string; number: string } {
    for (const series of birthCertificateSeries(birthYear, subject)) {
      let c = this.counters.get(series) ?? 0;
      const offset = hashSeries(series, this.options.seed);
      while (c < 1_000_000) {
        const number = String((c * 738_923 + offset) % 1_000_000).padStart(6, '0');
        c++;
        if (!this.options.usedCertificates.has(`${series}|${number}`)) {
          this.counters.set(series, c);
          return { series, number };
        }
      }
      this.counters.set(series, c);
    }
    throw new Error(`Birth certificate numbers exhausted for ${subject}/${birthYear}`);
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function hashSeries(s: string, seed: number): number {
  let h = (seed ^ 0x9747b28c) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h % 1_000_000;
}

/** Every certificate series the feed may use for `asOf`: the register's numbers in them must be avoided. */
export function certificateSeries(asOf: LocalDate): string[] {
  const years = new Set([yearOf(addDays(asOf, -2 * REGISTRATION_DAYS)), yearOf(asOf)]);
  const out: string[] = [];
  for (const region of SEED_REGIONS)
    for (const year of years) out.push(...birthCertificateSeries(year, region.code));
  return [...new Set(out)];
}
