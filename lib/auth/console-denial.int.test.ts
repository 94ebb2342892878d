import type { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { listApplicationQueue } from '@/lib/applications/application-queue';
import { getApplicationForReview } from '@/lib/applications/application-review';
import { decideApplication } from '@/lib/applications/decide-application';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { correctAttachment } from '@/lib/register/correct-attachment';
import { correctCoverage } from '@/lib/register/correct-coverage';
import { correctDocument } from '@/lib/register/correct-document';
import { correctPersonData } from '@/lib/register/correct-person-data';
import type { CorrectionAuthor } from '@/lib/register/correction';
import { readPersonCard } from '@/lib/register/person-card';
import { registerPerson } from '@/lib/register/register-person';
import { searchRegister } from '@/lib/register/search-register';
import { isAppError } from '@/lib/errors';
import { queuedPolicyApplication } from '@/testing/applications/queue';
import { adultInput, metaAt } from '@/testing/register/people';
import { systemActor, type Actor } from './actor';
import {
  createStaffAccountBy,
  listStaffAccounts,
  rescopeStaff,
  resetStaffTotp,
  setStaffBlocked,
  type StaffActing,
} from './manage-staff';
import { createStaffAccount } from './staff-accounts';

/**
 * The console's denial suite at the use-case level (issue 11): every console use case, called as every
 * other kind of actor — a citizen (the very person concerned), a clinic registrar, a clinic's API key,
 * each agency feed — and as fund and insurer staff outside the scope of what it touches, answers FORBIDDEN.
 * Each case is built so that an actor who is let through gets another answer (a stale version → CONFLICT,
 * a decided application → ALREADY_DECIDED, …) or a result: the allowed actors of each case are checked too,
 * so the table cannot pass by refusing everyone.
 *
 * A new console use case is one more row of CASES.
 */

const ACTORS = {
  ffoms: { kind: 'staff', id: 'ffoms', role: 'ffoms_admin' },
  tfoms77: { kind: 'staff', id: 'tfoms77', role: 'tfoms_operator', subjectCode: '77' },
  tfoms50: { kind: 'staff', id: 'tfoms50', role: 'tfoms_operator', subjectCode: '50' },
  smo77001: { kind: 'staff', id: 'smo77001', role: 'smo_operator', insurerCode: '77001' },
  smo77002: { kind: 'staff', id: 'smo77002', role: 'smo_operator', insurerCode: '77002' },
  citizen: { kind: 'citizen', id: 'esia-self', personId: 0, representedPersonIds: [], trusted: true },
  clinic: { kind: 'clinic', id: 'registrator', moCode: '770001' },
  apiKey: { kind: 'api_key', id: 'key770001', moCode: '770001' },
  zags: { kind: 'feed', id: 'feed:zags', source: 'zags' },
  mvd: { kind: 'feed', id: 'feed:mvd', source: 'mvd' },
  military: { kind: 'feed', id: 'feed:military', source: 'military' },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** The person every case is about: insured in region 77 by insurer 77001, attached to МО 770001. */
let person: { id: number; documentId: number; coverageId: number; attachmentId: number };
let applicationNumber: string;
let keyPrefix: string;
/** A clinic registrar's account of region 77: what a region's fund (and ФФОМС) may manage. */
let registrarId: number;
/** The account the audit trail names for the let-through management calls (the actors are synthetic). */
let actingId: number;
const STALE = 999;
const now = new Date('2026-03-11T10:00:00Z');

beforeAll(async () => {
  const made = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
  const card = await readPersonCard(ACTORS.ffoms, { personId: made.personId, purpose: 'data_check' });
  person = {
    id: made.personId,
    documentId: card.documents[0]!.id,
    coverageId: card.coverage[0]!.id,
    attachmentId: card.attachments[0]!.id,
  };
  ACTORS.citizen.personId = made.personId;
  const { application } = await queuedPolicyApplication(new Date('2026-03-10T09:00:00Z'), {
    subjectCode: '77',
    insurerCode: '77001',
  });
  applicationNumber = application.number;
  keyPrefix = (await createApiKey({ moCode: '770001', label: 'denial suite' }, systemActor('test'))).prefix;
  registrarId = await createStaffAccount({
    login: 'denial-registrar',
    password: 'kq7-Zt2m-9vXp-4bWs',
    fullName: 'Проверкина Анна Сергеевна',
    role: 'clinic_registrar',
    moCode: '770001',
  });
  actingId = await createStaffAccount({
    login: 'denial-acting',
    password: 'v8r-Lm3q-2Hzt-6nPc',
    fullName: 'Проверяющий Иван Петрович',
    role: 'ffoms_admin',
  });
});

const acting = (actor: Actor): StaffActing => ({
  actor: actor as StaffActing['actor'],
  staffId: actingId,
  login: actor.id,
  organisation: 'denial-suite',
  address: null,
});

const author = (actor: Actor): CorrectionAuthor => ({
  actor: actor as CorrectionAuthor['actor'],
  staffId: null,
  login: actor.id,
  organisation: null,
  now,
});
const target = () => ({ personId: person.id, expectedVersion: STALE, reason: 'Исправлено по паспорту' });

interface Case {
  name: string;
  run: (actor: Actor) => Promise<unknown>;
  /** Who may: they must get anything but FORBIDDEN. Everyone else: FORBIDDEN. */
  allowed: readonly ActorName[];
  /**
   * What managers out of scope hear instead of FORBIDDEN when the use case hides that the thing exists
   * (an account out of their reach is «не найдена», ADR 0017); everyone else still hears FORBIDDEN.
   */
  outOfScope?: { answer: 'NOT_FOUND'; for: readonly ActorName[] };
}

const FUND_WITH_THE_PERSON: readonly ActorName[] = ['ffoms', 'tfoms77'];
const STAFF_WITH_THE_PERSON: readonly ActorName[] = ['ffoms', 'tfoms77', 'smo77001'];

const CASES: Case[] = [
  { name: 'readAuditLog', run: (a) => readAuditLog({}, a), allowed: ['ffoms', 'tfoms77', 'tfoms50'] },
  {
    name: 'exportAuditLog',
    run: (a) => exportAuditLog({}, { actor: a, staffId: null, login: a.id }),
    allowed: ['ffoms', 'tfoms77', 'tfoms50'],
  },
  {
    name: 'listApplicationQueue (region 77, insurer 77001)',
    run: (a) => listApplicationQueue({ subjectCode: '77', insurerCode: '77001' }, a, { now }),
    allowed: STAFF_WITH_THE_PERSON,
  },
  {
    name: 'getApplicationForReview (an application of region 77, insurer 77001)',
    run: (a) => getApplicationForReview(applicationNumber, a, { now }),
    allowed: STAFF_WITH_THE_PERSON,
  },
  {
    name: 'decideApplication (refuse an application of region 77, insurer 77001)',
    run: (a) =>
      decideApplication(
        { number: applicationNumber, decision: 'refuse', reason: 'REFUSED_OTHER', comment: 'Проверка прав' },
        a,
        { now },
      ),
    allowed: STAFF_WITH_THE_PERSON,
  },
  {
    name: 'searchRegister (results narrowed to the scope)',
    run: (a) => searchRegister(a, { kind: 'snils', snils: '112-233-445 95' }),
    allowed: ['ffoms', 'tfoms77', 'tfoms50', 'smo77001', 'smo77002'],
  },
  {
    name: 'readPersonCard',
    run: (a) => readPersonCard(a, { personId: person.id, purpose: 'data_check' }),
    allowed: STAFF_WITH_THE_PERSON,
  },
  {
    name: 'correctPersonData (stale version)',
    run: (a) => correctPersonData({ ...target(), person: { lastName: 'Иванова' } as never }, author(a)),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'correctDocument (stale version)',
    run: (a) =>
      correctDocument({ ...target(), documentId: person.documentId, document: { number: '1' } }, author(a)),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'correctCoverage (stale version)',
    run: (a) =>
      correctCoverage(
        {
          ...target(),
          coverageId: person.coverageId,
          insurerCode: '77002',
          subjectCode: '77',
          validFrom: '2026-01-15',
        },
        author(a),
      ),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'correctAttachment (stale version)',
    run: (a) =>
      correctAttachment(
        { ...target(), attachmentId: person.attachmentId, moCode: '770002', validFrom: '2026-01-15' },
        author(a),
      ),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'listApiKeys (МО 770001)',
    run: (a) => listApiKeys({ moCode: '770001' }, a),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'createApiKey (МО 770001)',
    run: (a) => createApiKey({ moCode: '770001', label: 'denial suite' }, a),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'revokeApiKey (a key of МО 770001)',
    run: (a) => revokeApiKey({ prefix: keyPrefix }, a),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'listStaffAccounts',
    run: (a) => listStaffAccounts(acting(a)),
    allowed: ['ffoms', 'tfoms77', 'tfoms50'],
  },
  {
    name: 'createStaffAccountBy (a registrar of МО 770001, login taken)',
    run: (a) =>
      createStaffAccountBy(
        {
          login: 'denial-registrar',
          fullName: 'Проверкина Анна Сергеевна',
          role: 'clinic_registrar',
          moCode: '770001',
        },
        acting(a),
      ),
    allowed: FUND_WITH_THE_PERSON,
  },
  {
    name: 'setStaffBlocked (unblock the registrar of МО 770001)',
    run: (a) => setStaffBlocked({ staffId: registrarId, blocked: false }, acting(a)),
    allowed: FUND_WITH_THE_PERSON,
    outOfScope: { answer: 'NOT_FOUND', for: ['tfoms50'] },
  },
  {
    name: 'rescopeStaff (the registrar to МО 770002)',
    run: (a) => rescopeStaff({ staffId: registrarId, role: 'clinic_registrar', moCode: '770002' }, acting(a)),
    allowed: FUND_WITH_THE_PERSON,
    outOfScope: { answer: 'NOT_FOUND', for: ['tfoms50'] },
  },
  {
    name: 'resetStaffTotp (the registrar of МО 770001)',
    run: (a) => resetStaffTotp({ staffId: registrarId }, acting(a)),
    allowed: FUND_WITH_THE_PERSON,
    outOfScope: { answer: 'NOT_FOUND', for: ['tfoms50'] },
  },
];

/** The answer's code: FORBIDDEN, another error's code, or `ok`. A stream (the export) is closed. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    const result = await run();
    if (result && typeof (result as Readable).destroy === 'function') (result as Readable).destroy();
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe.each(CASES)('console use case $name', ({ run, allowed, outOfScope }) => {
  const denied = ACTOR_NAMES.filter((n) => !allowed.includes(n));
  it.each(denied)('as %s: refused', async (name) => {
    const expected = outOfScope?.for.includes(name) ? outOfScope.answer : 'FORBIDDEN';
    expect(await outcome(() => run(ACTORS[name]))).toBe(expected);
  });
  it.each([...allowed])('as %s: let through (another answer than FORBIDDEN)', async (name) => {
    expect(await outcome(() => run(ACTORS[name]))).not.toBe('FORBIDDEN');
  });
});
