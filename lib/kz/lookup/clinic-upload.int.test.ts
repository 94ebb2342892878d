import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { kzTemporaryStatuses } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { addMonths } from '@/lib/domain/kz/months';
import { addDays } from '@/lib/domain/dates';
import { lookupOsmsStatus } from '@/lib/kz/lookup/lookup-osms-status';
import { kzToday } from '@/lib/kz/today';
import { citizen, d } from '@/testing/kz/osms';
import { createKzPerson, TEST_PDF } from '@/testing/kz/register';
import { clinicTemporaryUpload } from '@/app/(kz)/clinic/vremennyi-status/clinic-upload';

/**
 * The registrar's upload of a category document (ADR 0033): through the one temporary-status use case, the
 * clinic as the uploader; every wrong field named; a refused upload leaves the register as it was.
 */
const registrar: Actor = { kind: 'clinic', id: 'registrar-kz-upload', moCode: '750001' };
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5f0000000049454e44ae426082',
  'hex',
);
const file = (bytes: Uint8Array, name = 'spravka.pdf', type = 'application/pdf') => ({ name, type, bytes });
const rowsOf = (personId: number) =>
  getDb().select().from(kzTemporaryStatuses).where(eq(kzTemporaryStatuses.personId, personId));

describe('the registrar uploads a category document', () => {
  it('gives the one-month temporary status, kept with the document, and the lookup then shows it', async () => {
    const p = await createKzPerson(getDb(), { facts: citizen() });
    const state = await clinicTemporaryUpload(
      registrar,
      { iin: p.iin, category: 'PENSIONER' },
      file(PNG, 'photo.png', 'image/png'),
    );
    expect(state.errors).toEqual([]);
    expect(state.formError).toBeNull();
    const today = kzToday();
    expect(state.result).toEqual({
      iin: p.iin,
      category: {
        code: 'PENSIONER',
        name: 'Получатели пенсионных выплат, в том числе ветераны Великой Отечественной войны',
      },
      lastDay: addDays(addMonths(today, 1), -1),
      documentName: 'photo.png',
    });
    const [row] = await rowsOf(p.id);
    expect(row).toMatchObject({
      category: 'PENSIONER',
      uploadedOn: today,
      uploadedBy: 'clinic',
      uploaderActorKind: 'clinic',
      uploaderActorId: 'registrar-kz-upload',
      uploaderOrganisation: '750001',
      documentType: 'image/png',
      documentSize: PNG.length,
    });
    expect(Buffer.from(row!.document).equals(PNG)).toBe(true);
    const outcome = await lookupOsmsStatus(
      { iin: p.iin as never, onDate: today },
      { actor: registrar, channel: 'clinic_ui' },
    );
    expect(outcome).toMatchObject({ kind: 'found', answer: { insured: true, code: 'TEMPORARY_DOCUMENT' } });
  });

  it('names every wrong field at once, and writes nothing', async () => {
    const p = await createKzPerson(getDb(), { facts: citizen() });
    const wrong = `${p.iin.slice(0, 11)}${(Number(p.iin[11]) + 1) % 10}`;
    const text = new TextEncoder().encode('not a scan at all');
    const state = await clinicTemporaryUpload(registrar, { iin: wrong, category: '' }, file(text));
    expect(state.result).toBeNull();
    expect(state.errors.map((e) => e.field).sort()).toEqual(['category', 'document', 'iin']);
    expect(state.errors.find((e) => e.field === 'document')?.message).toMatch(/PDF, JPEG или PNG/);
    expect(state.values).toEqual({ iin: wrong, category: '' });
    expect(await rowsOf(p.id)).toEqual([]);
  });

  it('a missing file, a file over 5 MiB and an unknown category are refused by name', async () => {
    const p = await createKzPerson(getDb(), { facts: citizen() });
    const none = await clinicTemporaryUpload(registrar, { iin: p.iin, category: 'DISABILITY' }, null);
    expect(none.errors).toEqual([
      { field: 'document', message: 'Приложите документ, подтверждающий категорию.' },
    ]);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(TEST_PDF);
    const large = await clinicTemporaryUpload(registrar, { iin: p.iin, category: 'DISABILITY' }, file(big));
    expect(large.errors.map((e) => e.field)).toEqual(['document']);
    expect(large.errors[0]!.message).toMatch(/5 МБ/);
    const unknown = await clinicTemporaryUpload(
      registrar,
      { iin: p.iin, category: 'VETERAN' },
      file(TEST_PDF),
    );
    expect(unknown.errors.map((e) => e.field)).toEqual(['category']);
    expect(await rowsOf(p.id)).toEqual([]);
  });

  it('an ИИН nobody has is said so for the whole form; a second upload for the same category is refused', async () => {
    const nobody = await clinicTemporaryUpload(
      registrar,
      { iin: syntheticIin(d('1990-01-01'), 'male', 9010), category: 'DISABILITY' },
      file(TEST_PDF),
    );
    expect(nobody.formError).toMatch(/не найден/);
    const p = await createKzPerson(getDb(), { facts: citizen() });
    const first = await clinicTemporaryUpload(
      registrar,
      { iin: p.iin, category: 'DISABILITY' },
      file(TEST_PDF),
    );
    expect(first.result).not.toBeNull();
    const again = await clinicTemporaryUpload(
      registrar,
      { iin: p.iin, category: 'DISABILITY' },
      file(TEST_PDF),
    );
    expect(again.result).toBeNull();
    expect(again.formError).toMatch(/уже действует/);
    expect(await rowsOf(p.id)).toHaveLength(1);
  });
});
