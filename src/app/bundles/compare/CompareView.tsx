import { useState } from 'react';
import { useBundlePicker } from '../BundlePicker.tsx';
import { BlandAltmanPlot } from './BlandAltmanPlot.tsx';
import { BoxPlot } from './BoxPlot.tsx';
import { FeatureAgreementTable } from './FeatureAgreementTable.tsx';
import { LabelAgreementTable } from './LabelAgreementTable.tsx';
import { RocPlot } from './RocPlot.tsx';
import { useComparison } from './useComparison.ts';
import { useEscapeToClose } from '../useEscapeToClose.ts';

/** Agreement across centers and models over the bundles the user picks from the library. */
export function CompareView({ onClose }: { onClose: () => void }) {
  const { ids, picker } = useBundlePicker();
  const [feature, setFeature] = useState<string | undefined>();
  const state = useComparison(ids, feature);
  useEscapeToClose(onClose);
  const view = state.kind === 'ready' ? state.view : undefined;
  const chosen = view?.feature;
  const agreement = view?.comparison.featureAgreement.find((f) => f.code === chosen);
  return (
    <section role="dialog" aria-label="Compare bundles" className="compare-view">
      <header>
        <h2>Comparison across centers</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {picker}
      {ids.length < 2 && <p className="muted">Choose at least two bundles to compare.</p>}
      {state.kind === 'busy' && <p className="muted">Comparing…</p>}
      {state.kind === 'error' && <p className="bundle-error">{state.text}</p>}
      {view && ids.length >= 2 && (
        <div className="compare-body" data-testid="comparison" data-feature={chosen ?? ''}>
          {view.hint && (
            <p className="bundle-error" role="note" data-testid="compare-hint">
              {view.hint.reason}
            </p>
          )}
          <h3>Predicted labels (matched cases)</h3>
          <LabelAgreementTable rows={view.comparison.labelAgreement} />
          <h3>ROC against ground truth</h3>
          <RocPlot curves={view.rocCurves} rows={view.comparison.roc} />
          <h3>Features (matched cases)</h3>
          <FeatureAgreementTable
            rows={view.comparison.featureAgreement}
            selected={chosen}
            onSelect={setFeature}
          />
          {agreement && <h3>{agreement.name}</h3>}
          {agreement?.blandAltman.map((p) => {
            const pts = view.blandAltman.find((b) => b.a === p.a && b.b === p.b);
            return pts ? (
              <BlandAltmanPlot key={`${p.a}|${p.b}`} pair={pts} stats={p.result} />
            ) : null;
          })}
          <h3>Unmatched cases per center{chosen ? ` (${chosen})` : ''}</h3>
          <BoxPlot rows={view.comparison.distributions.filter((d) => d.code === chosen)} />
        </div>
      )}
    </section>
  );
}
