import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import type { OsmsParameters } from '@/lib/domain/kz';

let loaded: OsmsParameters | null = null;

/** The ОСМС parameters (db/reference/kz/osms-parameters.json), read and checked once per process. */
export function osmsParameters(): OsmsParameters {
  loaded ??= readOsmsParameters();
  return loaded;
}
