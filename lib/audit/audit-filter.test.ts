import { describe, expect, it } from 'vitest';
import { parseAuditFilter } from './audit-filter';
import { whatLabel } from './audit-labels';

describe('audit filter and labels', () => {
  it('a card opening’s purpose is a «what» the filter takes, and has words', () => {
    expect(parseAuditFilter({ what: 'card:data_check' }).what).toBe('card:data_check');
    expect(whatLabel('r', 'card:data_check')).toBe('Открытие карточки: проверка и исправление данных');
    expect(whatLabel('a', 'audit_exported')).toBe('Выгрузка журнала');
    expect(whatLabel('r', 'some_new_purpose')).toBe('some_new_purpose');
  });

  it('Moscow days: «с» starts at 00:00 МСК (21:00 UTC the day before), «по» ends at 23:59:59.999 МСК', () => {
    const f = parseAuditFilter({ from: '10.03.2026', to: '2026-03-10' });
    expect(f.fromInstant?.toISOString()).toBe('2026-03-09T21:00:00.000Z');
    expect(f.toInstant?.toISOString()).toBe('2026-03-10T20:59:59.999Z');
  });

  it('a wrong organisation is told the codes the log is written with', () => {
    expect(() => parseAuditFilter({ organisation: 'a b' })).toThrow(
      expect.objectContaining({
        fields: [
          expect.objectContaining({
            field: 'organisation',
            message:
              'Укажите код организации: ffoms, tfoms:<код региона>, smo:<код СМО> или код МО из 6 цифр.',
          }),
        ],
      }),
    );
  });

  it('empty fields are no filter; text is trimmed and the organisation lower-cased', () => {
    expect(parseAuditFilter({ who: '  ', organisation: ' SMO:77001 ', channel: '' })).toMatchObject({
      who: null,
      organisation: 'smo:77001',
      channel: null,
    });
  });
});
