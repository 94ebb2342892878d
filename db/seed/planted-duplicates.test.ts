import { describe, expect, it } from 'vitest';
import { CANDIDATE_THRESHOLD, scoreDuplicate, type DuplicateSubject } from '@/lib/domain/ru/duplicates';
import { parseSeedArgs } from './args';
import { isoDay } from './copy-text';
import { DEMO_RESERVED_DOCUMENTS } from './demo-people';
import { fixtureDirectory } from './fixture-directory';
import { PersonGenerator } from './generator';
import { PLANTED_KINDS } from './planted-duplicates';
import type { PersonRecord } from './records';

const subject = (p: PersonRecord): DuplicateSubject => ({
  lastName: p.lastName,
  firstName: p.firstName,
  patronymic: p.patronymic,
  sex: p.sex,
  birthDate: isoDay(p.birthDay),
  birthPlace: p.birthPlace,
  snils: p.snils,
  documents: p.documents.map((d) => ({ kind: d.kind, series: d.series, number: d.number })),
});

function generate(share: number, count: number) {
  const g = new PersonGenerator({
    seed: 7,
    asOf: '2026-11-22',
    directory: fixtureDirectory(),
    firstId: 100,
    reservedDocuments: DEMO_RESERVED_DOCUMENTS,
    duplicateShare: share,
  });
  const records = Array.from({ length: count }, () => g.next());
  return { records, planted: g.planted };
}

describe('planted duplicates', () => {
  it('follow their original with their own id and ЕНП, no СНИЛС, and every kind is planted', () => {
    const { records, planted } = generate(0.1, 3000);
    expect(planted.length).toBeGreaterThan(200);
    expect(new Set(planted.map((p) => p.kind))).toEqual(new Set(PLANTED_KINDS));
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(byId.size).toBe(records.length);
    expect(new Set(records.map((r) => r.enp)).size).toBe(records.length);
    for (const pair of planted) {
      const duplicate = byId.get(pair.duplicateId)!;
      expect(duplicate.snils).toBeNull();
      expect(duplicate.birthDay).toBe(byId.get(pair.originalId)!.birthDay);
    }
  });

  it('are all candidates by the duplicate rules (the benchmark measures the scan, not the planting)', () => {
    const { records, planted } = generate(0.1, 3000);
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const pair of planted) {
      const { score } = scoreDuplicate(
        subject(byId.get(pair.originalId)!),
        subject(byId.get(pair.duplicateId)!),
      );
      expect(score, `${pair.kind}`).toBeGreaterThanOrEqual(CANDIDATE_THRESHOLD);
    }
  });

  it('leave the register unchanged when not asked for', () => {
    const plain = generate(0, 500).records;
    const again = new PersonGenerator({
      seed: 7,
      asOf: '2026-11-22',
      directory: fixtureDirectory(),
      firstId: 100,
      reservedDocuments: DEMO_RESERVED_DOCUMENTS,
    });
    expect(Array.from({ length: 500 }, () => again.next())).toEqual(plain);
  });

  it('are asked for with --duplicates P%', () => {
    const r = parseSeedArgs(['--persons', '10', '--duplicates', '0.5%']);
    expect(r.ok && !r.help && r.args.duplicates).toBe(0.005);
    for (const bad of ['0.5', '25%', 'x%', '-1%']) {
      const e = parseSeedArgs(['--persons', '10', '--duplicates', bad]);
      expect(e.ok, bad).toBe(false);
    }
  });
});
