import { useState } from 'react';
import { defaultBinCount } from '../../core/analysis/params.ts';
import { useStore } from '../store/store.ts';
import { computeWholeImageFeatures } from './actions/computeWholeImage.ts';

/** Results to export; when no analysis was run, whole-image IBSI features of every series. */
export function FeaturesSection() {
  const count = useStore((s) => Object.keys(s.localFeatures).length);
  const series = useStore((s) => Object.keys(s.seriesByUid).length);
  const analysed = useStore((s) => Object.keys(s.results).length);
  const job = useStore((s) => s.featureJob);
  const [bins, setBins] = useState(defaultBinCount);
  return (
    <fieldset className="bundle-fieldset">
      <legend>Results</legend>
      <p data-testid="feature-count" data-count={count}>
        Whole-image features for {count} of {series} series.
      </p>
      <p className="muted">{analysed} results from the Analysis tab are exported too.</p>
      <label>
        Bins{' '}
        <input
          type="number"
          min={2}
          max={1024}
          value={bins}
          aria-label="Bin count"
          onChange={(e) => setBins(Number(e.target.value))}
        />
      </label>
      <button
        type="button"
        disabled={job.running || series === 0}
        onClick={() => void computeWholeImageFeatures(bins)}
      >
        Compute whole-image features
      </button>
      {job.running && <progress value={job.done} max={job.total} aria-label="Feature progress" />}
      {job.error && <p className="bundle-error">{job.error}</p>}
    </fieldset>
  );
}
