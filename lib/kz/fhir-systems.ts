/**
 * The URIs Kazakhstan's register speaks in FHIR (ADR 0030). No published HL7 Kazakhstan implementation
 * guide defines a NamingSystem for the ИИН that could be confirmed, and an OID under Kazakhstan's arc
 * (1.2.398) is not ours to invent, so the register publishes its own under its canonical base, in the
 * `sid/{namespace}/{country}/{type}` shape regional guides use for national ids: a client sends
 * `identifier=<IIN_SYSTEM>|<12 digits>`. If the ministry publishes an official URI, it joins as an alias
 * (the search parser's job), and this one stays accepted.
 */
export const OSMS_FHIR_BASE = 'https://osms-register.kz/fhir';

/** The ИИН (individual identification number): 12 digits, no separators. */
export const IIN_SYSTEM = `${OSMS_FHIR_BASE}/sid/pid/kz/iin`;

/**
 * The code system of ОСМС statuses: every code `osmsStatusOn` answers — the grounds of the right to care
 * (STATE_CATEGORY, EMPLOYER_CONTRIBUTIONS, …, SYSTEMS_UNAVAILABLE) and the reasons there is none
 * (NO_CONTRIBUTIONS, LUMP_SUM_NOT_ADVANCE, …); lib/domain/kz/insured-status.ts lists them.
 */
export const OSMS_STATUS_SYSTEM = `${OSMS_FHIR_BASE}/CodeSystem/osms-status`;

/** The code system of the state-paid categories (lib/domain/kz/categories.ts codes). */
export const OSMS_CATEGORY_SYSTEM = `${OSMS_FHIR_BASE}/CodeSystem/osms-category`;
