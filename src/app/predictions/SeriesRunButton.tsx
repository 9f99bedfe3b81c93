import { useTranslation } from 'react-i18next';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { ModelHandle } from './classify.ts';
import type { SeriesRun } from './useSeriesRun.ts';

/** Runs the models over the series; while they run, the progress and a Cancel button instead. */
export function SeriesRunButton({
  run,
  models,
  stack,
  label,
  progressLabel,
}: {
  run: SeriesRun;
  models: readonly ModelHandle[];
  stack: readonly StackPosition[] | undefined;
  label: string;
  progressLabel: string;
}) {
  const { t } = useTranslation('predictions');
  if (run.progress) {
    return (
      <>
        <progress max={run.progress[1]} value={run.progress[0]} aria-label={progressLabel} />
        <button type="button" onClick={run.cancel}>
          {t('run.cancel')}
        </button>
      </>
    );
  }
  return (
    <button type="button" disabled={!stack} onClick={() => stack && void run.start(models, stack)}>
      {label}
    </button>
  );
}
