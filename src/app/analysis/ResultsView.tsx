import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectActivePosition } from '../store/selectors.ts';
import { downloadBytes } from '../results/downloadBytes.ts';
import { ResultsWindow } from '../results/ResultsWindow.tsx';
import { useStore } from '../store/store.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import { featuresCsv } from './featuresCsv.ts';
import { FeatureTable } from './FeatureTable.tsx';
import { featureName } from './featureText.ts';
import { displayUnit } from './formatValue.ts';
import { HistogramPlot } from './HistogramPlot.tsx';
import { roiText } from './roiText.ts';
import { TrendPlot } from './TrendPlot.tsx';
import type { AnalysisResult } from './types.ts';

/** The last run's results: one chosen result's table and histogram, and a feature across slices. */
export function ResultsView() {
  const { t } = useTranslation('results');
  const [wide, setWide] = useState(false);
  const labelOf = (r: AnalysisResult) =>
    `${roiText(t, r.roiName)} · ${r.slice ? t('view.image', { slice: r.slice }) : t('view.series')}`;
  const results = useStore(
    useShallow((s) => s.shownKeys.map((k) => s.results[k]).filter((r): r is AnalysisResult => !!r)),
  );
  const here = useStore((s) => {
    const p = selectActivePosition(s);
    return p ? positionKey(p) : '';
  });
  const modality = useStore((s) =>
    results[0] ? (s.seriesByUid[results[0].seriesUID]?.modality ?? '') : '',
  );
  const [picked, setPicked] = useState('');
  const [trendCode, setTrendCode] = useState('');
  if (results.length === 0) return null;
  const csvName = `features-${results[0].paramsKey.slice(0, 8)}.csv`;
  const result =
    results.find((r) => r.key === picked) ?? results.find((r) => r.position === here) ?? results[0];
  const code = trendCode || result.features[0]?.ibsiCode || '';
  const trend = results
    .filter((r) => r.seriesUID === result.seriesUID && r.roiName === result.roiName && r.slice > 0)
    .map(
      (r) =>
        [r.slice, r.features.find((f) => f.ibsiCode === code)?.value ?? NaN] as [number, number],
    );
  const trendFeature = result.features.find((f) => f.ibsiCode === code);
  const trendName = trendFeature ? featureName(t, trendFeature) : code;
  return (
    <section aria-label={t('view.label')}>
      <div className="row">
        <select
          aria-label={t('view.result')}
          value={result.key}
          onChange={(e) => setPicked(e.target.value)}
        >
          {results.map((r) => (
            <option key={r.key} value={r.key}>
              {labelOf(r)}
            </option>
          ))}
        </select>
        <span data-testid="roi-voxels">{t('view.voxels', { count: result.roiVoxels })}</span>
        <button
          type="button"
          onClick={() => downloadBytes(featuresCsv(results, modality), csvName, 'text/csv')}
        >
          {t('view.exportCsv')}
        </button>
        <button type="button" onClick={() => setWide(true)}>
          {t('view.openTable')}
        </button>
        {wide && <ResultsWindow onClose={() => setWide(false)} />}
      </div>
      <HistogramPlot histogram={result.histogram} unit={displayUnit('I', modality)} />
      {trend.length > 1 && (
        <>
          <label className="row">
            {t('view.acrossSlices')}{' '}
            <select
              aria-label={t('view.featureAcrossSlices')}
              value={code}
              onChange={(e) => setTrendCode(e.target.value)}
            >
              {result.features.map((f) => (
                <option key={`${f.family}/${f.ibsiCode}`} value={f.ibsiCode}>
                  {featureName(t, f)}
                </option>
              ))}
            </select>
          </label>
          <TrendPlot points={trend} label={trendName} />
        </>
      )}
      <FeatureTable features={result.features} modality={modality} />
    </section>
  );
}
