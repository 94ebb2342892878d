import { describe, expect, it } from 'vitest';
import { assignableRoles, organisationOf } from '@/app/konsol/sotrudniki/labels';
import { rejection } from '@/testing/expect-error';
import { createStaffAccount, servedStaffRoles, staffRoleName } from './staff-accounts';

const account = (login: string) => ({ login, password: 'a-long-test-password-1', fullName: 'Серикова Дана' });

describe('staff roles of a Kazakh register', () => {
  it('has no insurers’ operators; its regional operators are the fund’s branches', () => {
    expect(servedStaffRoles()).toEqual(['ffoms_admin', 'tfoms_operator', 'clinic_registrar']);
    expect(staffRoleName('ffoms_admin')).toBe('Администратор ФСМС');
    expect(staffRoleName('tfoms_operator')).toBe('Оператор филиала ФСМС');
    expect(
      organisationOf({ role: 'tfoms_operator', subjectCode: '10', insurerCode: null, moCode: null }),
    ).toBe('Филиал ФСМС, регион 10');
    expect(organisationOf({ role: 'ffoms_admin', subjectCode: null, insurerCode: null, moCode: null })).toBe(
      'ФСМС',
    );
    expect(assignableRoles('ffoms_admin')).toEqual(['ffoms_admin', 'tfoms_operator', 'clinic_registrar']);
    expect(assignableRoles('tfoms_operator')).toEqual(['clinic_registrar']);
  });

  it('an insurer’s operator cannot be created, whatever door asks: the role is named', async () => {
    const error = await rejection(
      createStaffAccount({ ...account('kz.smo'), role: 'smo_operator', insurerCode: '77001' }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => [f.field, f.message])).toEqual([['role', 'Выберите роль из списка.']]);
  });

  it('a branch operator of a Kazakh region is created', async () => {
    const id = await createStaffAccount({
      ...account('kz.branch'),
      role: 'tfoms_operator',
      subjectCode: '10',
    });
    expect(id).toBeGreaterThan(0);
  });
});
