// A federation step's progress with its Cancel button, and the Problem or "cancelled" after it.
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import type { StepState } from './useFederationStep.ts';

export function StepProgress<T>({
  state,
  cancel,
  testId,
}: {
  state: StepState<T>;
  cancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation('federation');
  if (state.kind === 'running')
    return (
      <p>
        <progress
          max={state.total}
          value={state.done}
          aria-label={t('progress')}
          data-testid={`${testId}-progress`}
        />{' '}
        <button type="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </p>
    );
  if (state.kind === 'cancelled')
    return (
      <p className="muted" data-testid={`${testId}-cancelled`}>
        {t('cancelled')}
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p role="alert" data-testid={`${testId}-error`} data-code={state.problem.code}>
        {problemText(t, state.problem)}
      </p>
    );
  return null;
}
