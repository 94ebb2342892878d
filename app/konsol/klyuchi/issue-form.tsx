'use client';

import { Field } from '../../_components/field';
import { errorFor } from '../../_components/form-state';
import { IssueKeyForm as KeyForm } from '../_keys/issue-key-form';
import { issueKey } from './actions';

export function IssueKeyForm() {
  return (
    <KeyForm
      issue={issueKey}
      testId="key"
      labelHint="Например, название МИС"
      issued={(r) => (
        <>
          Ключ для МО {r.moCode} (префикс {r.prefix}) выпущен. Сохраните его сейчас: он показывается один раз,
          регистр хранит только его хэш.
        </>
      )}
      owner={(state) => (
        <Field
          id="moCode"
          name="moCode"
          label="Код МО"
          hint="Шесть цифр по справочнику F003, например 770001"
          error={errorFor(state, 'moCode')}
        >
          {(p) => (
            <input
              {...p}
              className="input input--short"
              type="text"
              inputMode="numeric"
              defaultValue={state.values.moCode}
            />
          )}
        </Field>
      )}
    />
  );
}
