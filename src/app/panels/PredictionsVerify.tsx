import { useState } from 'react';
import type { Result } from '../../workers/inference.worker.ts';
import { defaultModel, inferenceWorker } from './PredictionsSession.tsx';

interface Reference {
  cases: { input: number[]; probabilities: number[] }[];
}

/** Runs the model's reference inputs here and shows the largest difference from PyTorch. */
export function PredictionsVerify() {
  const [result, setResult] = useState<string>('');
  const verify = async () => {
    setResult('checking…');
    const ref = (await fetch(defaultModel.reference).then((r) => r.json())) as Reference;
    const inputs = ref.cases.map((c) => Float32Array.from(c.input));
    type Probabilities = Result<{ probabilities: number[][]; latencyMs: number }>;
    const r = await inferenceWorker.call<Probabilities>(
      undefined,
      (api) => api.probabilities(inputs) as Promise<Probabilities>,
    );
    if (!r.ok) return setResult(`failed: ${r.error.reason}`);
    let maxDiff = 0;
    ref.cases.forEach((c, i) =>
      c.probabilities.forEach((p, k) => {
        maxDiff = Math.max(maxDiff, Math.abs(r.value.probabilities[i][k] - p));
      }),
    );
    setResult(`largest difference from PyTorch: ${maxDiff.toExponential(2)}`);
  };
  return (
    <div className="predictions-verify">
      <button type="button" onClick={verify}>
        Check against PyTorch
      </button>
      <output data-testid="reference-deviation">{result}</output>
    </div>
  );
}
