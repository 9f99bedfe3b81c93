import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../i18n/problemText.ts';
import { defaultModel, inferenceWorker } from './PredictionsSession.tsx';

interface Reference {
  cases: { input: number[]; probabilities: number[] }[];
}

/** Runs the model's reference inputs here and shows the largest difference from PyTorch. */
export function PredictionsVerify() {
  const { t } = useTranslation('panels');
  const [result, setResult] = useState<string>('');
  const [latencyMs, setLatencyMs] = useState<number | null>(null);
  const verify = async () => {
    setResult(t('verify.checking'));
    setLatencyMs(null);
    const ref = (await fetch(defaultModel.reference).then((r) => r.json())) as Reference;
    const inputs = ref.cases.map((c) => Float32Array.from(c.input));
    const r = await inferenceWorker.call(undefined, 'probabilities', inputs);
    if (!r.ok) return setResult(t('verify.failed', { reason: problemText(t, r.error) }));
    let maxDiff = 0;
    ref.cases.forEach((c, i) =>
      c.probabilities.forEach((p, k) => {
        maxDiff = Math.max(maxDiff, Math.abs(r.value.probabilities[i][k] - p));
      }),
    );
    // Latency of one image as the worker measures it (no messaging): median of 15 runs.
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const one = await inferenceWorker.call(undefined, 'probabilities', inputs.slice(0, 1));
      if (one.ok) times.push(one.value.latencyMs);
    }
    times.sort((a, b) => a - b);
    setLatencyMs(times[Math.floor(times.length / 2)] ?? NaN);
    setResult(t('verify.deviation', { diff: maxDiff.toExponential(2) }));
  };
  return (
    <div className="predictions-verify">
      <button type="button" onClick={verify}>
        {t('verify.button')}
      </button>
      <output data-testid="reference-deviation">{result}</output>
      {latencyMs !== null && (
        <output data-testid="reference-latency" data-ms={latencyMs}>
          {' '}
          · {t('verify.latency', { ms: latencyMs.toFixed(2) })}
        </output>
      )}
    </div>
  );
}
