import { Field } from '../../_components/field';
import type { InsurerOption } from './choices';
import { errorOf, Radios } from './journey-ui';
import type { JourneyState } from './journey-state';

type AnyState = JourneyState<unknown, unknown>;

/** The subject of the RF, as a select of the regions offered (field `subjectCode`). */
export function RegionSelect({
  state,
  regions,
  label,
  hint,
}: {
  state: AnyState;
  regions: readonly { code: string; name: string }[] | undefined;
  label: string;
  hint: string;
}) {
  return (
    <Field
      id="subjectCode"
      name="subjectCode"
      label={label}
      hint={hint}
      error={errorOf(state, 'subjectCode')}
    >
      {(p) => (
        <select {...p} className="select" defaultValue={state.answers.subjectCode ?? ''}>
          <option value="">Выберите регион</option>
          {(regions ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The insurer question (field `insurerCode`): one radio per insurer, its contacts as the hint. */
export function InsurerRadios({
  state,
  insurers,
  legend,
  hint,
}: {
  state: AnyState;
  insurers: readonly InsurerOption[] | undefined;
  legend: string;
  hint: string;
}) {
  return (
    <Radios
      name="insurerCode"
      legend={legend}
      headingLegend
      hint={hint}
      value={state.answers.insurerCode}
      error={errorOf(state, 'insurerCode')}
      options={(insurers ?? []).map((i) => ({ value: i.code, label: i.name, hint: i.contacts }))}
    />
  );
}
