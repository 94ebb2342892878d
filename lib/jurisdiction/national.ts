import type { Jurisdiction } from '@/config/env';
import { jurisdictionProfile } from './current';

/**
 * A door both countries have whose national part differs — the REST lookup's handler and document, the
 * FHIR interactions, the workspace's form (ADR 0033): each jurisdiction's part is named side by side, and
 * the deployment's is taken. The jurisdiction is fixed for the process's life (ADR 0029), so this picks a
 * module, it never branches on a request's data; a new jurisdiction that lacks its part fails to compile.
 */
export function nationalPart<T>(parts: Readonly<Record<Jurisdiction, T>>): T {
  return parts[jurisdictionProfile().id];
}
