import type { DocumentKindCode } from '@/lib/domain/ru/documents';

/**
 * The URIs the FHIR layer speaks: identifier systems and code systems of the Russian core profile
 * (RuCoreIG, https://fhir.ru/ig/core) where it defines one, and our own under `OMS_FHIR_BASE` where it
 * does not. Every URI of ours is listed here and nowhere else, so the CapabilityStatement, the converters
 * and the search parser cannot disagree.
 */

/** Canonical base of the definitions this register publishes (the domain of its problem types). */
export const OMS_FHIR_BASE = 'https://oms-register.ru/fhir';

// --- Identifier systems of the Russian core (NamingSystem core-ns-rf-*) -------------------------------

/** ЕНП, the OMS policy number (Core NamingSystem core-ns-rf-oms). */
export const ENP_SYSTEM = 'https://fhir.ru/ig/core/systems/oms';
/** СНИЛС (core-ns-rf-snils). */
export const SNILS_SYSTEM = 'https://fhir.ru/ig/core/systems/snils';
/** Number of a Russian birth certificate (core-ns-rf-birth-certificate): value "<series> <number>". */
export const BIRTH_CERTIFICATE_SYSTEM = 'https://fhir.ru/ig/core/systems/birth-certificate';
/** Identity documents (Core_Patient identifier[identityDocument]); the kind is in `identifier.type`. */
export const IDENTITY_DOCUMENT_SYSTEM = 'https://fhir.ru/ig/core/systems/identity-document';

export type IdentifierKind = 'enp' | 'snils' | 'birth-certificate' | 'identity-document';

const CORE_SYSTEM_KEYS: Record<string, IdentifierKind> = {
  oms: 'enp',
  snils: 'snils',
  'birth-certificate': 'birth-certificate',
  'identity-document': 'identity-document',
};

/**
 * Which of the core identifier systems a client's URI means. Accepts the spellings seen in the wild:
 * `https://` and `http://`, `…/ig/core/systems/…` and the older `…/core/systems/…`, any letter case of
 * the last segment (the Core_Patient profile writes `…/systems/OMS`, Core_Coverage `…/systems/oms`),
 * and a trailing slash.
 */
export function identifierKindOf(system: string): IdentifierKind | null {
  const m = /^https?:\/\/fhir\.ru\/(?:ig\/)?core\/systems\/([A-Za-z-]+)\/?$/i.exec(system.trim());
  return m ? (CORE_SYSTEM_KEYS[m[1]!.toLowerCase()] ?? null) : null;
}

// --- Identity document kinds ----------------------------------------------------------------------------

/**
 * ФФОМС classifier F011 (kinds of identity documents), which the register uses. The Russian core has no
 * code system for F011 (it codes documents by the Ministry of Health's НСИ 1.2.643.5.1.13.13.99.2.48),
 * so this is ours; codes are F011 `IDDoc` codes as decimal strings ("14" — passport of a citizen).
 */
export const F011_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/f011`;

/** The core's code system for identity documents (НСИ МЗ РФ 1.2.643.5.1.13.13.99.2.48). */
export const NSI_IDENTITY_DOCUMENT_SYSTEM =
  'https://fhir.ru/ig/core/CodeSystem/core-cs-nsi-identity-document';

/**
 * The few kinds whose НСИ code is certain, both ways. Others are coded by F011 only; a client coding by
 * НСИ for another kind is told to use F011.
 */
export const F011_TO_NSI: Partial<Record<DocumentKindCode, { code: string; display: string }>> = {
  14: { code: '1', display: 'Паспорт гражданина Российской Федерации' },
  13: { code: '5', display: 'Временное удостоверение личности гражданина РФ' },
  3: { code: '6', display: 'Свидетельство о рождении' },
};

export function nsiToF011(code: string): DocumentKindCode | null {
  for (const [f011, nsi] of Object.entries(F011_TO_NSI)) {
    if (nsi?.code === code) return Number(f011) as DocumentKindCode;
  }
  return null;
}

export type DocumentTypeSystem = 'f011' | 'nsi';

/** F011 under our URI (`http` or `https`), or the core's НСИ code system under any of its spellings. */
export function documentTypeSystemOf(system: string): DocumentTypeSystem | null {
  const s = system.trim().replace(/\/$/, '');
  if (/^https?:\/\/oms-register\.ru\/fhir\/CodeSystem\/f011$/i.test(s)) return 'f011';
  if (/^https?:\/\/fhir\.ru\/(?:ig\/)?core\/CodeSystem\/core-cs-nsi-identity-document$/i.test(s))
    return 'nsi';
  return null;
}

// --- Organisations ----------------------------------------------------------------------------------------

/**
 * Insurers (СМО) by their federal code SMOCOD from the ФФОМС register F002. The Russian core's insurer code
 * system is the Ministry's НСИ list with different codes, so SMOCOD gets a URI of ours.
 */
export const SMOCOD_SYSTEM = `${OMS_FHIR_BASE}/sid/f002-smocod`;
/** Medical organisations (МО) by their ОМС register code MCOD from F003. */
export const MCOD_SYSTEM = `${OMS_FHIR_BASE}/sid/f003-mcod`;

export const ORGANIZATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';

// --- Coverage ---------------------------------------------------------------------------------------------

/** Core_Coverage `type`: НСИ «Источники оплаты медицинской помощи», code 1 — ОМС. */
export const NSI_SOURCES_OF_PAYMENT_SYSTEM =
  'https://fhir.ru/ig/core/CodeSystem/core-cs-nsi-sources-of-payment';
export const V3_ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const V2_0203_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const COVERAGE_CLASS_SYSTEM = 'http://terminology.hl7.org/CodeSystem/coverage-class';
export const SUBSCRIBER_RELATIONSHIP_SYSTEM = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';

/**
 * Our policy state on the as-of date, as a complex extension on Coverage. It exists because FHIR's
 * Coverage.status (FinancialResourceStatusCodes: active | cancelled | draft | entered-in-error) describes
 * the record, not whether care is paid: a suspended policy (military service) is a live record, so it
 * stays `active`, and the extension says `suspended`, why and since when. Sub-extensions: `state`
 * (active | suspended | terminated), `status` (Coding, POLICY_STATUS_SYSTEM), `insured` (boolean),
 * `reason` (Coding, COVERAGE_REASON_SYSTEM), `text` and `nextStep` (Russian), `statePeriod` (Period of
 * the state), `asOf` (date), and when served from the last known state `stale` (true) and `staleSince`.
 */
export const POLICY_STATE_EXTENSION = `${OMS_FHIR_BASE}/StructureDefinition/oms-policy-state`;
/**
 * A modifier extension (valueBoolean true) on the Coverage of a suspended policy. `status: active` with a
 * plain extension could be read as "covered" by a system that ignores extensions it does not know; FHIR
 * requires such a system to refuse, or handle specially, a resource with an unknown modifier extension —
 * the safe failure for a policy that pays nothing while suspended.
 */
export const POLICY_SUSPENDED_MODIFIER = `${OMS_FHIR_BASE}/StructureDefinition/oms-policy-suspended`;
/** The subject of the Russian Federation whose territorial fund holds the policy (on Coverage). */
export const TERRITORY_EXTENSION = `${OMS_FHIR_BASE}/StructureDefinition/oms-territory`;

/** Our lookup status codes (PolicyStatusCode: ACTIVE, SUSPENDED, DECEASED, NOT_FOUND, …). */
export const POLICY_STATUS_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/policy-status`;
/** Our coverage reasons (new_policy, military_service, death, insurer_change, …). */
export const COVERAGE_REASON_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/coverage-reason`;
/** Subjects of the Russian Federation by the two-digit code the ЕНП starts with. */
export const SUBJECT_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/subject-rf`;
/** Our error codes (the typed error catalogue), in OperationOutcome.issue.details. */
export const ERROR_CODE_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/error-code`;

/** `meta.tag` of a resource built from the last known state while the register could not be read. */
export const ANSWER_QUALITY_SYSTEM = `${OMS_FHIR_BASE}/CodeSystem/answer-quality`;
export const STALE_TAG = {
  system: ANSWER_QUALITY_SYSTEM,
  code: 'stale',
  display: 'Последнее известное состояние: регистр временно недоступен',
} as const;
