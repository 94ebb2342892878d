'use client';

import { errorFor } from '../../../_components/form-state';
import { RadioGroup } from '../../../_components/radio-group';
import { IssueKeyForm } from '../../_keys/issue-key-form';
import { issueFeedKey } from './actions';

/** `sources`: the served sources with their titles (the profile's), as the page reads them on the server. */
export function IssueFeedKeyForm({ sources }: { sources: readonly (readonly [string, string])[] }) {
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
          options={sources}
          value={state.values.source}
          error={errorFor(state, 'source')}
        />
      )}
    />
  );
}
