import type { ReactNode } from 'react';
import type { SchemaField } from '@/lib/api-docs/schema-fields';
import { codeSpans, textBlocks } from '@/lib/api-docs/text-blocks';

/**
 * Pieces of the API documentation page. The published documents (OpenAPI, CapabilityStatement) are
 * written in English for developers; their text is marked `lang="en"` so screen readers read it as such.
 */

/** A line with its `code` spans as <code>. */
export function Inline({ text }: { text: string }) {
  return (
    <>
      {codeSpans(text).map((s, i) =>
        s.code ? <code key={i}>{s.text}</code> : <span key={i}>{s.text}</span>,
      )}
    </>
  );
}

/** A description of the published documents: paragraphs and lists, in English. */
export function Described({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <div lang="en" className="doc-text">
      {textBlocks(text).map((b, i) =>
        b.kind === 'paragraph' ? (
          <p key={i}>
            <Inline text={b.text} />
          </p>
        ) : (
          <ul key={i}>
            {b.items.map((item, j) => (
              <li key={j}>
                <Inline text={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}

/** A block of code or data, wrapped to the screen (no sideways scrolling on a phone). */
export function CodeBlock({ children, label }: { children: string; label?: string }) {
  return (
    <pre className="code-block" data-label={label}>
      <code>{children}</code>
    </pre>
  );
}

/** A table of the documentation: its caption, its column headings, and the rows given. */
export function DocTable({
  caption,
  columns,
  testId,
  children,
}: {
  caption: string;
  columns: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className="table table--doc" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/**
 * The members of a JSON schema as a table: the name with its type under it (two columns fit a phone),
 * then the published description.
 */
export function FieldTable({ fields, caption }: { fields: readonly SchemaField[]; caption: string }) {
  return (
    <DocTable caption={caption} columns={['Поле и тип', 'Описание']}>
      {fields.map((f) => (
        <tr key={f.path}>
          <th scope="row" style={f.depth ? { paddingLeft: `${f.depth}rem` } : undefined}>
            <code>{f.path}</code>
            <span className="hint-block field-type">
              <code>{f.type}</code>
              {f.required ? null : ', необязательное'}
            </span>
            {f.values.length ? (
              <span className="hint-block field-type">
                Значения: <code>{f.values.join(', ')}</code>
              </span>
            ) : null}
          </th>
          <td lang="en" className="break">
            {f.description ? <Inline text={f.description} /> : null}
          </td>
        </tr>
      ))}
    </DocTable>
  );
}

/** A titled part of the page with an anchor for the contents list. */
export function DocSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="doc-section">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Request or search parameters: the name (with a hint under it) and the published description. */
export function ParameterTable({
  caption,
  rows,
}: {
  caption: string;
  rows: readonly { name: string; hint?: string | null; description: string | undefined }[];
}) {
  return (
    <DocTable caption={caption} columns={['Параметр', 'Описание']}>
      {rows.map((p) => (
        <tr key={p.name}>
          <th scope="row">
            <code>{p.name}</code>
            {p.hint ? <span className="hint-block">{p.hint}</span> : null}
          </th>
          <td lang="en" className="break">
            {p.description}
          </td>
        </tr>
      ))}
    </DocTable>
  );
}

/** A group of URIs of the FHIR doors: a table caption and each URI with what it is for. */
export type Group = { title: string; rows: readonly [string, string][] };

/** Each group of URIs as a table: the URI and what it is for. */
export function SystemGroups({ groups }: { groups: readonly Group[] }) {
  return groups.map((g) => (
    <DocTable key={g.title} caption={g.title} columns={['Система (URI)', 'Что это']}>
      {g.rows.map(([uri, meaning]) => (
        <tr key={uri}>
          <td className="break">
            <code>{uri}</code>
          </td>
          <td>{meaning}</td>
        </tr>
      ))}
    </DocTable>
  ));
}
