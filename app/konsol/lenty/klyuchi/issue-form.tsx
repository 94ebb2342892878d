'use client';

import { errorFor } from '../../../_components/form-state';
import { RadioGroup } from '../../../_components/radio-group';
import { IssueKeyForm } from '../../_keys/issue-key-form';
import { issueFeedKey } from './actions';

const SOURCE_OPTIONS = [
  ['zags', 'Органы ЗАГС'],
  ['mvd', 'МВД'],
  ['military', 'Военные комиссариаты'],
] as const;

export function IssueFeedKeyForm() {
  return (
    <IssueKeyForm
      issue={issueFeedKey}
      testId="feed-key"
      labelHint="Например, система ведомства и регион"
      issued={(r) => (
        <>
          Ключ источника «{r.source}» (префикс {r.prefix}) выпущен. Передайте его системе ведомства сейчас: он
          показывается один раз, регистр хранит только его хэш.
        </>
      )}
      owner={(state) => (
        <RadioGroup
          name="source"
          legend="Источник"
          options={SOURCE_OPTIONS}
          value={state.values.source}
          error={errorFor(state, 'source')}
        />
      )}
    />
  );
}
