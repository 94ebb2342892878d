/**
 * Duplicate detection rules (issue 13, ADR 0023): whether two records of the register (or a record about
 * to be created and one already there) describe the same person, as a score from 0 to 100 and the
 * reasons behind it. Pure: the scan job, the creation-time check and the review page all call this, so
 * a pair is judged the same way wherever it is seen.
 */

export interface DuplicateSubject {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birthDate: string;
  birthPlace?: string | null;
  snils: string | null;
  documents: readonly { kind: number; series: string | null; number: string }[];
  /** Earlier names of the person (corrections, changes of name), as full names. */
  formerNames?: readonly string[];
  /** Registered from a ЗАГС birth record (a newborn). */
  fromBirthFeed?: boolean;
  /** The persons who represent them (parents, guardians). */
  representativeIds?: readonly number[];
}

export const DUPLICATE_REASONS = [
  'same_snils',
  'same_document',
  'same_document_number',
  'same_birth_date',
  'same_birth_place',
  'same_name',
  'similar_name',
  'swapped_names',
  'changed_surname',
  'former_name',
  'newborn_vs_child',
  'different_sex',
  'different_snils',
  'different_parents',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Russian wording of each reason, for the review page. */
export const DUPLICATE_REASON_NAMES: Record<DuplicateReason, string> = {
  same_snils: 'Совпадает СНИЛС',
  same_document: 'Совпадает документ того же вида',
  same_document_number: 'Совпадает номер документа того же вида (серия отличается)',
  same_birth_date: 'Совпадает дата рождения',
  same_birth_place: 'Совпадает место рождения',
  same_name: 'Совпадает ФИО (с учётом ё/е и транслитерации)',
  similar_name: 'ФИО отличается опечаткой',
  swapped_names: 'Фамилия и имя переставлены',
  changed_surname: 'Совпадают имя и отчество, фамилия другая (смена фамилии)',
  former_name: 'Совпадает с прежним ФИО',
  newborn_vs_child: 'Новорождённый из ЗАГС и ребёнок, зарегистрированный родителем',
  different_sex: 'Пол отличается',
  different_snils: 'СНИЛС разные',
  different_parents: 'У детей разные законные представители (родители)',
};

export interface DuplicateScore {
  score: number;
  reasons: DuplicateReason[];
}

/** From this score on a pair is stored as a candidate for review. */
export const CANDIDATE_THRESHOLD = 60;
/** From this score on a new record is not created automatically: an operator decides. */
export const STRONG_MATCH_THRESHOLD = 80;

/** The passport transliteration scheme (МВД), letter by letter. */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * The comparison key of a name: lower case, ё as е, Cyrillic transliterated (the passport scheme), and
 * the spellings transliteration schemes disagree on folded together (yo/ё, x/ks, ya/ia, yu/iu, kh/h, j/y/i,
 * doubled letters), so «Ёлкина» and «Елкина» share one key, and so do «Юлия», «Yuliya» and «Iuliia».
 */
export function nameKey(name: string | null | undefined): string {
  return nameKeys(name ?? '');
}

/**
 * A pure function of a name, memoised (bounded): the same few thousand names are compared again and
 * again — a batch of births against everyone born those days.
 */
function memoised(compute: (name: string) => string): (name: string) => string {
  const kept = new Map<string, string>();
  return (name) => {
    let out = kept.get(name);
    if (out === undefined) {
      if (kept.size >= 50_000) kept.clear();
      out = compute(name);
      kept.set(name, out);
    }
    return out;
  };
}

const nameKeys = memoised(computeNameKey);

function computeNameKey(name: string): string {
  const latin = Array.from(name.normalize('NFC').toLowerCase())
    .map((ch) => CYRILLIC_TO_LATIN[ch] ?? ch)
    .join('');
  return latin
    .replace(/[^a-z]+/g, '')
    .replace(/[yi]o/g, 'e') // ё written as yo/io
    .replace(/^ye/, 'e') // Е at the start written as ye (Yevgeny)
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/(zh|j)/g, 'zh')
    .replace(/y([aeiou])/g, 'i$1')
    .replace(/[yj]/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}

/** Levenshtein distance, bounded: stops counting past `limit` (only "at most one or two typos" matters). */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      rowMin = Math.min(rowMin, cur[j]!);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Lower case with ё as е: the name as typed, for counting typos letter by letter. */
function plain(name: string | null | undefined): string {
  return plainNames(name ?? '');
}

const plainNames = memoised((name) =>
  name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s-]+/g, ''),
);

function withinTypos(a: string, b: string): boolean {
  if (!a || !b) return a === b;
  return editDistance(a, b, 2) <= (Math.max(a.length, b.length) >= 8 ? 2 : 1);
}

/**
 * One typo apart (two for long names), counted on the names as typed (a Cyrillic letter is one letter,
 * though transliterated it may be four) or on their keys (a typo in a transliterated spelling).
 */
function closeNames(a: string | null, b: string | null): boolean {
  return withinTypos(plain(a), plain(b)) || withinTypos(nameKey(a), nameKey(b));
}

type NameMatch = 'same_name' | 'similar_name' | 'swapped_names' | 'changed_surname' | null;

function compareNames(a: DuplicateSubject, b: DuplicateSubject): NameMatch {
  const [al, af, ap] = [nameKey(a.lastName), nameKey(a.firstName), nameKey(a.patronymic)];
  const [bl, bf, bp] = [nameKey(b.lastName), nameKey(b.firstName), nameKey(b.patronymic)];
  if (al === bl && af === bf && ap === bp) return 'same_name';
  if (al === bf && af === bl && ap === bp) return 'swapped_names';
  const parts = [
    closeNames(a.lastName, b.lastName),
    closeNames(a.firstName, b.firstName),
    closeNames(a.patronymic, b.patronymic),
  ];
  if (parts.every(Boolean)) return 'similar_name';
  if (af === bf && ap === bp && ap !== '') return 'changed_surname';
  return null;
}

function fullKey(lastName: string, firstName: string, patronymic: string | null): string {
  return [lastName, firstName, patronymic ?? ''].map(nameKey).join(' ');
}

function matchesFormerName(a: DuplicateSubject, b: DuplicateSubject): boolean {
  const current = fullKey(b.lastName, b.firstName, b.patronymic);
  return (a.formerNames ?? []).some((n) => n.split(/\s+/).map(nameKey).join(' ') === current);
}

function documentMatch(
  a: DuplicateSubject,
  b: DuplicateSubject,
): 'same_document' | 'same_document_number' | null {
  let found: 'same_document' | 'same_document_number' | null = null;
  for (const da of a.documents)
    for (const db of b.documents) {
      if (da.kind !== db.kind || da.number.replace(/\D/g, '') !== db.number.replace(/\D/g, '')) continue;
      if (!da.number.replace(/\D/g, '')) continue;
      const sameSeries = (da.series ?? '').replace(/\s/g, '') === (db.series ?? '').replace(/\s/g, '');
      if (sameSeries) return 'same_document';
      found = 'same_document_number';
    }
  return found;
}

const WEIGHTS: Record<DuplicateReason, number> = {
  same_snils: 70,
  same_document: 65,
  same_document_number: 35,
  same_birth_date: 25,
  same_birth_place: 15,
  same_name: 55,
  similar_name: 45,
  swapped_names: 45,
  changed_surname: 25,
  former_name: 55,
  newborn_vs_child: 40,
  different_sex: -40,
  different_snils: -60,
  // Two children whose known parents are different people are two children, however alike their names
  // (two Смирнов Пётр Андреевич born the same day in Moscow to two mothers).
  different_parents: -60,
};

/**
 * Scores a pair. Symmetric (score(a, b) = score(b, a)) and bounded to 0…100; each reason adds (or, for
 * contradicting facts, takes away) its weight. Two different СНИЛС take 60 away (a СНИЛС is issued once
 * per person): without a shared document such a pair is never a strong match; a shared document still
 * outweighs them (a person issued a second СНИЛС is an error an operator must see).
 */
export function scoreDuplicate(a: DuplicateSubject, b: DuplicateSubject): DuplicateScore {
  const reasons: DuplicateReason[] = [];
  if (a.snils && b.snils) reasons.push(a.snils === b.snils ? 'same_snils' : 'different_snils');
  const doc = documentMatch(a, b);
  if (doc) reasons.push(doc);
  const sameBirth = a.birthDate === b.birthDate;
  if (sameBirth) reasons.push('same_birth_date');
  if (a.birthPlace && b.birthPlace && plain(a.birthPlace) === plain(b.birthPlace))
    reasons.push('same_birth_place');
  const names = compareNames(a, b);
  if (names) reasons.push(names);
  else if (matchesFormerName(a, b) || matchesFormerName(b, a)) reasons.push('former_name');
  if (sameBirth && a.fromBirthFeed !== b.fromBirthFeed && (a.fromBirthFeed || b.fromBirthFeed)) {
    const sharedRepresentative = (a.representativeIds ?? []).some((id) => b.representativeIds?.includes(id));
    if (sharedRepresentative || nameKey(a.lastName) === nameKey(b.lastName)) reasons.push('newborn_vs_child');
  }
  if (a.sex !== b.sex) reasons.push('different_sex');
  if (differentParents(a, b)) reasons.push('different_parents');
  const raw = reasons.reduce((sum, r) => sum + WEIGHTS[r], 0);
  return { score: Math.max(0, Math.min(100, raw)), reasons: sortReasons(reasons) };
}

/**
 * Whether a pair can reach the strong-match threshold on what they are — their names, birth, sex and
 * parents — without sharing a СНИЛС or a document (the creation-time check finds those by their own
 * branches). False only when both have known representatives and none is shared: `different_parents`
 * takes 60 away, and everything else without an identifier adds at most 135 (birth date 25, birth place 15,
 * the best name reason 55, newborn vs child 40), so such a pair scores at most 75. The creation-time check's
 * statement asks exactly this of everyone born the same day (lib/duplicates/creation-check.ts), so a feed of
 * births — each newborn with its mother — is not compared with every other newborn of its day.
 */
export function mayBeStrongMatch(a: DuplicateSubject, b: DuplicateSubject): boolean {
  return !differentParents(a, b);
}

/** Both have known representatives (parents, guardians) and none of them is the same person. */
function differentParents(a: DuplicateSubject, b: DuplicateSubject): boolean {
  const aParents = a.representativeIds ?? [];
  const bParents = b.representativeIds ?? [];
  return aParents.length > 0 && bParents.length > 0 && !aParents.some((id) => bParents.includes(id));
}

function sortReasons(reasons: DuplicateReason[]): DuplicateReason[] {
  return [...reasons].sort((x, y) => DUPLICATE_REASONS.indexOf(x) - DUPLICATE_REASONS.indexOf(y));
}

/** Which of two records survives a merge by default: the earlier-registered one (the lower id). */
export function defaultSurvivor<T extends { id: number }>(a: T, b: T): { survivor: T; retired: T } {
  return a.id <= b.id ? { survivor: a, retired: b } : { survivor: b, retired: a };
}

/** A pair's identity: the lower id first, so (a, b) and (b, a) are one pair. */
export function orderedPair(x: number, y: number): [number, number] {
  return x < y ? [x, y] : [y, x];
}
