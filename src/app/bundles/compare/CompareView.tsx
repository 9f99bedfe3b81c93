import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureName } from '../../analysis/featureText.ts';
import { problemText } from '../../i18n/problemText.ts';
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
  const { t } = useTranslation('bundles');
  const { ids, picker } = useBundlePicker();
  const [feature, setFeature] = useState<string | undefined>();
  const state = useComparison(ids, feature);
  useEscapeToClose(onClose);
  const view = state.kind === 'ready' ? state.view : undefined;
  const chosen = view?.feature;
  const agreement = view?.comparison.featureAgreement.find((f) => f.code === chosen);
  return (
    <section role="dialog" aria-label={t('compare.title')} className="compare-view">
      <header>
        <h2>{t('compare.heading')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {picker}
      {ids.length < 2 && <p className="muted">{t('compare.chooseTwo')}</p>}
      {state.kind === 'busy' && <p className="muted">{t('compare.busy')}</p>}
      {state.kind === 'error' && <p className="bundle-error">{problemText(t, state.problem)}</p>}
      {view && ids.length >= 2 && (
        <div className="compare-body" data-testid="comparison" data-feature={chosen ?? ''}>
          {view.hint && (
            <p className="bundle-error" role="note" data-testid="compare-hint">
              {problemText(t, { ...view.hint, params: {} })}
            </p>
          )}
          <h3>{t('compare.labels')}</h3>
          <LabelAgreementTable rows={view.comparison.labelAgreement} />
          <h3>{t('compare.roc')}</h3>
          <RocPlot curves={view.rocCurves} rows={view.comparison.roc} />
          <h3>{t('compare.features')}</h3>
          <FeatureAgreementTable
            rows={view.comparison.featureAgreement}
            selected={chosen}
            onSelect={setFeature}
          />
          {agreement && (
            <h3>
              {featureName(t, { ibsiCode: agreement.code, name: agreement.name })}{' '}
              <code>{agreement.code}</code>
            </h3>
          )}
          {agreement?.blandAltman.map((p) => {
            const pts = view.blandAltman.find((b) => b.a === p.a && b.b === p.b);
            return pts ? (
              <BlandAltmanPlot key={`${p.a}|${p.b}`} pair={pts} stats={p.result} />
            ) : null;
          })}
          <h3>
            {t('compare.unmatched')}
            {chosen ? ` (${chosen})` : ''}
          </h3>
          <BoxPlot rows={view.comparison.distributions.filter((d) => d.code === chosen)} />
        </div>
      )}
    </section>
  );
}
