import { useState } from 'react';
import { useBundlePicker } from '../bundles/BundlePicker.tsx';
import type { CombatMethod } from '../../core/models/harmonize/types.ts';
import type { CenterEffect } from '../../core/models/stats/centerEffect.ts';
import { f3 } from '../bundles/compare/format.ts';
import { CenterBoxes } from './CenterBoxes.tsx';
import { useStudy } from './useStudy.ts';

const p2 = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) ? x.toExponential(2) : 'n/a';

function EffectRow({ when, e, features }: { when: string; e?: CenterEffect; features: number }) {
  return (
    <tr
      data-testid={`effect-${when}`}
      data-auc={e?.centerAuc.meanAuc ?? ''}
      data-significant={e?.significant ?? ''}
    >
      <th scope="row">{when}</th>
      <td>{e ? f3(e.centerAuc.meanAuc) : 'n/a'}</td>
      <td>{e ? `${e.significant} of ${features}` : 'n/a'}</td>
      <td>{p2(e?.medianP)}</td>
    </tr>
  );
}

/** The bundles in the library as one study: pooled features, ComBat, center effect before/after. */
export function StudyView({ onClose }: { onClose: () => void }) {
  const { ids, picker } = useBundlePicker();
  const [method, setMethod] = useState<CombatMethod | ''>('');
  const [preserveLabel, setPreserveLabel] = useState(false);
  const [feature, setFeature] = useState<string | undefined>();
  const state = useStudy(ids, {
    ...(method ? { method } : {}),
    ...(method && preserveLabel ? { covariate: 'label' as const } : {}),
  });
  const view = state.kind === 'ready' ? state.view : undefined;
  const g = Math.max(0, view?.features.findIndex((f) => f.code === feature) ?? 0);
  const chosen = view?.features[g];
  return (
    <section role="dialog" aria-label="Study across centers" className="compare-view study-view">
      <header>
        <h2>Study across centers</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {picker}
      <p>
        <label>
          Harmonization{' '}
          <select value={method} onChange={(e) => setMethod(e.target.value as CombatMethod | '')}>
            <option value="">none</option>
            <option value="parametric">ComBat, parametric</option>
            <option value="nonparametric">ComBat, non-parametric</option>
          </select>
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={preserveLabel}
            disabled={!method}
            onChange={(e) => setPreserveLabel(e.target.checked)}
          />{' '}
          Preserve the label's effect
        </label>
      </p>
      {ids.length === 0 && <p className="muted">Choose the bundles of the study.</p>}
      {ids.length > 0 && state.kind === 'busy' && <p className="muted">Computing…</p>}
      {state.kind === 'error' && (
        <p className="bundle-error" data-testid="study-error" data-code={state.code}>
          {state.text}
        </p>
      )}
      {view && ids.length > 0 && (
        <div className="compare-body" data-testid="study" data-features={view.features.length}>
          <p>
            {view.centers.map((c) => `${c.center} (${c.cases} cases)`).join(', ')};{' '}
            {view.features.length} features pooled.
          </p>
          {view.notes.length > 0 && (
            <details>
              <summary>{view.notes.length} notes: features left out and why</summary>
              <ul data-testid="study-notes">
                {view.notes.map((n, i) => (
                  <li key={i} data-code={n.code}>
                    {n.reason}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <h3>Center effect</h3>
          <table>
            <thead>
              <tr>
                <th />
                <th>Center AUC (cross-validated)</th>
                <th>Kruskal-Wallis p &lt; 0.05</th>
                <th>Median p</th>
              </tr>
            </thead>
            <tbody>
              <EffectRow when="before" e={view.before} features={view.features.length} />
              {method && <EffectRow when="after" e={view.after} features={view.features.length} />}
            </tbody>
          </table>
          <h3>
            <label>
              Feature{' '}
              <select
                aria-label="Feature shown"
                value={chosen?.code ?? ''}
                onChange={(e) => setFeature(e.target.value)}
              >
                {view.features.map((f) => (
                  <option key={f.code} value={f.code}>
                    {f.name} [{f.code}]
                  </option>
                ))}
              </select>
            </label>
          </h3>
          {chosen && (
            <>
              <p className="muted">
                Kruskal-Wallis p: before {p2(view.before?.kruskal[g]?.p)}
                {method ? `, after ${p2(view.after?.kruskal[g]?.p)}` : ''}
              </p>
              <CenterBoxes rows={view.distributions[g]} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
