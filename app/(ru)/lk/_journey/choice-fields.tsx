import type { ReactNode } from 'react';
import { Field } from '@/app/_components/field';
import type { InsurerOption } from './choices';
import type { StepScreen } from './journey-screen';
import { errorOf, PersonQuestion, Question, Radios } from './journey-ui';
import type { PersonChoice } from './people';
import type { JourneyState } from './journey-state';

type AnyState = JourneyState<unknown, unknown>;

/** The subject of the RF, as a select of the regions offered (field `subjectCode`). */
function RegionSelect({
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
function InsurerRadios({
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

/** The insurer page of a journey whose view offers `insurers`: the legend, and a hint about the region. */
export function insurerScreen<V extends { insurers?: InsurerOption[] }>(
  legend: string,
  hint: (view: Partial<V>) => string,
): StepScreen<V> {
  return {
    form: ({ state, view }) => (
      <InsurerRadios state={state} insurers={view.insurers} legend={legend} hint={hint(view)} />
    ),
  };
}

/**
 * The region page (field `subjectCode`) of a journey whose view offers `regions`: the question (with whose
 * application it is, when chosen), what to say before the select, the select.
 */
export function regionScreen<V extends { regions?: { code: string; name: string }[]; person?: string }>({
  question,
  label,
  hint,
  intro,
}: {
  question: string;
  label: string;
  hint: string;
  intro?: (view: Partial<V>) => ReactNode;
}): StepScreen<V> {
  return {
    form: ({ state, view }) => (
      <>
        <Question caption={view.person}>{question}</Question>
        {intro?.(view)}
        <RegionSelect state={state} regions={view.regions} label={label} hint={hint} />
      </>
    ),
  };
}

/** The «За кого» page of a journey whose view offers `people`. */
export function personScreen<V extends { people?: PersonChoice[] }>(question?: string): StepScreen<V> {
  return {
    form: ({ state, view }) => (
      <PersonQuestion state={state} people={view.people ?? []} question={question} />
    ),
  };
}
