import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** Awaits a promise that must fail with a catalogued AppError and returns it. */
export async function rejection(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
