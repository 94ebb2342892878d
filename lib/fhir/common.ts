import type { Extension, Identifier, Meta, Period, Reference, Resource } from '@medplum/fhirtypes';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { ENP_SYSTEM, STALE_TAG, V2_0203_SYSTEM } from './systems';

/** Pieces shared by the per-resource converters. */

/**
 * Text for a FHIR `string`, whose R4 pattern admits no whitespace but space, tab, CR and LF: the no-break
 * spaces of Russian number formatting (`4 250 тенге`) become plain spaces.
 */
export function fhirText(text: string): string {
  return text.replace(/[^\S \r\n\t]/g, ' ');
}

/** `meta.tag` marking a resource built from the last known state (rule 10: degraded mode). */
export function staleMeta(answer: Pick<PolicyAnswer, 'stale'>): { meta?: Meta } {
  return answer.stale ? { meta: { tag: [{ ...STALE_TAG }] } } : {};
}

export function isStale(resource: Resource): boolean {
  return resource.meta?.tag?.some((t) => t.system === STALE_TAG.system && t.code === STALE_TAG.code) ?? false;
}

/**
 * The ЕНП as an identifier, typed the way the Russian core types its OMS policy slice (Core_Patient
 * identifier[omsPolicy], Core_Coverage identifier[omsPolicy]): HL7 v2-0203 `SB`.
 */
export function enpIdentifier(enp: string): Identifier {
  return {
    use: 'official',
    type: {
      coding: [{ system: V2_0203_SYSTEM, code: 'SB', display: 'Social Beneficiary Identifier' }],
      text: 'Единый номер полиса ОМС',
    },
    system: ENP_SYSTEM,
    value: enp,
  };
}

export function fullName(person: PolicyAnswer['person']): string {
  return [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');
}

/**
 * A register period [from, to) as a FHIR Period. The register's end date is exclusive (the day the next
 * period starts); a FHIR date-precision `end` is inclusive (the whole day is in the period), hence the
 * day before.
 */
export function fhirPeriod(period: { from: LocalDate; to: LocalDate | null }): Period {
  return { start: period.from, ...(period.to ? { end: addDays(period.to, -1) } : {}) };
}

/** A reference to a contained resource. */
export function localReference<T extends Resource>(resource: T & { id?: string }): Reference<T> {
  if (!resource.id) throw new Error('A contained resource needs an id');
  return { reference: `#${resource.id}` };
}

/**
 * Contained resources may not contain resources (FHIR invariant dom-2). When a converter's output with its
 * own contained resources is put inside another resource, those move up one level; `#id` references stay
 * valid because they resolve against the outermost resource. Meta goes too (dom-4/dom-5: contained
 * resources carry no version, date or security label; the container carries the tags).
 */
export function flattenForContainment(resources: Resource[]): Resource[] {
  const out: Resource[] = [];
  const seen = new Set<string>();
  const add = (r: Resource) => {
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const resource of resources) {
    const {
      contained,
      meta: _meta,
      ...rest
    } = resource as Resource & { contained?: Resource[]; meta?: Meta };
    add(rest);
    for (const inner of contained ?? []) add(inner);
  }
  return out;
}

/** The parts of one of our complex extensions, by name → value (for clients and tests to read back). */
export function extensionParts(
  extensions: readonly Extension[] | undefined,
  url: string,
): Record<string, unknown> {
  const ext = extensions?.find((e) => e.url === url);
  const out: Record<string, unknown> = {};
  for (const part of ext?.extension ?? []) {
    out[part.url] =
      part.valueCode ??
      part.valueCoding?.code ??
      part.valueBoolean ??
      part.valueString ??
      part.valueDate ??
      part.valueDateTime ??
      part.valuePeriod;
  }
  return out;
}
