import type { ReactNode } from 'react';

/** A labelled input with its hint and error, wired with aria-describedby and aria-invalid. */
export function Field({
  id,
  name,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: {
    id: string;
    name: string;
    'aria-describedby'?: string;
    'aria-invalid'?: boolean;
  }) => ReactNode;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          <span className="visually-hidden">Ошибка: </span>
          {error}
        </p>
      ) : null}
      {children({ id, name, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** A Field for a short numeric code (a region, insurer or clinic code, a year, a one-time code): digit keyboard. */
export function CodeField({
  id,
  label,
  hint,
  error,
  defaultValue,
  autoComplete,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  autoComplete?: string;
}) {
  return (
    <Field id={id} name={id} label={label} hint={hint} error={error}>
      {(p) => (
        <input
          {...p}
          className="input input--short"
          type="text"
          inputMode="numeric"
          autoComplete={autoComplete}
          defaultValue={defaultValue}
        />
      )}
    </Field>
  );
}
