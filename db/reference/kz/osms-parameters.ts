import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOsmsParameters, type OsmsParameters } from '@/lib/domain/kz/parameters';

const here = path.dirname(fileURLToPath(import.meta.url));

export const OSMS_PARAMETERS_FILE = path.join(here, 'osms-parameters.json');

/** Reads and checks the ОСМС parameters file (sources in README.md next to it); throws when it is wrong. */
export function readOsmsParameters(file = OSMS_PARAMETERS_FILE): OsmsParameters {
  return parseOsmsParameters(JSON.parse(readFileSync(file, 'utf8')));
}
