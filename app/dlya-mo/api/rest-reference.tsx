import { lookupAnswerName, openApiDocument } from '@/api/v1/openapi';
import { curlCommand, type ExampleRequest } from '@/lib/api-docs/examples';
import { schemaFields } from '@/lib/api-docs/schema-fields';
import { nationalPart } from '@/lib/jurisdiction/national';
import { CodeBlock, Described, DocTable, FieldTable, Inline, ParameterTable } from './parts';

type Operation = {
  operationId: string;
  tags?: string[];
  summary: string;
  description?: string;
  security: unknown[];
  parameters?: { name: string; in: string; description?: string; schema: { maxLength?: number } }[];
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
};

/** The REST API as its OpenAPI 3.1 document (the one /api/v1/openapi.json serves) describes it. */
export function RestReference({ origin, examples }: { origin: string; examples: ExampleRequest[] }) {
  const doc = openApiDocument();
  const answerName = lookupAnswerName();
  const answerWhat = nationalPart({
    ru: 'состояние полиса на дату приёма',
    kz: 'статус в системе ОСМС на дату приёма: основание или причина, до какого дня',
  });
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>)
      .map(([method, op]) => ({ path, method, op }))
      // The agencies' feed API is in the same document but is not for clinics' systems.
      .filter(({ op }) => !op.tags?.includes('feeds')),
  );
  return (
    <>
      <p>
        Описание в формате OpenAPI {doc.openapi}: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> — по
        нему можно сгенерировать клиент для МИС. Ниже — то же описание для чтения.
      </p>
      <Described text={doc.info.description} />
      {operations.map(({ path, method, op }) => (
        <section key={op.operationId} aria-labelledby={`op-${op.operationId}`} className="doc-operation">
          <h3 id={`op-${op.operationId}`}>
            <code>
              {method.toUpperCase()} {path}
            </code>
            <span className="h1-caption" lang="en">
              {op.summary}
            </span>
          </h3>
          <p>{op.security.length ? 'Нужен ключ API.' : 'Без ключа: документ открыт всем.'}</p>
          <Described text={op.description} />
          {op.parameters?.length ? (
            <ParameterTable
              caption="Параметры запроса"
              rows={op.parameters.map((p) => ({
                name: p.name,
                hint: p.schema.maxLength ? `до ${p.schema.maxLength} знаков` : null,
                description: p.description,
              }))}
            />
          ) : null}
          <DocTable caption="Ответы" columns={['Код', 'Тип', 'Когда']}>
            {Object.entries(op.responses).map(([status, r]) => (
              <tr key={status}>
                <th scope="row">{status}</th>
                <td className="break">
                  <code>{Object.keys(r.content ?? {}).join(', ')}</code>
                </td>
                <td lang="en" className="break">
                  <Inline text={r.description} />
                </td>
              </tr>
            ))}
          </DocTable>
        </section>
      ))}

      <h3>Примеры запросов</h3>
      {examples.map((e) => (
        <div key={e.path} className="doc-example">
          <h4>{e.title}</h4>
          <CodeBlock>{curlCommand(origin, e, 'application/json')}</CodeBlock>
        </div>
      ))}

      <h3>Ответ: {answerName}</h3>
      <p>
        Ответ <code>200</code> — {answerWhat}, и ничего сверх нужного для приёма: без адреса и истории.
      </p>
      <FieldTable
        fields={schemaFields(doc.components.schemas[answerName]!)}
        caption={`Поля ответа ${answerName}`}
      />
    </>
  );
}
