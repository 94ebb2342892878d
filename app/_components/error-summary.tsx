'use client';

import { useEffect, useRef } from 'react';

/**
 * GOV.UK-style error summary: at the top of the form, focused when it appears, linking to each invalid
 * field with the same words as the message beside the field. The focus comes from the effect below where
 * React runs in the browser (staff pages), and from `public/portal.js` on the portal's plain HTML pages.
 */
export function ErrorSummary({
  errors,
  formError,
  idPrefix = '',
}: {
  errors: { field: string; message: string }[];
  formError?: string | null;
  idPrefix?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length + (formError ? 1 : 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors, formError]);
  if (count === 0) return null;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby={`${idPrefix}error-summary-title`}
      tabIndex={-1}
      ref={ref}
    >
      <h2 id={`${idPrefix}error-summary-title`}>Есть ошибки</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${idPrefix}${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
