import { generateEnp } from '@/lib/domain/ru/enp';
import { snilsFromBody } from '@/lib/domain/ru/snils';
import { addYears, epochDay, fullYears, yearOf } from './copy-text';
import type { SeedDirectory, ServingInsurer } from './directory';
import {
  consonantPatronymic,
  FEMALE_NAMES,
  FOREIGN_ORIGINS,
  GENERATION_STARTS,
  MALE_NAMES,
  SURNAMES,
  type ForeignOrigin,
} from './names';
import { plantDuplicate, PLANTED_KINDS, type PlantedPair } from './planted-duplicates';
import { Prng, rankWeights, WeightedTable } from './prng';
import type { CoverageForm, CoverageReason, CoverageRecord, DocumentRecord, PersonRecord } from './records';
import {
  birthCertificateSeries,
  birthPlaceOf,
  passportIssuer,
  registryOffice,
  SEED_REGIONS,
  SOVIET_BIRTH_PLACES,
  type SeedRegion,
} from './regions';

/**
 * Generates synthetic insured persons one at a time, deterministically from the seed: the same seed,
 * count, seeding date and directory give the same people with the same identifiers. Memory stays bounded
 * (a few small counters and pools), whatever the count.
 */

const YEAR = 365.2425;
/** The unified register (and the single polis) starts here: earlier people are "initial load". */
const REGISTER_START = epochDay('2011-01-01');
/** New Russian passports were issued from 1 October 1997; people older than that exchanged Soviet ones. */
const PASSPORT_START = epochDay('1997-10-01');
/** The digital polis era: periods starting later are mostly electronic. */
const DIGITAL_POLIS = epochDay('2022-12-01');

/** People per five-year age group (0–4 … 95–99), Russia, millions, rounded. */
const AGE_GROUPS = [
  7.0, 8.6, 8.4, 7.6, 6.6, 7.0, 10.0, 12.2, 11.0, 10.2, 9.3, 9.0, 10.0, 9.0, 6.8, 3.6, 2.9, 1.4, 0.5, 0.12,
];
/** Share of men in each age group. */
const MALE_SHARE = [
  0.513, 0.513, 0.513, 0.512, 0.51, 0.505, 0.5, 0.49, 0.485, 0.48, 0.47, 0.455, 0.44, 0.41, 0.37, 0.33, 0.29,
  0.25, 0.22, 0.18,
];
/** Probability that a person of the group (age now) died in the last five years. */
function deathChance(age: number): number {
  if (age < 40) return 0.001;
  if (age < 60) return 0.008;
  if (age < 70) return 0.025;
  if (age < 80) return 0.05;
  if (age < 90) return 0.1;
  return 0.2;
}

const FOREIGN_SHARE = 0.015;
const MOVED_REGION_SHARE = 0.03;
const INSURER_CHANGE_SHARE = 0.07;
const MILITARY_SHARE_MEN = 0.05;
const PARENT_POOL = 32;

/** Generated СНИЛС bodies live in [200 000 000, 1 000 000 000): lower bodies are reserved for demo people. */
const SNILS_BASE = 200_000_000;
const SNILS_SPACE = 800_000_000;
const SNILS_MULTIPLIER = 387_420_489; // 3^18: coprime with 800 000 000, so i → body is a bijection

/** (a·b) mod m without leaving the exact range of doubles (a, b < 2^31). */
function mulMod(a: number, b: number, m: number): number {
  const hi = Math.floor(b / 32768);
  const lo = b % 32768;
  return (((((a * hi) % m) * 32768) % m) + ((a * lo) % m)) % m;
}

function hashString(s: string, seed: number): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export interface GeneratorOptions {
  seed: number;
  /** ISO date the register is seeded "as of": ages, current documents and open periods are relative to it. */
  asOf: string;
  directory: SeedDirectory;
  /** The first person id (and ЕНП serial) to generate: ids below belong to the demo people. */
  firstId: number;
  /** Documents (`kind|series|number`) the generator must never issue: the demo people's. */
  reservedDocuments?: ReadonlySet<string>;
  /** Share of generated persons followed by a planted duplicate record (0…0.2; default none). */
  duplicateShare?: number;
}

interface ParentCandidate {
  id: number;
  birthDay: number;
  sex: 'M' | 'F';
  surname: number;
  /** Index into MALE_NAMES[generation] when a man. */
  generation: number;
  firstName: number;
}

interface Segment {
  fromDay: number;
  region: string;
  insurer: string;
  reason: CoverageReason;
}

export class PersonGenerator {
  private readonly rng: Prng;
  private readonly asOfDay: number;
  private readonly regions: readonly SeedRegion[];
  private readonly regionTable: WeightedTable;
  private readonly ageTable = new WeightedTable(AGE_GROUPS);
  private readonly surnameTable = new WeightedTable(rankWeights(SURNAMES.length, 12));
  private readonly maleTables = MALE_NAMES.map((l) => new WeightedTable(rankWeights(l.length)));
  private readonly femaleTables = FEMALE_NAMES.map((l) => new WeightedTable(rankWeights(l.length)));
  private readonly foreignTable = new WeightedTable(FOREIGN_ORIGINS.map((o) => o.weight));
  private readonly numberCounters = new Map<string, number>();
  private readonly parents = new Map<string, ParentCandidate[]>();
  private readonly parentCursor = new Map<string, number>();
  private readonly snilsOffset: number;
  private nextId: number;
  private generated = 0;

  constructor(private readonly options: GeneratorOptions) {
    this.rng = new Prng(options.seed);
    this.duplicateRng = new Prng((options.seed ^ 0x5eedd0b1) >>> 0);
    this.asOfDay = epochDay(options.asOf);
    this.nextId = options.firstId;
    this.snilsOffset = hashString('snils', options.seed) % SNILS_SPACE;
    const known = SEED_REGIONS.filter((r) => options.directory.insurers.has(r.code));
    const missing = [...options.directory.insurers.keys()].filter(
      (c) => !SEED_REGIONS.some((r) => r.code === c),
    );
    if (known.length === 0) throw new Error('No insurers in the directory: load the reference data first.');
    if (missing.length > 0) throw new Error(`The seeder knows nothing about subjects ${missing.join(', ')}`);
    this.regions = known;
    this.regionTable = new WeightedTable(known.map((r) => r.population));
  }

  /** How many persons were generated so far. */
  get count(): number {
    return this.generated;
  }

  /** Pairs planted so far (original, duplicate, kind). */
  readonly planted: PlantedPair[] = [];
  private pendingDuplicate: { record: PersonRecord; pair: PlantedPair } | null = null;
  private kindsPlanted = 0;
  // Its own stream, so a register seeded without duplicates is the same as before the option existed.
  private readonly duplicateRng: Prng;

  next(): PersonRecord {
    if (this.pendingDuplicate) {
      // Counted as planted once emitted: a duplicate still pending when the seeder stops is not in the register.
      const { record, pair } = this.pendingDuplicate;
      this.pendingDuplicate = null;
      this.generated++;
      this.planted.push(pair);
      return record;
    }
    const person = this.nextPerson();
    const share = this.options.duplicateShare ?? 0;
    if (share > 0 && this.duplicateRng.chance(share)) {
      const kind = PLANTED_KINDS[this.kindsPlanted % PLANTED_KINDS.length]!;
      const id = this.nextId++;
      this.pendingDuplicate = {
        record: plantDuplicate(person, id, kind, this.duplicateRng),
        pair: { originalId: person.id, duplicateId: id, kind },
      };
      this.kindsPlanted++;
    }
    return person;
  }

  private nextPerson(): PersonRecord {
    const rng = this.rng;
    const index = this.generated++;
    const id = this.nextId++;
    const asOf = this.asOfDay;
    // The first persons visit every region once, so even a small register shows all of them.
    const region =
      index < this.regions.length ? this.regions[index]! : this.regions[this.regionTable.pick(rng)]!;

    const group = this.ageTable.pick(rng);
    const birthDay = asOf - Math.floor((group * 5 + rng.next() * 5) * YEAR);
    const by = yearOf(birthDay);
    const age = fullYears(birthDay, asOf);
    const sex: 'M' | 'F' = rng.chance(MALE_SHARE[group]!) ? 'M' : 'F';
    const female = sex === 'F';
    const generation =
      by >= GENERATION_STARTS[3] ? 3 : by >= GENERATION_STARTS[2] ? 2 : by >= GENERATION_STARTS[1] ? 1 : 0;
    const foreign: ForeignOrigin | null =
      age >= 18 && age <= 70 && rng.chance(FOREIGN_SHARE)
        ? FOREIGN_ORIGINS[this.foreignTable.pick(rng)]!
        : null;

    // Names, and a parent for children.
    let lastName: string;
    let firstName: string;
    let patronymic: string | null;
    let surnameIndex = -1;
    let firstNameIndex = -1;
    let parent: ParentCandidate | null = null;
    if (foreign) {
      const pair = rng.pick(foreign.surnames);
      lastName = female ? pair[1] : pair[0];
      firstName = rng.pick(female ? foreign.femaleNames : foreign.maleNames);
      patronymic = rng.chance(0.8) ? consonantPatronymic(rng.pick(foreign.maleNames), female) : null;
    } else {
      if (age < 18) parent = this.findParent(region.code, birthDay);
      const fatherGeneration = Math.max(
        0,
        by - 28 >= GENERATION_STARTS[2] ? 2 : by - 28 >= GENERATION_STARTS[1] ? 1 : 0,
      );
      surnameIndex = parent ? parent.surname : this.surnameTable.pick(rng);
      const pair = SURNAMES[surnameIndex]!;
      lastName = female ? pair[1] : pair[0];
      if (female) firstName = FEMALE_NAMES[generation]![this.femaleTables[generation]!.pick(rng)]!;
      else {
        firstNameIndex = this.maleTables[generation]!.pick(rng);
        firstName = MALE_NAMES[generation]![firstNameIndex]![0];
      }
      const father =
        parent && parent.sex === 'M'
          ? MALE_NAMES[parent.generation]![parent.firstName]!
          : MALE_NAMES[fatherGeneration]![this.maleTables[fatherGeneration]!.pick(rng)]!;
      patronymic = female ? father[2] : father[1];
    }

    // Where the first ЕНП was assigned: a few adults moved from another region.
    let firstRegion: SeedRegion = region;
    if (!foreign && age >= 20 && rng.chance(MOVED_REGION_SHARE)) {
      const other = this.regions[this.regionTable.pick(rng)]!;
      if (other.code !== region.code) firstRegion = other;
    }

    let birthPlace: string;
    if (foreign) birthPlace = foreign.birthPlace;
    else if (by < 1992 && rng.chance(0.03)) birthPlace = rng.pick(SOVIET_BIRTH_PLACES);
    else {
      const born = rng.chance(0.12) ? this.regions[this.regionTable.pick(rng)]! : firstRegion;
      const city = rng.pick(born.cities);
      birthPlace = birthPlaceOf(city === 'Санкт-Петербург' && by < 1992 ? 'Ленинград' : city);
    }

    const category: 1 | 2 = foreign
      ? rng.chance(0.85)
        ? 1
        : 2
      : age < 18
        ? 2
        : rng.chance(age < 23 ? 0.25 : age < 60 ? 0.78 : age < 70 ? 0.3 : 0.05)
          ? 1
          : 2;

    // СНИЛС: most people; some babies still wait for theirs, fewer foreigners have one.
    const hasSnils = foreign ? rng.chance(0.6) : age < 1 ? rng.chance(0.7) : rng.chance(0.985);
    const snils = hasSnils
      ? snilsFromBody(
          SNILS_BASE + ((mulMod(SNILS_MULTIPLIER, index, SNILS_SPACE) + this.snilsOffset) % SNILS_SPACE),
        )
      : null;

    // Coverage history: when and where each period starts; insurers are chosen once the ends are known.
    const segments: Segment[] = [];
    let permitKind = 0;
    let permitIssue = 0;
    let permitEnd = 0;
    if (foreign) {
      permitKind = rng.chance(0.55) ? 11 : 23;
      permitIssue = Math.max(asOf - rng.int(Math.floor(6 * YEAR)), addYears(birthDay, 18));
      permitEnd = addYears(permitIssue, permitKind === 11 ? 5 : 3) - 1;
      const from = Math.min(permitIssue + rng.between(3, 40), asOf);
      segments.push({ fromDay: from, region: region.code, insurer: '', reason: 'initial_load' });
    } else {
      // Crimea's and the new subjects' people entered the register later than 2011.
      const joined = this.joined(firstRegion)?.register ?? REGISTER_START;
      const born = birthDay >= joined;
      const first = born ? birthDay : Math.min(asOf, joined + Math.floor(rng.next() * rng.next() * 6 * YEAR));
      segments.push({
        fromDay: first,
        region: firstRegion.code,
        insurer: '',
        reason: born ? 'birth' : 'initial_load',
      });
      if (firstRegion !== region) {
        if (first + 30 <= asOf) {
          segments.push({
            fromDay: rng.between(first + 30, asOf),
            region: region.code,
            insurer: '',
            reason: 'insurer_change',
          });
        } else {
          segments[0]!.region = region.code;
          firstRegion = region;
        }
      }
      if (rng.chance(INSURER_CHANGE_SHARE)) {
        const from = segments[segments.length - 1]!.fromDay + 30;
        if (from <= asOf) {
          segments.push({
            fromDay: rng.between(from, asOf),
            region: region.code,
            insurer: '',
            reason: 'insurer_change',
          });
        }
      }
    }

    // How the story ends (so far): death, military service, or a permit that ran out.
    const lastFrom = segments[segments.length - 1]!.fromDay;
    let deathDay: number | null = null;
    let terminalDay: number | null = null;
    let terminalStatus: CoverageRecord['status'] = 'terminated';
    let terminalReason: CoverageReason = 'death';
    if (rng.chance(deathChance(age))) {
      const lo = Math.max(lastFrom + 1, asOf - Math.floor(5 * YEAR));
      const hi = foreign ? Math.min(asOf - 1, permitEnd - 1) : asOf - 1;
      if (lo <= hi) terminalDay = deathDay = rng.between(lo, hi);
    }
    if (terminalDay === null && foreign && permitEnd <= asOf) {
      terminalDay = permitEnd;
      terminalReason = 'permit_expired';
    }
    if (
      terminalDay === null &&
      !foreign &&
      age >= 18 &&
      age <= 45 &&
      rng.chance(female ? 0.002 : MILITARY_SHARE_MEN)
    ) {
      const lo = Math.max(lastFrom + 1, addYears(birthDay, 18), asOf - Math.floor(3 * YEAR));
      if (lo <= asOf) {
        terminalDay = rng.between(lo, asOf);
        terminalStatus = 'suspended';
        terminalReason = 'military_service';
      }
    }

    const coverages: CoverageRecord[] = [];
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      const to =
        i + 1 < segments.length ? segments[i + 1]!.fromDay : (terminalDay ?? (foreign ? permitEnd : null));
      const prev = segments[i - 1];
      const avoid = prev && prev.region === s.region ? prev.insurer : undefined;
      s.insurer = this.insurer(s.region, s.fromDay, to === null || to > asOf ? asOf : to, avoid);
      if (avoid !== undefined && s.insurer === avoid) {
        // The region has a single insurer: there was nothing to change to, so the earlier period goes on.
        coverages[coverages.length - 1]!.toDay = to;
        continue;
      }
      coverages.push(this.period(s, 'active', s.fromDay, to));
    }
    if (terminalDay !== null) {
      const s = segments[segments.length - 1]!;
      coverages.push({ ...this.period(s, terminalStatus, terminalDay, null), reason: terminalReason });
    }
    const regionFrom = coverages.find((c) => c.subjectCode === region.code)!.fromDay;

    // Documents.
    const documents: DocumentRecord[] = [];
    const refDay = deathDay ?? asOf;
    const refAge = deathDay === null ? age : fullYears(birthDay, deathDay);
    const moveDay = firstRegion !== region ? regionFrom : null;
    if (foreign) {
      const issue = Math.max(addYears(birthDay, 18), asOf - rng.int(Math.floor(9 * YEAR)));
      documents.push({
        kind: 9,
        series: foreign.passportSeries,
        number: this.documentNumber(9, foreign.passportSeries, 7),
        issueDay: issue,
        issuer: null,
        validToDay: addYears(issue, 10) - 1,
        current: true,
      });
      const permitSeries = permitKind === 11 ? '82' : null;
      documents.push({
        kind: permitKind,
        series: permitSeries,
        number: this.documentNumber(permitKind, permitSeries, 7),
        issueDay: permitIssue,
        issuer: passportIssuer(region, permitIssue),
        validToDay: permitEnd,
        current: true,
      });
    } else {
      if (refAge >= 14) {
        const milestone = refAge >= 45 ? 45 : refAge >= 20 ? 20 : 14;
        const due = addYears(birthDay, milestone);
        let issue =
          due < PASSPORT_START
            ? PASSPORT_START + Math.floor(rng.next() * rng.next() * 7 * YEAR)
            : due + rng.int(45);
        const issuedIn = moveDay !== null && issue < moveDay ? firstRegion : region;
        // Russian passports reached Crimea in 2014 and the new subjects in 2022: older ones were exchanged.
        const passportsFrom = this.joined(issuedIn)?.passports;
        if (passportsFrom !== undefined && issue < passportsFrom)
          issue = passportsFrom + rng.int(Math.floor(1.5 * YEAR));
        issue = Math.min(issue, refDay);
        const yy = yearOf(issue) % 100;
        const series = `${this.options.directory.okatoPrefix.get(issuedIn.code) ?? '45'}${yy < 10 ? '0' : ''}${yy}`;
        documents.push({
          kind: 14,
          series,
          number: this.documentNumber(14, series, 6),
          issueDay: issue,
          issuer: passportIssuer(issuedIn, issue),
          validToDay: milestone === 45 ? null : addYears(birthDay, milestone === 14 ? 20 : 45) + 90,
          current: true,
        });
      }
      if (refAge < 14 || (refAge < 18 && rng.chance(0.4))) {
        const bornIn = firstRegion;
        const series = this.birthSeries(by, bornIn.code);
        documents.push({
          kind: 3,
          series: series.series,
          number: series.number,
          issueDay: Math.min(
            Math.max(birthDay, this.joined(bornIn)?.passports ?? 0) + rng.between(3, 30),
            refDay,
          ),
          issuer: registryOffice(bornIn),
          validToDay: null,
          current: refAge < 14,
        });
      }
    }

    // Attachment to a primary-care clinic of the region where the person lives now.
    const attachments: PersonRecord['attachments'] = [];
    const endDay = terminalDay !== null && terminalStatus === 'terminated' ? terminalDay : null;
    if (rng.chance(age < 18 ? 0.98 : 0.92)) {
      const child = refAge < 18;
      const clinics =
        (child ? this.options.directory.childClinics.get(region.code) : undefined) ??
        this.options.directory.adultClinics.get(region.code) ??
        this.options.directory.childClinics.get(region.code);
      if (clinics && clinics.length > 0) {
        let from = child ? Math.max(regionFrom, birthDay) : Math.max(regionFrom, addYears(birthDay, 18));
        from = Math.min(from + rng.int(child ? 20 : 400), asOf);
        if (endDay === null || from < endDay) {
          attachments.push({ moCode: rng.pick(clinics), fromDay: from, toDay: endDay, reason: null });
        }
      }
    }

    const representatives: PersonRecord['representatives'] = [];
    if (parent) {
      const to = deathDay ?? addYears(birthDay, 18);
      if (to > birthDay)
        representatives.push({ representativeId: parent.id, kind: 'parent', fromDay: birthDay, toDay: to });
    }

    // Living citizen adults of parental age become candidates for children generated later.
    if (!foreign && deathDay === null && age >= 18 && age <= 60) {
      this.addParent(region.code, {
        id,
        birthDay,
        sex,
        surname: surnameIndex,
        generation,
        firstName: firstNameIndex,
      });
    }

    return {
      id,
      enp: generateEnp(coverages[0]!.subjectCode, id),
      lastName,
      firstName,
      patronymic,
      sex,
      birthDay,
      birthPlace,
      citizenship: foreign ? foreign.citizenship : 'RUS',
      snils,
      category,
      deathDay,
      documents,
      coverages,
      attachments,
      representatives,
      eventData: null,
    };
  }

  private readonly joinedDays = new Map<string, { passports: number; register: number } | null>();

  /** Epoch days from when a late-joining subject had Russian passports and was in the register. */
  private joined(region: SeedRegion): { passports: number; register: number } | null {
    let j = this.joinedDays.get(region.code);
    if (j === undefined) {
      j = region.joined
        ? { passports: epochDay(region.joined.passports), register: epochDay(region.joined.register) }
        : null;
      this.joinedDays.set(region.code, j);
    }
    return j;
  }

  private period(
    s: Segment,
    status: CoverageRecord['status'],
    from: number,
    to: number | null,
  ): CoverageRecord {
    let form: CoverageForm = 'electronic';
    if (status === 'active') {
      const r = this.rng.next();
      // Before the digital polis (December 2022) every polis was a paper or plastic card.
      form = from < DIGITAL_POLIS ? 'legacy_card' : r < 0.8 ? 'electronic' : 'paper_extract';
    }
    return {
      insurerCode: s.insurer,
      subjectCode: s.region,
      status,
      reason: s.reason,
      form,
      fromDay: from,
      toDay: to,
    };
  }

  /**
   * An insurer serving the subject from `day` through `until` (the period's end, or the seeding date for
   * open periods), weighted towards the larger ones; `avoid` asks for another one when there is one.
   */
  private insurer(subject: string, day: number, until: number, avoid?: string): string {
    const all = this.options.directory.insurers.get(subject) ?? [];
    const serves = (i: ServingInsurer) => i.fromDay <= day && (i.toDay === null || i.toDay > until);
    let candidates = all.filter((i) => serves(i) && i.code !== avoid);
    if (candidates.length === 0) candidates = all.filter(serves);
    if (candidates.length === 0)
      throw new Error(`No insurer serves subject ${subject} on day ${day}: check insurer_regions.`);
    // Market shares fall with the branch number: 1st ≈ 50 %, 2nd ≈ 25 %, …
    let r = this.rng.next() * (1 - 0.5 ** candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      r -= 0.5 ** (i + 1);
      if (r < 0) return candidates[i]!.code;
    }
    return candidates[candidates.length - 1]!.code;
  }

  /** A document number never issued before in this kind and series (and never a demo person's). */
  private documentNumber(kind: number, series: string | null, digits: 6 | 7, sixOnly = false): string {
    const key = `${kind}|${series ?? ''}`;
    let c = this.numberCounters.get(key) ?? 0;
    const offset = hashString(key, this.options.seed);
    for (;;) {
      let n: number;
      if (digits === 6 && c < 1_000_000) n = (c * 738_917 + offset) % 1_000_000;
      else if (!sixOnly && c < (digits === 6 ? 10_000_000 : 9_000_000)) {
        const k = digits === 6 ? c - 1_000_000 : c;
        n = 1_000_000 + ((k * 738_917 + offset) % 9_000_000);
      } else throw new Error(`Document numbers exhausted for ${key}`);
      c++;
      const number = String(n).padStart(digits, '0');
      if (!this.options.reservedDocuments?.has(`${key}|${number}`)) {
        this.numberCounters.set(key, c);
        return number;
      }
    }
  }

  /** A birth certificate series (numeral by birth year, letters by region) and a 6-digit number in it. */
  private birthSeries(birthYear: number, subject: string): { series: string; number: string } {
    for (const series of birthCertificateSeries(birthYear, subject)) {
      const used = this.numberCounters.get(`3|${series}`) ?? 0;
      if (used < 999_000) return { series, number: this.documentNumber(3, series, 6, true) };
    }
    throw new Error(`Birth certificate numbers exhausted for ${subject}/${birthYear}`);
  }

  private findParent(subject: string, childBirth: number): ParentCandidate | null {
    const pool = this.parents.get(subject);
    if (!pool || pool.length === 0) return null;
    const start = this.rng.int(pool.length);
    for (let k = 0; k < pool.length; k++) {
      const p = pool[(start + k) % pool.length]!;
      const gap = childBirth - p.birthDay;
      if (gap >= 18 * YEAR && gap <= 45 * YEAR && p.surname >= 0 && (p.sex === 'F' || p.firstName >= 0))
        return p;
    }
    return null;
  }

  private addParent(subject: string, p: ParentCandidate): void {
    let pool = this.parents.get(subject);
    if (!pool) this.parents.set(subject, (pool = []));
    if (pool.length < PARENT_POOL) pool.push(p);
    else {
      const at = this.parentCursor.get(subject) ?? 0;
      pool[at] = p;
      this.parentCursor.set(subject, (at + 1) % PARENT_POOL);
    }
  }
}
