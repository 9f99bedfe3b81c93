import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import { featuresCsv } from './featuresCsv.ts';
import { FeatureTable } from './FeatureTable.tsx';
import { displayUnit } from './formatValue.ts';
import { HistogramPlot } from './HistogramPlot.tsx';
import { TrendPlot } from './TrendPlot.tsx';
import type { AnalysisResult } from './types.ts';

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const labelOf = (r: AnalysisResult) => `${r.roiName} · ${r.slice ? `Im ${r.slice}` : 'series'}`;

/** The last run's results: one chosen result's table and histogram, and a feature across slices. */
export function ResultsView() {
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
  const result =
    results.find((r) => r.key === picked) ?? results.find((r) => r.position === here) ?? results[0];
  const code = trendCode || result.features[0]?.ibsiCode || '';
  const trend = results
    .filter((r) => r.seriesUID === result.seriesUID && r.roiName === result.roiName && r.slice > 0)
    .map(
      (r) =>
        [r.slice, r.features.find((f) => f.ibsiCode === code)?.value ?? NaN] as [number, number],
    );
  const trendName = result.features.find((f) => f.ibsiCode === code)?.name ?? code;
  return (
    <section aria-label="Results">
      <div className="row">
        <select aria-label="Result" value={result.key} onChange={(e) => setPicked(e.target.value)}>
          {results.map((r) => (
            <option key={r.key} value={r.key}>
              {labelOf(r)}
            </option>
          ))}
        </select>
        <span data-testid="roi-voxels">{result.roiVoxels} voxels</span>
        <button
          type="button"
          onClick={() => download(featuresCsv(results, modality), 'features.csv')}
        >
          Export CSV
        </button>
      </div>
      <HistogramPlot histogram={result.histogram} unit={displayUnit('I', modality)} />
      {trend.length > 1 && (
        <>
          <label className="row">
            Across slices{' '}
            <select
              aria-label="Feature across slices"
              value={code}
              onChange={(e) => setTrendCode(e.target.value)}
            >
              {result.features.map((f) => (
                <option key={`${f.family}/${f.ibsiCode}`} value={f.ibsiCode}>
                  {f.name}
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
