import { waitingDue, type ReviewedOutcome } from '../_journey/decided';
import { regionChangeOptions, type RegionChangeOptions } from '@/lib/applications/region-change-options';
import { submitChildRegistration } from '@/lib/applications/submit-child-registration';
import type { CitizenActor } from '@/lib/auth/actor';
import { moscowDate, parseDate } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { isMinor } from '@/lib/domain/ru/person';
import { IssueCollector } from '@/lib/domain/result';
import { fieldIssue } from '@/lib/errors';
import { checkDocumentData, checkPersonData } from '@/lib/register/person-input';
import { insurerOption } from '../_journey/choices';
import type { Answers, Issue, JourneySpec } from '../_journey/journey-flow';
import { insurerStep } from '../_journey/steps';

/**
 * Journey 2: register a child from the birth certificate — the child, the certificate, the insurer (of the
 * parent's region), check, the outcome. Each page checks its fields with the same rules the use case
 * applies, so most mistakes are shown where they were made; the use case still checks everything again.
 */

export const CHILD_FIELDS = [
  'child.lastName',
  'child.firstName',
  'child.patronymic',
  'child.sex',
  'child.birthDate',
];
export const CERTIFICATE_FIELDS = [
  'certificate.series',
  'certificate.number',
  'certificate.issueDate',
  'certificate.zagsName',
];

export interface ChildView {
  region?: string;
  insurers?: { code: string; name: string; contacts: string }[];
  summary?: { insurer: string; region: string };
}

export interface ChildOutcome extends ReviewedOutcome {
  outcome: 'registered' | 'matched' | 'queued' | 'refused' | 'cancelled';
  number: string;
  childName: string;
  enp: string | null;
  personId: number | null;
  policy: 'issued' | 'insurer_chosen' | 'kept' | null;
}

interface Ctx {
  actor: CitizenActor;
  /** The parent's region and the insurers serving it (asked once, when a page needs them). */
  insurers: () => Promise<RegionChangeOptions>;
}

const issuesOf = (c: IssueCollector): Issue[] =>
  c.issues.map((i) => ({ field: i.field, message: i.message }));

/** What to say about an empty field, in the child's terms. */
const REQUIRED: Record<string, string> = {
  'child.lastName': 'Укажите фамилию ребёнка.',
  'child.firstName': 'Укажите имя ребёнка.',
  'child.sex': 'Выберите пол ребёнка.',
  'child.birthDate': 'Укажите дату рождения ребёнка.',
};

function checkChild(answers: Answers): Issue[] {
  const c = new IssueCollector();
  const today = moscowDate(new Date());
  const child = checkPersonData(
    c,
    {
      lastName: answers['child.lastName'] ?? '',
      firstName: answers['child.firstName'] ?? '',
      patronymic: answers['child.patronymic'] ?? null,
      sex: answers['child.sex'] ?? '',
      birthDate: answers['child.birthDate'] ?? '',
      citizenship: 'RUS',
    },
    today,
    'child.',
  );
  if (child && !isMinor(child.birthDate, today)) {
    c.add(
      fieldIssue(
        'child.birthDate',
        'VALIDATION_FAILED',
        'Зарегистрировать можно ребёнка младше 18 лет. Взрослый оформляет полис сам.',
      ),
    );
  }
  return c.issues.map((i) => ({
    field: i.field,
    message: i.code === 'FIELD_REQUIRED' ? (REQUIRED[i.field] ?? i.message) : i.message,
  }));
}

function checkCertificate(answers: Answers): Issue[] {
  const c = new IssueCollector();
  const today = moscowDate(new Date());
  const issueRaw = answers['certificate.issueDate'] ?? '';
  const zags = answers['certificate.zagsName'] ?? '';
  const document = checkDocumentData(
    c,
    {
      kind: 3,
      series: answers['certificate.series'] ?? '',
      number: answers['certificate.number'] ?? '',
      issueDate: issueRaw,
      issuer: zags,
    },
    'certificate.',
  );
  if (!issueRaw.trim()) {
    c.add(
      fieldIssue('certificate.issueDate', 'FIELD_REQUIRED', 'Укажите дату выдачи свидетельства о рождении.'),
    );
  } else if (document?.issueDate) {
    const birth = parseDate('child.birthDate', answers['child.birthDate'] ?? '');
    if (document.issueDate > today) {
      c.add(
        fieldIssue('certificate.issueDate', 'DATE_IN_FUTURE', 'Дата выдачи не может быть позже сегодняшней.'),
      );
    } else if (birth.ok && document.issueDate < birth.value) {
      c.add(
        fieldIssue(
          'certificate.issueDate',
          'DATE_RANGE_INVALID',
          'Свидетельство не может быть выдано раньше даты рождения.',
        ),
      );
    }
  }
  if (!zags.trim()) {
    c.add(
      fieldIssue(
        'certificate.zagsName',
        'FIELD_REQUIRED',
        'Укажите орган ЗАГС, который выдал свидетельство.',
      ),
    );
  } else if (zags.trim().length > 300) {
    c.add(fieldIssue('certificate.zagsName', 'VALIDATION_FAILED', 'Не длиннее 300 символов.'));
  }
  // One message per field, in the order of the page.
  const seen = new Set<string>();
  return issuesOf(c)
    .sort((a, b) => CERTIFICATE_FIELDS.indexOf(a.field) - CERTIFICATE_FIELDS.indexOf(b.field))
    .filter((i) => !seen.has(i.field) && seen.add(i.field));
}

export function childName(answers: Answers): string {
  return [answers['child.lastName'], answers['child.firstName'], answers['child.patronymic']]
    .filter(Boolean)
    .join(' ');
}

export const childJourney: JourneySpec<Ctx, ChildOutcome, ChildView> = {
  id: 'rebenok',
  context(citizen) {
    let options: Promise<RegionChangeOptions> | null = null;
    return Promise.resolve({
      actor: citizen.actor,
      insurers() {
        options ??= regionChangeOptions({}, citizen.actor).then((own) =>
          own.currentRegion
            ? regionChangeOptions({ subjectCode: own.currentRegion.code }, citizen.actor)
            : own,
        );
        return options;
      },
    });
  },
  steps: [
    { id: 'child', fields: CHILD_FIELDS, check: checkChild },
    { id: 'certificate', fields: CERTIFICATE_FIELDS, check: checkCertificate },
    insurerStep(async (_answers, ctx) => (await ctx.insurers()).insurers),
  ],
  async view(step, answers, ctx) {
    if (step !== 'insurer' && step !== 'check') return null;
    const { chosenRegion, insurers } = await ctx.insurers();
    const region = chosenRegion?.name ?? '';
    const options = insurers.map(insurerOption);
    if (step === 'insurer') return { region, insurers: options };
    return { summary: { region, insurer: options.find((i) => i.code === answers.insurerCode)?.name ?? '' } };
  },
  async submit(answers, ctx) {
    const result = await submitChildRegistration(
      {
        child: {
          lastName: answers['child.lastName'] ?? '',
          firstName: answers['child.firstName'] ?? '',
          patronymic: answers['child.patronymic'] || null,
          sex: answers['child.sex'] ?? '',
          birthDate: answers['child.birthDate'] ?? '',
        },
        certificate: {
          series: answers['certificate.series'] ?? '',
          number: answers['certificate.number'] ?? '',
          issueDate: answers['certificate.issueDate'] ?? '',
          zagsName: answers['certificate.zagsName'] ?? '',
        },
        insurerCode: answers.insurerCode ?? '',
      },
      ctx.actor,
    );
    const app = result.application;
    return {
      outcome: result.outcome,
      number: app.number,
      childName: childName(answers),
      enp: result.child ? formatEnp(result.child.enp) : null,
      personId: result.child?.personId ?? null,
      policy: result.policy,
      ...waitingDue(app, result.outcome === 'queued'),
      reviewReasons: result.reviewReasons.map((r) => r.text),
      refusal: result.outcome === 'refused' ? app.reasonText : null,
      repeated: result.repeated,
    };
  },
};
