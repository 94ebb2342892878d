import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createKzPerson } from '@/testing/kz/register';
import { findKzPersonByIin } from './find-kz-person';

describe('findKzPersonByIin', () => {
  it('finds the person the register knows under the ИИН, and nobody under another', async () => {
    const person = await createKzPerson(getDb(), {
      name: { lastName: 'Сейткали', firstName: 'Нурлан', patronymic: 'Болатович' },
      birthDate: '1979-11-30',
      sex: 'M',
    });
    const found = await findKzPersonByIin(getDb(), person.iin);
    expect(found).toMatchObject({
      id: person.id,
      iin: person.iin,
      jurisdiction: 'kz',
      lastName: 'Сейткали',
      enp: null,
      birthDate: '1979-11-30',
      citizenship: 'KAZ',
    });
    expect(await findKzPersonByIin(getDb(), '850215300124')).toBeNull();
  });
});
