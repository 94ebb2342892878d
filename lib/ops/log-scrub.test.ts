import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { errorForLog, maskPersonalFields, scrubText } from './log-scrub';

const PERSONAL = [
  'Смирнова',
  'Ольга',
  '112-233-445 95',
  '11223344595',
  '7700000000000016',
  '45 01 123456',
  '1985-03-14',
];

describe('scrubText', () => {
  it('leaves no name, СНИЛС, ЕНП, document or birth date in a message', () => {
    const text = scrubText(
      'failed for Смирнова Ольга, snils 112-233-445 95 or 11223344595, enp 7700000000000016, doc 45 01 123456, born 1985-03-14',
    );
    for (const p of PERSONAL) expect(text).not.toContain(p);
    expect(text).toMatch(/^failed for …, snils # or #, enp #, doc #, born #$/);
  });

  it('masks what PostgreSQL quotes from the input', () => {
    expect(scrubText('invalid input syntax for type date: "14.03.85"')).toBe(
      'invalid input syntax for type date: "…"',
    );
  });

  it('keeps short numbers (line numbers, ports, counts) readable', () => {
    expect(scrubText('at writer.ts:120:15 after 3 retries')).toBe('at writer.ts:120:15 after 3 retries');
  });
});

describe('maskPersonalFields', () => {
  it('masks fields named like personal data at any depth, keeps the rest', () => {
    expect(
      maskPersonalFields({
        requestId: 'r-1',
        person: { lastName: 'Смирнова', snils: 'x', id: 7 },
        status: 200,
      }),
    ).toEqual({ requestId: 'r-1', person: { lastName: '[скрыто]', snils: '[скрыто]', id: 7 }, status: 200 });
  });
});

describe('errorForLog', () => {
  it('logs an AppError by its code and status, and its cause, never its message', () => {
    const error = new AppError('PERSON_NOT_FOUND', {
      message: 'Смирнова Ольга, 14.03.1985 не найдена',
      cause: new Error('lookup for 7700000000000016'),
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: 'AppError', code: 'PERSON_NOT_FOUND', status: 404 });
    expect(logged.cause).toMatchObject({ type: 'Error', message: 'lookup for #' });
    expect(JSON.stringify(logged)).not.toMatch(/Смирнова|14\.03\.1985|7700000000000016/);
  });

  it('logs a failed query by its SQL text, never the parameters drizzle puts in its message', () => {
    const error = Object.assign(new Error('Failed query: select $1\nparams: 11223344595'), {
      name: 'DrizzleQueryError',
      query: 'select * from persons where snils = $1',
      params: ['11223344595'],
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      query: 'select * from persons where snils = $1',
    });
    expect(JSON.stringify(logged)).not.toContain('11223344595');
  });
});
