import { Field } from '@/app/_components/field';

/**
 * The two fields of a temporary-status upload, the person's (/kabinet/vremennyi-status) and the clinic's
 * (/clinic/vremennyi-status): the category the document proves, and the file. What the file is is judged by
 * its bytes on the server; `accept` only helps the browser's file picker.
 */
export function CategoryField({
  id,
  error,
  value,
  categories,
}: {
  id: string;
  error?: string;
  value?: string;
  categories: readonly { code: string; name: string }[];
}) {
  return (
    <Field id={id} name="category" label="Льготная категория" error={error}>
      {(p) => (
        // Keyed by the value: React sets a select's default only when it mounts, and resets the form after
        // an action, so a refused post would otherwise lose the category chosen.
        <select {...p} key={value ?? ''} className="select" defaultValue={value ?? ''}>
          <option value="">Выберите категорию</option>
          {categories.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function DocumentFileField({
  id,
  label,
  hint,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  error?: string;
}) {
  return (
    <Field id={id} name="document" label={label} hint={hint} error={error}>
      {(p) => <input {...p} type="file" className="input" accept=".pdf,.jpg,.jpeg,.png" />}
    </Field>
  );
}
