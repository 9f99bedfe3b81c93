import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store/store.ts';
import { importStructureRoi, structuresOfSeries } from './maskRoi.ts';
import { cancelAnalysis, runAnalysis } from './runAnalysis.ts';
import type { RunScope, RunState } from './types.ts';

const scopes: { id: RunScope; label: string }[] = [
  { id: 'image', label: 'Current image' },
  { id: 'series', label: 'Current series' },
  { id: 'all', label: 'All loaded series' },
];

function statusText(r: RunState): string {
  const cached = r.cached > 0 ? ` (${r.cached} cached)` : '';
  switch (r.status) {
    case 'idle':
      return '';
    case 'running':
      return `Running: ${r.done} of ${r.total}${cached}`;
    case 'done':
      return r.total === 0
        ? 'Nothing to analyse: no ROI on these slices'
        : `Done: ${r.total} results${cached}`;
    case 'cancelled':
      return `Cancelled after ${r.done} of ${r.total}`;
    case 'failed':
      return `Done with ${r.failures.length} failed of ${r.total}`;
  }
}

export function RunControls() {
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
  const [maskProblem, setMaskProblem] = useState('');
  const choice = useStore((s) => s.roiChoice);
  const scope = useStore((s) => s.scope);
  const run = useStore((s) => s.run);
  const { setRoiChoice, setScope } = useStore.getState();
  const running = run.status === 'running';
  return (
    <fieldset>
      <legend>Run</legend>
      <label className="row">
        ROI{' '}
        <select
          aria-label="ROI to analyse"
          value={choice}
          onChange={(e) => {
            const value = e.target.value;
            setMaskProblem('');
            if (!value.startsWith('mask:')) return setRoiChoice(value);
            // A structure of an RTSTRUCT or SEG: placed on the series in a worker, then a ROI.
            const s = useStore.getState();
            const chosen = seriesUID
              ? structuresOfSeries(s, seriesUID).find((x) => `mask:${x.key}` === value)
              : undefined;
            if (!chosen || !seriesUID) return;
            void importStructureRoi(seriesUID, chosen).then((r) => {
              if (!r.ok) setMaskProblem(r.error.reason);
            });
          }}
        >
          <option value="whole">Whole image</option>
          {rois.map((r) => {
            const [id, name] = r.split('|');
            return (
              <option key={id} value={id}>
                {name}
              </option>
            );
          })}
          {structures.length > 0 && (
            <optgroup label="Structures (RTSTRUCT, SEG)">
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
          {maskProblem}
        </p>
      )}
      <div className="row" role="radiogroup" aria-label="Run on">
        {scopes.map((s) => (
          <label key={s.id}>
            <input
              type="radio"
              name="scope"
              checked={scope === s.id}
              onChange={() => setScope(s.id)}
            />
            {s.label}
          </label>
        ))}
      </div>
      <div className="row">
        <button type="button" disabled={running || !seriesUID} onClick={() => void runAnalysis()}>
          Run analysis
        </button>
        <button type="button" disabled={!running} onClick={cancelAnalysis}>
          Cancel
        </button>
      </div>
      {run.status !== 'idle' && (
        <progress
          aria-label="Analysis progress"
          max={Math.max(1, run.total)}
          value={run.done}
          data-done={run.done}
          data-total={run.total}
        />
      )}
      <output data-testid="run-status" data-status={run.status}>
        {statusText(run)}
      </output>
      {run.failures.length > 0 && (
        <ul role="alert">
          {run.failures.slice(0, 5).map((f, k) => (
            <li key={k}>{f}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
