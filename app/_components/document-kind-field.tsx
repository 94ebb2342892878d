import { Field } from './field';

/** The F011 document-kind choice of a search form (passport by default), labelled and wired like any field. */
export function DocumentKindField({
  id,
  name,
  error,
  value,
  kinds,
}: {
  id: string;
  name: string;
  error?: string;
  value?: string;
  kinds: { code: number; name: string }[];
}) {
  return (
    <Field id={id} name={name} label="Вид документа" error={error}>
      {(p) => (
        <select {...p} className="select" defaultValue={value ?? '14'}>
          {kinds.map((k) => (
            <option key={k.code} value={String(k.code)}>
              {k.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
