// Two models on the same series: the default model and one the user picks or drops (.onnx + card).
// Both run on every image; the images where they disagree are listed first, and a click shows
// the image in the viewer.
import { useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { selectStack } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import type { ModelHandle } from './classify.ts';
import { comparisonRows } from './comparisonRows.ts';
import { comparisonWorker, loadSecondModel } from './loadSecondModel.ts';
import { SeriesRunButton } from './SeriesRunButton.tsx';
import { seriesPredictions } from './seriesPredictions.ts';
import { useSeriesRun } from './useSeriesRun.ts';
import { FileInput } from '../panels/FileInput.tsx';

const nameOf = (m: ModelHandle) => `${m.info.card.name} ${m.info.card.version}`;

export function PredictionsCompare({ model }: { model: ModelHandle }) {
  const { t } = useTranslation('predictions');
  const second = useStore((s) => s.comparisonModel);
  const stack = useStore((s) => selectStack(s.active)(s));
  const predictions = useStore((s) => s.predictions);
  const [loadError, setLoadError] = useState('');
  const [loading, setLoading] = useState(false);
  const run = useSeriesRun();
  const other: ModelHandle | null = second ? { bridge: comparisonWorker, info: second } : null;

  const rows = useMemo(
    () =>
      stack && second
        ? comparisonRows(
            seriesPredictions(predictions, stack, model.info.sha256),
            seriesPredictions(predictions, stack, second.sha256),
          )
        : [],
    [predictions, stack, model.info.sha256, second],
  );

  const pick = async (files: File[]) => {
    setLoadError('');
    setLoading(true);
    try {
      await loadSecondModel(files, model.info.executionProvider);
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };
  // The page-wide drop zone loads DICOM; a model dropped here is for this section only.
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    void pick([...e.dataTransfer.files]);
  };
  const show = (index: number) => {
    const s = useStore.getState();
    s.setIndex(s.active, index);
  };
  const disagree = rows.filter((r) => !r.agree).length;

  return (
    <section
      className="predictions-compare"
      aria-label={t('compare.aria')}
      onDragOver={(e) => {
        e.preventDefault();
        e.stopPropagation();
      }}
      onDrop={onDrop}
    >
      <h4>{t('compare.heading')}</h4>
      <label>
        {t('compare.pick')}{' '}
        <FileInput
          multiple
          accept=".onnx,.json"
          aria-label={t('compare.files')}
          onChange={(e) => void pick([...(e.target.files ?? [])])}
        />
      </label>
      {loading && <p className="muted">{t('compare.loading')}</p>}
      {loadError && <p className="bundle-error">{loadError}</p>}
      {other && (
        <p className="muted" data-testid="second-model">
          {nameOf(other)} · {`sha256 ${other.info.sha256.slice(0, 12)}…`}
        </p>
      )}
      {other && (
        <SeriesRunButton
          run={run}
          models={[model, other]}
          stack={stack}
          label={t('compare.run')}
          progressLabel={t('compare.progress')}
        />
      )}
      {run.error && <p className="bundle-error">{problemText(t, run.error)}</p>}
      {other && rows.length > 0 && (
        <>
          <p data-testid="compare-summary">
            {t('compare.summary', { disagree, total: rows.length })}
          </p>
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>{t('compare.image')}</th>
                <th>{nameOf(model)}</th>
                <th>{nameOf(other)}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.index} className={r.agree ? undefined : 'disagree'}>
                  <td>
                    <button type="button" onClick={() => show(r.index)}>
                      {t('compare.imageN', { n: r.index + 1 })}
                    </button>
                  </td>
                  <td>
                    {r.a.predicted} ({r.a.probabilities[r.a.predicted].toFixed(3)})
                  </td>
                  <td>
                    {r.b.predicted} ({r.b.probabilities[r.b.predicted].toFixed(3)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
