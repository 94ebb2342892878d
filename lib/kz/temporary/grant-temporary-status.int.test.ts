import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { kzTemporaryStatuses, notifications, registerEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { osmsStatusOn, syntheticIin } from '@/lib/domain/kz';
import { temporaryStatusLastDay } from '@/lib/domain/kz/status-periods';
import { TEMPORARY_DOCUMENT_MAX_BYTES } from '@/lib/domain/kz/temporary-document';
import { personRecipient } from '@/lib/notifications/person-recipient';
import { kzToday } from '@/lib/kz/today';
import { rejection } from '@/testing/expect-error';
import { citizen, d, membership, osmsParameters } from '@/testing/kz/osms';
import { createKzPerson, TEST_PDF } from '@/testing/kz/register';
import { loadOsmsFacts } from '../status/facts-query';
import { grantTemporaryStatus } from './grant-temporary-status';

const NOW = new Date('2026-06-15T06:00:00Z');
/** A valid ИИН nobody in these tests has (the fixture numbers people born in 1988). */
const NOBODY = syntheticIin(d('1931-01-01'), 'male', 4321);
const clinic: Actor = { kind: 'clinic', id: 'registrar-7', moCode: 'KZ0042' };
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

const selfOf = (personId: number, trusted = true): Actor => ({
  kind: 'citizen',
  id: `egov-${personId}`,
  personId,
  representedPersonIds: [],
  trusted,
});

async function rowsOf(personId: number) {
  return getDb().select().from(kzTemporaryStatuses).where(eq(kzTemporaryStatuses.personId, personId));
}

async function eventsOf(personId: number) {
  return getDb().select().from(registerEvents).where(eq(registerEvents.personId, personId));
}

describe('grantTemporaryStatus', () => {
  it('a clinic uploads a scan: the status holds one month from today, the document is kept by its bytes', async () => {
    const person = await createKzPerson(getDb());
    const granted = await grantTemporaryStatus(
      { actor: clinic, source: 'clinic', now: NOW },
      {
        iin: person.iin,
        category: 'PENSIONER',
        // The name and the declared type say PDF; the bytes are a PNG, and the bytes decide.
        document: { name: 'справка.pdf', type: 'application/pdf', bytes: PNG },
      },
    );
    const today = kzToday(NOW);
    expect(granted).toMatchObject({
      personId: person.id,
      category: 'PENSIONER',
      uploadedOn: today,
      lastDay: temporaryStatusLastDay(osmsParameters, today),
      document: { name: 'справка.pdf', type: 'image/png', size: PNG.length },
    });
    expect(granted.lastDay).toBe('2026-07-14');

    const [row] = await rowsOf(person.id);
    expect(row).toMatchObject({
      uploadedBy: 'clinic',
      uploaderActorKind: 'clinic',
      uploaderActorId: 'registrar-7',
      uploaderOrganisation: 'KZ0042',
      documentType: 'image/png',
      documentSize: PNG.length,
      revokedOn: null,
    });
    expect(Buffer.from(row!.document).equals(PNG)).toBe(true);
    expect(row!.documentSha256).toBe(createHash('sha256').update(PNG).digest('hex'));

    // The status the rule derives from the register's facts now rests on the document.
    const status = osmsStatusOn(osmsParameters, await loadOsmsFacts(getDb(), person.id), today);
    expect(status).toMatchObject({ insured: true, code: 'TEMPORARY_DOCUMENT', until: '2026-07-14' });

    const events = await eventsOf(person.id);
    expect(events.map((e) => [e.entity, e.action, e.entityId])).toEqual([
      ['temporary_status', 'temporary_status.granted', granted.id],
    ]);
    const [note] = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientSub, personRecipient(person.id)));
    expect(note!.text).toContain('Временный статус на один месяц');
    expect(note!.text).toContain('Медицинская организация загрузила документ');
    expect(note!.text).toContain('14.07.2026');
  });

  it('the person uploads for themselves from the cabinet; nobody else may, and a stranger learns nothing', async () => {
    const person = await createKzPerson(getDb());
    const other = await createKzPerson(getDb());
    const own = await grantTemporaryStatus(
      { actor: selfOf(person.id), source: 'portal', now: NOW },
      { iin: person.iin, category: 'DISABILITY', document: { name: 'a.pdf', bytes: TEST_PDF } },
    );
    expect((await rowsOf(person.id))[0]).toMatchObject({ id: own.id, uploadedBy: 'person' });

    const input = { iin: other.iin, category: 'DISABILITY', document: { name: 'a.pdf', bytes: TEST_PDF } };
    const refusals = [
      // another person's ИИН
      await rejection(grantTemporaryStatus({ actor: selfOf(person.id), source: 'portal', now: NOW }, input)),
      // an account that is not verified
      await rejection(
        grantTemporaryStatus({ actor: selfOf(other.id, false), source: 'portal', now: NOW }, input),
      ),
      // the fund's staff grant nothing: the person or a clinic holds the document
      await rejection(
        grantTemporaryStatus(
          { actor: { kind: 'staff', id: 'a', role: 'ffoms_admin' }, source: 'console' },
          input,
        ),
      ),
      // an ИИН nobody has, asked by a citizen: the same refusal as for someone else's
      await rejection(
        grantTemporaryStatus(
          { actor: selfOf(person.id), source: 'portal', now: NOW },
          { ...input, iin: NOBODY },
        ),
      ),
    ];
    expect(refusals.map((e) => e.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await rowsOf(other.id)).toHaveLength(0);
    expect(await eventsOf(other.id)).toHaveLength(0);

    const unknown = await rejection(
      grantTemporaryStatus({ actor: clinic, source: 'clinic', now: NOW }, { ...input, iin: NOBODY }),
    );
    expect(unknown.code).toBe('PERSON_NOT_FOUND');
  });

  it('names every wrong field at once: the ИИН, the category and the file, judged by its bytes and size', async () => {
    const html = new TextEncoder().encode('<html>%PDF-1.4</html>');
    const bad = await rejection(
      grantTemporaryStatus(
        { actor: clinic, source: 'clinic', now: NOW },
        {
          iin: '880514300015',
          category: 'VIP',
          document: { name: 'a.pdf', type: 'application/pdf', bytes: html },
        },
      ),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    expect(bad.fields.map((f) => `${f.field}:${f.code}`)).toEqual([
      'iin:IIN_INVALID_CHECKSUM',
      'category:KZ_CATEGORY_UNKNOWN',
      'document:KZ_DOCUMENT_TYPE',
    ]);

    const person = await createKzPerson(getDb());
    const big = Buffer.alloc(TEMPORARY_DOCUMENT_MAX_BYTES + 1);
    TEST_PDF.copy(big);
    const tooBig = await rejection(
      grantTemporaryStatus(
        { actor: clinic, source: 'clinic', now: NOW },
        { iin: person.iin, category: 'CHILDREN', document: { name: 'big.pdf', bytes: big } },
      ),
    );
    expect(tooBig.fields.map((f) => `${f.field}:${f.code}`)).toEqual(['document:KZ_DOCUMENT_TOO_LARGE']);
    const none = await rejection(
      grantTemporaryStatus(
        { actor: clinic, source: 'clinic', now: NOW },
        { iin: person.iin, category: 'CHILDREN', document: null },
      ),
    );
    expect(none.fields.map((f) => `${f.field}:${f.code}`)).toEqual(['document:KZ_DOCUMENT_REQUIRED']);
    expect(await rowsOf(person.id)).toHaveLength(0);
  });

  it('is refused while the category’s data is in, and while a temporary status for it still holds', async () => {
    const member = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
    });
    const doc = { name: 'a.pdf', bytes: TEST_PDF };
    const insured = await rejection(
      grantTemporaryStatus(
        { actor: clinic, source: 'clinic', now: NOW },
        { iin: member.iin, category: 'DISABILITY', document: doc },
      ),
    );
    expect(insured.code).toBe('KZ_ALREADY_INSURED_ON_CATEGORY');
    expect(await rowsOf(member.id)).toHaveLength(0);

    const person = await createKzPerson(getDb());
    await grantTemporaryStatus(
      { actor: clinic, source: 'clinic', now: NOW },
      { iin: person.iin, category: 'CHILDCARE_LEAVE', document: doc },
    );
    // On its last day it still holds: a second upload does not extend it.
    const lastDay = new Date('2026-07-14T12:00:00Z');
    const again = await rejection(
      grantTemporaryStatus(
        { actor: clinic, source: 'clinic', now: lastDay },
        { iin: person.iin, category: 'CHILDCARE_LEAVE', document: doc },
      ),
    );
    expect(again.code).toBe('KZ_TEMPORARY_STATUS_HOLDS');
    expect(again.details).toMatchObject({ until: '2026-07-14' });
    // The day after, the data still not in, the person may upload again.
    const next = await grantTemporaryStatus(
      { actor: clinic, source: 'clinic', now: new Date('2026-07-15T06:00:00Z') },
      { iin: person.iin, category: 'CHILDCARE_LEAVE', document: doc },
    );
    expect(next.lastDay).toBe('2026-08-14');
    expect(await rowsOf(person.id)).toHaveLength(2);
  });

  it('a failed write leaves the register as it was (a database refusal rolls the whole upload back)', async () => {
    const person = await createKzPerson(getDb());
    const before = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from notifications`);
    // A name the table cannot hold is cut by the rule, so force the failure in the database instead:
    // a clinic code longer than the column allows.
    const longCode: Actor = { kind: 'clinic', id: 'r', moCode: 'X'.repeat(65) };
    await expect(
      grantTemporaryStatus(
        { actor: longCode, source: 'clinic', now: NOW },
        {
          iin: person.iin,
          category: 'CHILDREN',
          document: { name: 'a.pdf', bytes: TEST_PDF },
        },
      ),
    ).rejects.toThrow();
    expect(await rowsOf(person.id)).toHaveLength(0);
    expect(await eventsOf(person.id)).toHaveLength(0);
    const after = await getDb().execute<{ n: string }>(sql`select count(*)::text as n from notifications`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});
