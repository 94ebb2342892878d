/** A fieldset of radio buttons with its error; `id` is the fieldset's, for the error summary's link. */
export function RadioGroup({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: readonly (readonly [value: string, label: string])[];
  value: string | undefined;
  error: string | undefined;
}) {
  return (
    <fieldset className={`radios${error ? ' form-group--error' : ''}`} id={name}>
      <legend>{legend}</legend>
      {error ? <p className="error-message">{error}</p> : null}
      {options.map(([option, label]) => (
        <label className="radio" key={option}>
          <input type="radio" name={name} value={option} defaultChecked={value === option} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
