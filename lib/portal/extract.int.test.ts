import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { extracts } from '@/db/schema';
import { childOf } from '@/testing/applications/children';
import { registeredCitizen } from '@/testing/applications/citizens';
import { formatEnp } from '@/lib/domain/ru/enp';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { rejection } from '@/testing/expect-error';
import { metaAt } from '@/testing/register/people';
import { issuePolicyExtract } from './issue-policy-extract';
import { verifyExtract } from './verify-extract';
import { whoLookedMeUp } from './who-looked-me-up';

const now = new Date('2026-03-10T09:00:00Z');
const since2025 = {
  coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' as const, on: '2025-01-10' },
};

async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

describe('issuePolicyExtract (journey 7, выписка)', () => {
  it('produces a real PDF in Russian with the ЕНП, ФИО, insurer, status and the verification code; the code is kept', async () => {
    const { actor, enp, personId } = await registeredCitizen(undefined, since2025);
    const extract = await issuePolicyExtract({ baseUrl: 'https://oms.example.ru/' }, actor, { now });

    expect(extract.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(extract.verifyUrl).toBe(`https://oms.example.ru/verify/${extract.code}`);
    expect(extract.fileName).toBe(`vypiska-erz-${enp}-2026-03-10.pdf`);
    expect(Buffer.from(extract.pdf.slice(0, 5)).toString('latin1')).toBe('%PDF-');

    const parsed = await PDFDocument.load(extract.pdf);
    expect(parsed.getPageCount()).toBe(1);
    expect(parsed.getTitle()).toBe('Выписка из единого регистра застрахованных лиц');

    const text = await pdfText(extract.pdf);
    for (const expected of [
      'Выписка из единого регистра застрахованных лиц',
      formatEnp(enp),
      'Смирнова Ольга Ивановна',
      'женский',
      '14.03.1985',
      'СОГАЗ-Мед',
      'город Москва (код 77)',
      '10.01.2025',
      'Полис действует с 10.01.2025.',
      '10.03.2026, 12:00',
      extract.formattedCode,
    ]) {
      expect(text).toContain(expected);
    }

    const [row] = await getDb().select().from(extracts).where(eq(extracts.code, extract.code));
    expect(row).toMatchObject({
      personId,
      issuedToSub: actor.id,
      holderMasked: 'Смирнова О. И., 14.03.****',
      snapshot: { enp, status: 'active', statusCode: 'ACTIVE', insurerCode: '77001', subjectCode: '77' },
    });
    expect(row!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.issuedAt).toEqual(now);
  });

  it('a parent gets their child’s extract; A cannot get B’s', async () => {
    const parent = await registeredCitizen(undefined, since2025);
    const child = await childOf(parent.personId);
    const extract = await issuePolicyExtract({ subjectPersonId: child.personId }, parent.actor, { now });
    expect(extract.personId).toBe(child.personId);
    const stranger = await registeredCitizen();
    for (const id of [parent.personId, child.personId]) {
      expect(
        (await rejection(issuePolicyExtract({ subjectPersonId: id }, stranger.actor, { now }))).code,
      ).toBe('FORBIDDEN');
    }
    const rows = await getDb().select().from(extracts).where(eq(extracts.issuedToSub, stranger.actor.id));
    expect(rows).toHaveLength(0);
  });
});

describe('verifyExtract (/verify/<code>)', () => {
  it('confirms a genuine extract: for whom (masked), as of when, status unchanged', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    const extract = await issuePolicyExtract({}, actor, { now });
    const result = await verifyExtract({ code: extract.code }, { now: new Date('2026-03-11T09:00:00Z') });
    expect(result).toMatchObject({
      valid: true,
      holder: 'Смирнова О. И., 14.03.****',
      issuedAt: now,
      asOf: now,
      statusAtIssue: { status: 'active', label: 'действует' },
      statusNow: { status: 'active', label: 'действует' },
      changed: false,
      changes: [],
    });
    if (!result.valid) throw new Error('unreachable');
    expect(result.enpMasked).toMatch(/^77\d\d \*{4} \*{4} \d{4}$/);
    expect(result.message).toContain('не изменились');

    // Typed from paper: lower case, dashes, O for 0.
    const typed = extract.formattedCode.toLowerCase().replace(/0/g, 'o');
    expect((await verifyExtract({ code: typed }, { now })).valid).toBe(true);

    // The check is visible to the holder.
    const lookups = await whoLookedMeUp({}, actor, { now });
    expect(lookups.entries[0]).toMatchObject({
      channel: 'portal',
      channelLabel: 'Проверка выписки по коду',
      result: 'valid',
    });
    expect(lookups.entries[0]!.organisation).toBeNull();
    expect(personId).toBe(lookups.personId);
  });

  it('says when the status has changed since the extract was issued', async () => {
    const { actor, personId } = await registeredCitizen(undefined, since2025);
    const extract = await issuePolicyExtract({}, actor, { now });
    await suspendPolicy(
      { personId, reason: 'military_service', on: '2026-03-11' },
      metaAt('2026-03-11T09:00:00Z'),
    );
    const result = await verifyExtract({ code: extract.code }, { now: new Date('2026-03-12T09:00:00Z') });
    expect(result).toMatchObject({
      valid: true,
      changed: true,
      changes: ['status'],
      statusAtIssue: { status: 'active' },
      statusNow: { status: 'suspended', label: 'приостановлен' },
    });
    if (!result.valid) throw new Error('unreachable');
    expect(result.message).toContain('полис сейчас приостановлен');
    expect(result.message).not.toContain('военн');
  });

  it('an unknown or malformed code is not valid', async () => {
    const unknown = await verifyExtract({ code: '0'.repeat(26) }, { now });
    expect(unknown).toMatchObject({ valid: false, reason: 'unknown' });
    for (const code of ['', 'abc', 'Z'.repeat(26), 'U'.repeat(26), `${'0'.repeat(25)}!`]) {
      expect(await verifyExtract({ code }, { now })).toMatchObject({ valid: false, reason: 'malformed' });
    }
  });
});
