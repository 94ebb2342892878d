import type { CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { curlCommand, type ExampleRequest } from '@/lib/api-docs/examples';
import { capabilityStatement } from '@/lib/fhir/capability-statement';
import { CodeBlock, Described, ParameterTable } from './parts';

const INTERACTIONS: Record<string, string> = {
  read: 'чтение по id',
  'search-type': 'поиск',
  create: 'отправка (POST)',
};

/** The FHIR R4 API as its CapabilityStatement (the one /fhir/metadata serves) describes it. */
export function FhirReference({ origin, examples }: { origin: string; examples: ExampleRequest[] }) {
  const statement = capabilityStatement(`${origin}/fhir`);
  const rest = statement.rest?.[0];
  return (
    <>
      <p>
        FHIR {statement.fhirVersion} (R4), формат <code>{statement.format.join(', ')}</code>. Адрес сервера:{' '}
        <code className="break">{statement.implementation?.url}</code>. Описание возможностей
        (CapabilityStatement): <a href="/fhir/metadata">/fhir/metadata</a>.
      </p>
      <Described text={rest?.documentation} />
      <Described text={rest?.security?.description} />
      {(rest?.resource ?? []).map((r) => (
        <Resource key={r.type} resource={r} />
      ))}

      <h3>Примеры запросов</h3>
      {examples.map((e) => (
        <div key={e.path + e.method} className="doc-example">
          <h4>{e.title}</h4>
          <CodeBlock>{curlCommand(origin, e, 'application/fhir+json')}</CodeBlock>
        </div>
      ))}
    </>
  );
}

function Resource({ resource }: { resource: CapabilityStatementRestResource }) {
  return (
    <section aria-labelledby={`fhir-${resource.type}`} className="doc-operation">
      <h3 id={`fhir-${resource.type}`}>
        <code>{resource.type}</code>
      </h3>
      <p>
        Операции: {(resource.interaction ?? []).map((i) => INTERACTIONS[i.code] ?? i.code).join(', ')}
        {resource.searchRevInclude?.length ? (
          <>
            ; <code>_revinclude={resource.searchRevInclude.join(',')}</code>
          </>
        ) : null}
        .
      </p>
      <Described text={resource.documentation} />
      {resource.searchParam?.length ? (
        <ParameterTable
          caption={`Параметры поиска ${resource.type}`}
          rows={resource.searchParam.map((p) => ({
            name: p.name,
            hint: p.type,
            description: p.documentation,
          }))}
        />
      ) : null}
    </section>
  );
}
