import { openApiDocument } from '@/api/v1/openapi';
import { problemFrom } from '@/api/http';
import { schemaFields } from '@/lib/api-docs/schema-fields';
import { codesNamed } from '@/lib/api-docs/text-blocks';
import { AppError, errorCatalogue, fieldIssue, type ErrorCode } from '@/lib/errors';
import { issueTypeOf, toOperationOutcome } from '@/lib/fhir/operation-outcome';
import { ERROR_CODE_SYSTEM } from '@/lib/fhir/systems';
import { CodeBlock, DocTable, FieldTable } from './parts';

const isCatalogued = (code: string): code is ErrorCode => Object.hasOwn(errorCatalogue, code);

/** The codes the REST responses name, in the order of the responses (from the OpenAPI document). */
function requestCodes(): ErrorCode[] {
  const responses = openApiDocument().paths['/api/v1/lookup'].get.responses;
  const codes = Object.values(responses).flatMap((r) => codesNamed(r.description));
  return [...new Set(codes)].filter(isCatalogued);
}

/**
 * The error format of both APIs, shown with answers the server's own code builds (problemFrom,
 * toOperationOutcome) for one invalid request, and the codes from the error catalogue (lib/errors.ts).
 */
export function ErrorsReference({
  invalid,
}: {
  /** One invalid request of this deployment's lookup: the parameter, its code and the value sent. */
  invalid: { field: string; code: ErrorCode; value: string };
}) {
  const error = AppError.validation([fieldIssue(invalid.field, invalid.code)]);
  const fhirError = AppError.validation([fieldIssue('identifier', invalid.code)]);
  const problem = problemFrom(error, `/api/v1/lookup?${invalid.field}=${invalid.value}`);
  const all = Object.entries(errorCatalogue) as [ErrorCode, { status: number; message: string }][];
  return (
    <>
      <p>
        Каждая ошибка имеет постоянный машиночитаемый код и сообщение на русском языке для регистратора. При
        ошибке в запросе названо каждое неверное поле. Код ответа <code>200</code> с{' '}
        <code>insured: false</code> — это не ошибка: человек найден, но на дату не застрахован, и ответ
        говорит почему.
      </p>

      <h3>REST: application/problem+json (RFC 9457)</h3>
      <p>Пример: {errorCatalogue[invalid.code].message}</p>
      <CodeBlock>{`HTTP/1.1 ${problem.status}\nContent-Type: application/problem+json; charset=utf-8\n\n${JSON.stringify(problem, null, 2)}`}</CodeBlock>
      <FieldTable
        fields={schemaFields(openApiDocument().components.schemas.Problem)}
        caption="Поля ответа Problem"
      />

      <h3>FHIR: OperationOutcome</h3>
      <p>
        Тот же код — в <code>issue.details.coding</code> (система{' '}
        <code className="break">{ERROR_CODE_SYSTEM}</code>
        ), сообщение — в <code>issue.details.text</code>, неверный параметр — в <code>issue.expression</code>.
      </p>
      <CodeBlock>{JSON.stringify(toOperationOutcome(fhirError), null, 2)}</CodeBlock>

      <h3>Коды ответа на запрос</h3>
      <DocTable
        caption="Коды ошибок запроса, HTTP-статус и IssueType FHIR"
        columns={['Код', 'HTTP', 'FHIR', 'Сообщение']}
        testId="request-error-codes"
      >
        {requestCodes().map((code) => (
          <tr key={code}>
            <th scope="row" className="break">
              <code>{code}</code>
            </th>
            <td>{errorCatalogue[code].status}</td>
            <td>
              <code>{issueTypeOf(new AppError(code))}</code>
            </td>
            <td>{errorCatalogue[code].message}</td>
          </tr>
        ))}
      </DocTable>

      <details className="doc-details">
        <summary>Все коды ошибок регистра ({all.length})</summary>
        <p>
          Коды проверок полей приходят в <code>errors[].code</code> (REST) и <code>issue.details.coding</code>{' '}
          (FHIR). Список может пополняться: неизвестный код обрабатывайте по HTTP-статусу.
        </p>
        <DocTable caption="Каталог ошибок" columns={['Код', 'HTTP', 'Сообщение']}>
          {all.map(([code, entry]) => (
            <tr key={code}>
              <th scope="row" className="break">
                <code>{code}</code>
              </th>
              <td>{entry.status}</td>
              <td>{entry.message}</td>
            </tr>
          ))}
        </DocTable>
      </details>
    </>
  );
}
