import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { useStore } from '../store/store.ts';
import { importStructureRoi, structuresOfSeries } from './maskRoi.ts';
import { cancelAnalysis, runAnalysis } from './runAnalysis.ts';
import { roiText } from './roiText.ts';
import type { RunScope, RunState } from './types.ts';

// Labels are analysis:run.scope.<id>.
const scopes: RunScope[] = ['image', 'series', 'all'];

function statusText(r: RunState, t: TFunction): string {
  const cached = r.cached > 0 ? ` ${t('run.cached', { count: r.cached })}` : '';
  switch (r.status) {
    case 'idle':
      return '';
    case 'running':
      return t('run.running', { done: r.done, total: r.total }) + cached;
    case 'done':
      return r.total === 0 ? t('run.nothing') : t('run.done', { total: r.total }) + cached;
    case 'cancelled':
      return t('run.cancelled', { done: r.done, total: r.total });
    case 'failed':
      return t('run.failed', { failed: r.failures.length, total: r.total });
  }
}

export function RunControls() {
  const { t } = useTranslation('analysis');
  const seriesUID = useStore((s) => s.viewports[s.active].seriesUID);
  const rois = useStore(
    useShallow((s) =>
      s.rois.filter((r) => r.seriesUID === seriesUID).map((r) => `${r.id}|${r.name}`),
    ),
  );
  const structures = useStore(
    useShallow((s) =>
      seriesUID
        ? structuresOfSeries(s, seriesUID).map(
            (x) =>
              `${x.key}\n${x.structure.name} (${x.mask.kind === 'rtstruct' ? 'RTSTRUCT' : 'SEG'})`,
          )
        : [],
    ),
  );
  const [maskProblem, setMaskProblem] = useState<Problem | null>(null);
  const choice = useStore((s) => s.roiChoice);
  const scope = useStore((s) => s.scope);
  const run = useStore((s) => s.run);
  const { setRoiChoice, setScope } = useStore.getState();
  const running = run.status === 'running';
  return (
    <fieldset>
      <legend>{t('run.legend')}</legend>
      <label className="row">
        {t('run.roi')}{' '}
        <select
          aria-label={t('run.roiLabel')}
          value={choice}
          onChange={(e) => {
            const value = e.target.value;
            setMaskProblem(null);
            if (!value.startsWith('mask:')) return setRoiChoice(value);
            // A structure of an RTSTRUCT or SEG: placed on the series in a worker, then a ROI.
            const s = useStore.getState();
            const chosen = seriesUID
              ? structuresOfSeries(s, seriesUID).find((x) => `mask:${x.key}` === value)
              : undefined;
            if (!chosen || !seriesUID) return;
            void importStructureRoi(seriesUID, chosen).then((r) => {
              if (!r.ok) setMaskProblem(r.error);
            });
          }}
        >
          <option value="whole">{t('shape.whole')}</option>
          {rois.map((r) => {
            const [id, name] = r.split('|');
            return (
              <option key={id} value={id}>
                {name}
              </option>
            );
          })}
          {structures.length > 0 && (
            <optgroup label={t('run.structures')}>
              {structures.map((x) => {
                const [key, label] = x.split('\n');
                return (
                  <option key={key} value={`mask:${key}`}>
                    {label}
                  </option>
                );
              })}
            </optgroup>
          )}
        </select>
      </label>
      {maskProblem && (
        <p role="alert" data-testid="mask-problem">
          {problemText(t, maskProblem)}
        </p>
      )}
      <div className="row" role="radiogroup" aria-label={t('run.on')}>
        {scopes.map((s) => (
          <label key={s}>
            <input type="radio" name="scope" checked={scope === s} onChange={() => setScope(s)} />
            {t(`run.scope.${s}`)}
          </label>
        ))}
      </div>
      <div className="row">
        <button type="button" disabled={running || !seriesUID} onClick={() => void runAnalysis()}>
          {t('run.start')}
        </button>
        <button type="button" disabled={!running} onClick={cancelAnalysis}>
          {t('run.cancel')}
        </button>
      </div>
      {run.status !== 'idle' && (
        <progress
          aria-label={t('run.progress')}
          max={Math.max(1, run.total)}
          value={run.done}
          data-done={run.done}
          data-total={run.total}
        />
      )}
      <output data-testid="run-status" data-status={run.status}>
        {statusText(run, t)}
      </output>
      {run.failures.length > 0 && (
        <ul role="alert">
          {run.failures.slice(0, 5).map((f, k) => (
            <li key={k}>
              {t('run.failure', {
                roi: roiText(t, f.roi),
                slice: f.slice,
                problem: problemText(t, f.problem),
              })}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
