import { Field } from '../../_components/field';

/**
 * The tail every directory upload form ends with: the file, then "check" (a dry run that changes nothing)
 * or "apply". The actions read `file` and `mode` (app/konsol/spravochniki/actions.ts).
 */
export function FileUploadFields({
  label,
  hint,
  accept,
  error,
  pending,
}: {
  label: string;
  hint: string;
  accept: string;
  error?: string;
  pending: boolean;
}) {
  return (
    <>
      <Field id="file" name="file" label={label} hint={hint} error={error}>
        {(p) => <input {...p} className="input" type="file" accept={accept} />}
      </Field>
      <div className="button-row">
        <button className="button" type="submit" name="mode" value="check" disabled={pending}>
          Проверить, ничего не меняя
        </button>
        <button
          className="button button--secondary"
          type="submit"
          name="mode"
          value="apply"
          disabled={pending}
        >
          Загрузить
        </button>
      </div>
    </>
  );
}
