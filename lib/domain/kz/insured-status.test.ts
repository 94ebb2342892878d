import { describe, expect, it } from 'vitest';
import { advanceBlock, citizen, d, m, membership, osmsParameters as params, paid } from '@/testing/kz/osms';
import { addMonthsToMonth } from './months';
import type { OsmsContribution, OsmsFacts } from './osms-facts';
import { osmsStatusOn } from './insured-status';

const status = (facts: OsmsFacts, on: string, since?: string) =>
  osmsStatusOn(params, facts, d(on), since ? { dataUnavailableSince: d(since) } : {});

/** An employee whose employer pays for each month on the 20th of the next one. */
function employerMonths(first: string, count: number, amount = 6000): OsmsContribution[] {
  return Array.from({ length: count }, (_, i) => {
    const month = addMonthsToMonth(m(first), i);
    return paid('employer', month, `${addMonthsToMonth(month, 1)}-20`, amount);
  });
}

describe('status from an employer’s contributions', () => {
  const employee = citizen({ contributions: employerMonths('2025-01', 6) });

  it('holds from the first transfer and never lapses between two transfers', () => {
    expect(status(employee, '2025-02-19')).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
    for (const on of ['2025-02-20', '2025-03-10', '2025-04-01', '2025-07-19']) {
      expect(status(employee, on)).toMatchObject({
        insured: true,
        code: 'EMPLOYER_CONTRIBUTIONS',
        category: null,
      });
    }
  });

  it('holds, as known on the day, until the end of the second month after the last month paid', () => {
    // On 10.04 the transfers for January and February are in: February's keeps the status through April.
    expect(status(employee, '2025-04-10').until).toBe('2025-04-30');
    // After the last transfer (June's, on 20.07): through August; then it ends.
    expect(status(employee, '2025-07-25').until).toBe('2025-08-31');
    expect(status(employee, '2025-09-01')).toMatchObject({
      insured: false,
      code: 'NO_CONTRIBUTIONS',
      until: null,
    });
  });

  it('shows the previous 12 months paid or not, never the current one', () => {
    expect(status(employee, '2025-07-25').months).toEqual([
      ...['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'].map((month) => ({
        month,
        paid: false,
      })),
      ...['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'].map((month) => ({
        month,
        paid: true,
      })),
    ]);
    // a transfer not yet made on the day is not shown: June's arrives on 20.07
    expect(status(employee, '2025-07-19').months.at(-1)).toEqual({ month: '2025-06', paid: false });
  });
});

describe('a self-payer’s monthly contributions and the "past 12 months" rule', () => {
  it('insures the month paid when the 12 months before carry no debt', () => {
    const facts = citizen({
      contributions: [...advanceBlock('2024-01', '2024-01-05', 12), paid('self', '2025-01', '2025-01-10')],
    });
    expect(status(facts, '2025-01-09')).toMatchObject({ insured: false });
    expect(status(facts, '2025-01-10')).toMatchObject({
      insured: true,
      code: 'SELF_CONTRIBUTIONS',
      until: '2025-01-31',
    });
  });

  it('refuses the month while past months are unpaid, naming them and what to do', () => {
    const facts = citizen({ contributions: [paid('self', '2025-03', '2025-03-02')] });
    const s = status(facts, '2025-03-15');
    expect(s).toMatchObject({ insured: false, code: 'DEBT_IN_PAST_MONTHS' });
    expect(s.text).toContain('03.2024, 04.2024');
    expect(s.text).toContain('02.2025');
    expect(s.advice).toMatch(/4\s250 тенге/);
    expect(s.advice).toContain('12 месяцев вперёд');
  });

  it('counts months in a category and its grace period as owing nothing', () => {
    // A student until 30.06.2024 (grace to 30.09.2024) who pays himself from October on.
    const facts = citizen({
      memberships: [membership('FULL_TIME_STUDENT', '2020-09-01', '2024-06-30')],
      contributions: [paid('self', '2024-10', '2024-10-03')],
    });
    expect(status(facts, '2024-10-03')).toMatchObject({ insured: true, code: 'SELF_CONTRIBUTIONS' });
  });

  it('does not count a payment below the fixed contribution', () => {
    const facts = citizen({
      contributions: [
        ...advanceBlock('2024-01', '2024-01-05', 12),
        paid('self', '2025-01', '2025-01-10', 4249),
      ],
    });
    expect(status(facts, '2025-01-15')).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
  });

  it('accepts an advance paid at the rate of the year it was paid in', () => {
    // 3,500 (2023's amount) paid in December 2023 for months of 2024, whose amount is 4,250
    const facts = citizen({ contributions: advanceBlock('2024-01', '2023-12-20', 12, 3500) });
    expect(status(facts, '2024-06-01')).toMatchObject({ insured: true, code: 'ADVANCE_PAYMENTS' });
  });
});

describe('the 12-months-ahead mechanism (from 05.09.2022)', () => {
  it('insures exactly the 12 months paid by separate payments, whatever was owed before', () => {
    const facts = citizen({ contributions: advanceBlock('2023-03', '2023-02-10', 12, 3500) });
    expect(status(facts, '2023-02-28')).toMatchObject({ insured: false });
    expect(status(facts, '2023-03-01')).toMatchObject({
      insured: true,
      code: 'ADVANCE_PAYMENTS',
      until: '2024-02-29',
    });
    expect(status(facts, '2024-02-29')).toMatchObject({ insured: true, until: '2024-02-29' });
    expect(status(facts, '2024-03-01')).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
  });

  it('gives nothing for the same total in one payment, and says why', () => {
    const lump: OsmsContribution = {
      kind: 'lump-sum',
      firstMonth: m('2023-03'),
      months: 12,
      paidOn: d('2023-02-10'),
      amount: 42_000,
    };
    const s = status(citizen({ contributions: [lump] }), '2023-06-15');
    expect(s).toMatchObject({ insured: false, code: 'LUMP_SUM_NOT_ADVANCE' });
    expect(s.advice).toContain('отдельным платежом');
    expect(s.months.every((mark) => !mark.paid)).toBe(true);
  });

  it('does not apply to payments made before 05.09.2022: they are judged by the past-12-months rule', () => {
    const before = citizen({ contributions: advanceBlock('2022-09', '2022-09-04', 12, 3000) });
    const after = citizen({ contributions: advanceBlock('2022-09', '2022-09-05', 12, 3000) });
    expect(status(before, '2022-10-10')).toMatchObject({ insured: false, code: 'DEBT_IN_PAST_MONTHS' });
    expect(status(after, '2022-09-05')).toMatchObject({
      insured: true,
      code: 'ADVANCE_PAYMENTS',
      until: '2023-08-31',
    });
    // before the mechanism existed the advice does not offer it
    expect(status(citizen(), '2022-05-01').advice).not.toContain('вперёд');
  });

  it('does not count a payment made after its month (arrears) towards a block', () => {
    const late = advanceBlock('2023-03', '2023-02-10', 12, 3500).map((c, i) =>
      i === 0 ? { ...c, paidOn: d('2023-04-02') } : c,
    );
    // March was paid in April: the block March–February is not "ahead"; April–March lacks March 2024
    expect(status(citizen({ contributions: late }), '2023-05-10')).toMatchObject({ insured: false });
  });
});

describe('state-paid categories and the grace period', () => {
  it('holds over the category, names it and who pays, open-ended while it lasts', () => {
    const s = status(citizen({ memberships: [membership('PENSIONER', '2021-05-01', null)] }), '2025-01-01');
    expect(s).toMatchObject({ insured: true, code: 'STATE_CATEGORY', category: 'PENSIONER', until: null });
    expect(s.text).toBe(
      'Застрахован: льготная категория «Получатели пенсионных выплат, в том числе ветераны Великой Отечественной войны», взносы платит государство.',
    );
  });

  it('says a local executive body pays for the registered unemployed', () => {
    const s = status(
      citizen({ memberships: [membership('REGISTERED_UNEMPLOYED', '2025-01-10', null)] }),
      '2025-02-01',
    );
    expect(s).toMatchObject({ insured: true, code: 'LOCAL_BODY_CATEGORY' });
    expect(s.text).toContain('местный исполнительный орган');
  });

  it('keeps the right 3 months after leaving, then explains', () => {
    const facts = citizen({ memberships: [membership('FULL_TIME_STUDENT', '2021-09-01', '2024-06-30')] });
    expect(status(facts, '2024-07-01')).toMatchObject({
      insured: true,
      code: 'GRACE_AFTER_CATEGORY',
      until: '2024-09-30',
    });
    expect(status(facts, '2024-09-30').text).toBe(
      'Застрахован: после выхода из категории «Обучающиеся по очной форме» право на помощь в системе ОСМС сохраняется до 30.09.2024.',
    );
    const after = status(facts, '2024-10-01');
    expect(after).toMatchObject({ insured: false, code: 'GRACE_ENDED', category: 'FULL_TIME_STUDENT' });
    expect(after.text).toContain('закончилась 30.06.2024');
    expect(after.text).toContain('до 30.09.2024');
  });

  it('keeps it 6 months after contributions for more than 5 years in a row, and only then', () => {
    // the state's contributions for a child, every month from 01.2020 to the month of leaving
    const stateMonths = (last: string) => {
      const out: OsmsContribution[] = [];
      for (let month = m('2020-01'); month <= m(last); month = addMonthsToMonth(month, 1)) {
        out.push(paid('state', month, `${month}-25`, 4000));
      }
      return out;
    };
    const child = (last: string) =>
      citizen({
        memberships: [membership('CHILDREN', '2007-03-15', `${last}-14`)],
        contributions: stateMonths(last),
      });
    // 01.2020–02.2025: 62 months in a row > 60
    expect(status(child('2025-02'), '2025-05-10')).toMatchObject({
      code: 'GRACE_AFTER_CATEGORY',
      until: '2025-08-14',
    });
    // 01.2020–12.2024: exactly 60 months, not more than 5 years: 3 months (the state's last transfer, for
    // December, keeps the status to the end of February by itself)
    expect(status(child('2024-12'), '2025-03-10')).toMatchObject({
      code: 'GRACE_AFTER_CATEGORY',
      until: '2025-03-14',
    });
    expect(status(child('2024-12'), '2025-03-15')).toMatchObject({ insured: false, code: 'GRACE_ENDED' });
  });

  it('prefers a category to a grace period of another; a category not yet known does not extend the grace', () => {
    const facts = citizen({
      memberships: [
        membership('FULL_TIME_STUDENT', '2021-09-01', '2024-06-30'),
        membership('REGISTERED_UNEMPLOYED', '2024-08-01', null),
      ],
    });
    expect(status(facts, '2024-07-15')).toMatchObject({ code: 'GRACE_AFTER_CATEGORY', until: '2024-09-30' });
    expect(status(facts, '2024-08-01')).toMatchObject({
      code: 'LOCAL_BODY_CATEGORY',
      category: 'REGISTERED_UNEMPLOYED',
    });
  });

  it('does not know a category before its data arrives', () => {
    const facts = citizen({
      memberships: [membership('PREGNANT_NOT_WORKING', '2025-03-01', null, '2025-03-16')],
    });
    expect(status(facts, '2025-03-15')).toMatchObject({ insured: false });
    expect(status(facts, '2025-03-16')).toMatchObject({ insured: true, code: 'STATE_CATEGORY' });
  });
});

describe('the temporary one-month status from an uploaded document', () => {
  const upload = {
    category: 'DISABILITY' as const,
    uploadedOn: d('2025-03-10'),
    uploadedBy: 'clinic' as const,
    revokedOn: null,
  };

  it('tells the person the status is temporary and what replaces it', () => {
    expect(status(citizen({ temporaryStatuses: [upload] }), '2025-03-10').text).toBe(
      'Временный статус на 1 месяц: загружен документ о категории «Лица с инвалидностью». Постоянный статус появится, когда поступят данные о категории.',
    );
  });

  it('lasts one month from the upload, then explains that the data did not arrive', () => {
    const facts = citizen({ temporaryStatuses: [upload] });
    expect(status(facts, '2025-03-10')).toMatchObject({
      insured: true,
      code: 'TEMPORARY_DOCUMENT',
      until: '2025-04-09',
    });
    const after = status(facts, '2025-04-10');
    expect(after).toMatchObject({ insured: false, code: 'TEMPORARY_ENDED', category: 'DISABILITY' });
    expect(after.text).toContain('закончился 09.04.2025');
  });

  it('gives way to the permanent status when the category data arrives', () => {
    const facts = citizen({
      temporaryStatuses: [upload],
      memberships: [membership('DISABILITY', '2025-01-01', null, '2025-03-20')],
    });
    expect(status(facts, '2025-03-19')).toMatchObject({ code: 'TEMPORARY_DOCUMENT', until: '2025-04-09' });
    expect(status(facts, '2025-03-20')).toMatchObject({ code: 'STATE_CATEGORY', until: null });
  });

  it('ends the day an operator revokes it', () => {
    const facts = citizen({
      temporaryStatuses: [{ ...upload, uploadedBy: 'person', revokedOn: d('2025-03-15') }],
    });
    expect(status(facts, '2025-03-14')).toMatchObject({ insured: true, until: '2025-04-09' });
    expect(status(facts, '2025-03-15')).toMatchObject({ insured: false, code: 'TEMPORARY_ENDED' });
  });
});

describe('participation, the start of ОСМС and systems down', () => {
  it('insures a foreigner only while a residence permit holds', () => {
    const facts: OsmsFacts = {
      ...citizen({ contributions: employerMonths('2024-01', 24) }),
      residence: {
        kind: 'foreign',
        permits: [{ basis: 'treaty', from: d('2024-01-01'), to: d('2025-06-30') }],
      },
    };
    expect(status(facts, '2025-06-01')).toMatchObject({ insured: true, until: '2025-06-30' });
    expect(status(facts, '2025-07-01')).toMatchObject({ insured: false, code: 'NOT_A_PARTICIPANT' });
  });

  it('follows overlapping permits to the end of the last one', () => {
    const facts: OsmsFacts = {
      ...citizen({ memberships: [membership('CHILDREN', '2019-06-01', null)] }),
      residence: {
        kind: 'foreign',
        permits: [
          { basis: 'treaty', from: d('2019-06-01'), to: d('2020-01-01') },
          { basis: 'permanent', from: d('2019-12-01'), to: d('2027-05-31') },
        ],
      },
    };
    expect(status(facts, '2020-01-01')).toMatchObject({ insured: true, until: '2027-05-31' });
  });

  it('has no status before 01.01.2020', () => {
    expect(
      status(citizen({ memberships: [membership('CHILDREN', '2015-01-01', null)] }), '2019-12-31'),
    ).toMatchObject({
      insured: false,
      code: 'BEFORE_OSMS',
    });
  });

  it('keeps the right known when the systems went down, until they are restored', () => {
    const facts = citizen({ contributions: employerMonths('2025-01', 3) });
    // known on 01.05: March's transfer (20.04) holds through May; down since then, the right is kept
    const s = status(facts, '2025-09-01', '2025-05-01');
    expect(s).toMatchObject({
      insured: true,
      code: 'SYSTEMS_UNAVAILABLE',
      until: null,
      dataUnavailableSince: '2025-05-01',
    });
    expect(s.text).toContain('сохраняется до их восстановления');
    // without the outage the same facts give no status in September
    expect(status(facts, '2025-09-01')).toMatchObject({ insured: false, dataUnavailableSince: null });
    // a person without status when the systems went down gets none from the outage
    expect(status(citizen(), '2025-09-01', '2025-05-01')).toMatchObject({
      insured: false,
      code: 'NO_CONTRIBUTIONS',
    });
  });
});
