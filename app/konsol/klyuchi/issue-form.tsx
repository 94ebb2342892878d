'use client';

import { CodeField } from '../../_components/field';
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
        <CodeField
          id="moCode"
          label="Код МО"
          hint="Шесть цифр по справочнику F003, например 770001"
          error={errorFor(state, 'moCode')}
          defaultValue={state.values.moCode}
        />
      )}
    />
  );
}
