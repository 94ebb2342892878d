import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { validateEnp } from '@/lib/domain/ru/enp';
import { validateSnils } from '@/lib/domain/ru/snils';
import { epochDay, fullYears } from './copy-text';
import {
  DEMO_NEW_APPLICANT,
  DEMO_NOT_REGISTERED,
  DEMO_PEOPLE,
  DEMO_RESERVED_DOCUMENTS,
  demoRecords,
} from './demo-people';
import { fixtureDirectory } from './fixture-directory';
import { PersonGenerator } from './generator';
import { BatchWriter, type PersonRecord } from './records';

const AS_OF = '2026-11-22';
const asOfDay = epochDay(AS_OF);
const directory = fixtureDirectory();

function generate(seed: number, count: number): PersonRecord[] {
  const g = new PersonGenerator({
    seed,
    asOf: AS_OF,
    directory,
    firstId: 100,
    reservedDocuments: DEMO_RESERVED_DOCUMENTS,
  });
  return Array.from({ length: count }, () => g.next());
}

describe('PersonGenerator', () => {
  const people = generate(42, 5000);

  it('is deterministic: same seed, same people; another seed, other people', () => {
    expect(generate(42, 300)).toEqual(people.slice(0, 300));
    expect(generate(43, 300)).not.toEqual(people.slice(0, 300));
  });

  it('writes the same bytes for the same people', () => {
    const a = new BatchWriter(asOfDay);
    const b = new BatchWriter(asOfDay);
    for (const p of people.slice(0, 500)) a.add(p);
    for (const p of generate(42, 500)) b.add(p);
    const ta = a.takeAll();
    const tb = b.takeAll();
    expect(ta.map((c) => c.rows)).toEqual(tb.map((c) => c.rows));
    ta.forEach((c, i) => expect(c.text.equals(tb[i]!.text)).toBe(true));
    // COPY text: one line per row, tab-separated, UTF-8.
    const persons = ta[0]!.text.toString('utf8').split('\n');
    expect(persons.length).toBe(501);
    expect(persons[0]!.split('\t')).toHaveLength(16);
  });

  it('gives valid, unique identifiers; the ЕНП prefix is the first region of coverage', () => {
    const enps = new Set<string>();
    const snils = new Set<string>();
    for (const p of people) {
      expect(validateEnp(p.enp).ok).toBe(true);
      expect(p.enp.slice(0, 2)).toBe(p.coverages[0]!.subjectCode);
      enps.add(p.enp);
      if (p.snils !== null) {
        expect(validateSnils(p.snils).ok).toBe(true);
        snils.add(p.snils);
      }
    }
    expect(enps.size).toBe(people.length);
    expect(snils.size).toBe(people.filter((p) => p.snils !== null).length);
    expect(snils.size / people.length).toBeGreaterThan(0.95);
  });

  it('uses feminine surname forms and patronymics for women', () => {
    for (const p of people.filter((x) => x.citizenship === 'RUS')) {
      if (p.sex === 'F') {
        expect(p.patronymic).toMatch(/(вна|чна)$/);
        expect(p.lastName).not.toMatch(/(ов|ев|ёв|ин|ский|цкий)$/);
      } else {
        expect(p.patronymic).toMatch(/(вич|ич)$/);
        expect(p.lastName).not.toMatch(/(ова|ева|ина|ская|цкая)$/);
      }
    }
  });

  it('issues documents that fit the F011 masks and the age', () => {
    const keys = new Set<string>();
    for (const p of people) {
      const age = fullYears(p.birthDay, Math.min(p.deathDay ?? asOfDay, asOfDay));
      for (const d of p.documents) {
        const n = normalizeDocument({ kind: d.kind, series: d.series, number: d.number });
        expect(n.ok, `${d.kind} ${d.series} ${d.number}`).toBe(true);
        if (n.ok) expect(n.value).toEqual({ kind: d.kind, series: d.series, number: d.number });
        const key = `${d.kind}|${d.series ?? ''}|${d.number}`;
        expect(keys.has(key)).toBe(false);
        expect(DEMO_RESERVED_DOCUMENTS.has(key)).toBe(false);
        keys.add(key);
        if (d.kind === 14) expect(age).toBeGreaterThanOrEqual(14);
        if (d.kind === 3 && d.current) expect(age).toBeLessThan(14);
      }
      const current = p.documents.filter((d) => d.current).map((d) => d.kind);
      expect(new Set(current).size).toBe(current.length);
      if (p.citizenship === 'RUS') expect(current).toEqual([age >= 14 ? 14 : 3]);
      else expect(current.sort((a, b) => a - b)).toEqual(expect.arrayContaining([9]));
    }
  });

  it('builds coverage histories without overlaps, with insurers serving the region', () => {
    for (const p of people) {
      for (let i = 0; i < p.coverages.length; i++) {
        const c = p.coverages[i]!;
        if (c.toDay !== null) expect(c.toDay).toBeGreaterThan(c.fromDay);
        const next = p.coverages[i + 1];
        if (next) expect(next.fromDay).toBe(c.toDay);
        const serving = directory.insurers.get(c.subjectCode)!.find((s) => s.code === c.insurerCode);
        expect(serving).toBeDefined();
      }
      const last = p.coverages[p.coverages.length - 1]!;
      if (p.deathDay !== null)
        expect(last).toMatchObject({ status: 'terminated', reason: 'death', fromDay: p.deathDay });
    }
    const share = (f: (p: PersonRecord) => boolean) => people.filter(f).length / people.length;
    const lastOf = (p: PersonRecord) => p.coverages[p.coverages.length - 1]!;
    expect(share((p) => lastOf(p).status === 'suspended')).toBeGreaterThan(0.004);
    expect(share((p) => lastOf(p).status === 'suspended')).toBeLessThan(0.02);
    expect(share((p) => lastOf(p).status === 'terminated')).toBeGreaterThan(0.007);
    expect(share((p) => lastOf(p).status === 'terminated')).toBeLessThan(0.03);
    expect(share((p) => p.citizenship !== 'RUS')).toBeGreaterThan(0.005);
    expect(share((p) => p.citizenship !== 'RUS')).toBeLessThan(0.025);
    expect(share((p) => p.coverages.some((c) => c.reason === 'insurer_change'))).toBeGreaterThan(0.03);
  });

  it('links most children to a parent of plausible age in the same region', () => {
    const byId = new Map(people.map((p) => [p.id, p]));
    const children = people.filter((p) => p.citizenship === 'RUS' && fullYears(p.birthDay, asOfDay) < 18);
    const linked = children.filter((c) => c.representatives.length > 0);
    expect(linked.length / children.length).toBeGreaterThan(0.7);
    for (const c of linked) {
      const parent = byId.get(c.representatives[0]!.representativeId)!;
      const gap = fullYears(parent.birthDay, c.birthDay);
      expect(gap).toBeGreaterThanOrEqual(18);
      expect(gap).toBeLessThanOrEqual(45);
      expect(parent.coverages.at(-1)!.subjectCode).toBe(c.coverages.at(-1)!.subjectCode);
    }
  });

  it('visits every region first, so small registers show all of them', () => {
    expect(new Set(generate(1, 89).map((p) => p.coverages.at(-1)!.subjectCode)).size).toBe(89);
  });
});

describe('demo people', () => {
  it('have valid identifiers and documents, and nobody else gets them', () => {
    const records = demoRecords(AS_OF);
    expect(records.map((r) => r.id)).toEqual(DEMO_PEOPLE.map((d, i) => (expect(d.id).toBe(i + 1), d.id)));
    for (const d of DEMO_PEOPLE) {
      expect(validateEnp(d.enp).ok).toBe(true);
      if (d.snils) expect(validateSnils(d.snils).ok).toBe(true);
      const n = normalizeDocument(d.document);
      expect(n.ok && n.value).toEqual(d.document);
    }
    const outside = [DEMO_NOT_REGISTERED, DEMO_NEW_APPLICANT];
    for (const o of outside) {
      expect(validateSnils(o.snils).ok).toBe(true);
      expect(normalizeDocument(o.document).ok).toBe(true);
    }
    const generated = generate(42, 2000);
    const snils = new Set(DEMO_PEOPLE.map((d) => d.snils));
    for (const o of outside) snils.add(o.snils);
    for (const p of generated) expect(snils.has(p.snils)).toBe(false);
  });

  it('date their "this year" events in the seeding year, never after it', () => {
    const early = demoRecords('2027-01-15');
    const smirnova = early.find((r) => r.lastName === 'Смирнова')!;
    expect(smirnova.coverages[1]!.fromDay).toBe(epochDay('2027-01-15'));
    const late = demoRecords(AS_OF).find((r) => r.lastName === 'Смирнова')!;
    expect(late.coverages[1]!.fromDay).toBe(epochDay('2026-03-02'));
    expect(() => demoRecords('2025-06-01')).toThrow(/2026-01-01/);
  });
});
