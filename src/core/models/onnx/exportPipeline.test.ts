// The exported ONNX, run by onnxruntime (Node), gives the in-app pipeline's probabilities to
// 1e-6 for every family; its card validates against the schema and matches the model.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import {
  parseCard,
  checkModelDigest,
  checkSessionAgainstCard,
  sha256Hex,
} from '../../inference/card.ts';
import { MODEL_FAMILIES, fitPipeline, pipelineProbability } from '../classifiers/pipeline.ts';
import { crossValidate } from '../validation/crossValidate.ts';
import { leaveOneCenterOut } from '../validation/folds.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';
import { exportPipelineOnnx } from './exportPipeline.ts';
import { trainingCard } from './trainingCard.ts';

const study = simulatedStudy([50, 40, 45], 10, 3, 11);
// The model reads float32, so the in-app reference gets the same rounded inputs.
const x32 = Float32Array.from(study.x.data);
const xRounded = { ...study.x, data: Float64Array.from(x32) };

async function runOnnx(bytes: Uint8Array) {
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({
    float_input: new ort.Tensor('float32', x32, [study.x.rows, study.x.cols]),
  });
  await session.release();
  return {
    probabilities: out.probabilities.data as Float32Array,
    label: out.label.data as BigInt64Array,
  };
}

describe('ONNX export', () => {
  for (const family of MODEL_FAMILIES)
    it(`${family}: onnxruntime gives the in-app probabilities within 1e-6`, async () => {
      const selection = family === 'logreg-l2' ? { maxCorrelation: 0.9, l1C: 0.1 } : undefined;
      const p = fitPipeline(study.x, study.y, study.centers, { family, trees: 40, selection });
      const bytes = exportPipelineOnnx(p);
      const got = await runOnnx(bytes);
      const want = pipelineProbability(p, xRounded);
      let worst = 0;
      for (let i = 0; i < want.length; i++) {
        worst = Math.max(worst, Math.abs(got.probabilities[2 * i + 1] - want[i]));
        worst = Math.max(worst, Math.abs(got.probabilities[2 * i] - (1 - want[i])));
        const likelier = got.probabilities[2 * i + 1] > got.probabilities[2 * i] ? 1n : 0n;
        if (Math.abs(want[i] - 0.5) > 1e-5) expect(got.label[i]).toBe(likelier);
      }
      expect(worst).toBeLessThan(1e-6);
    });

  it('the card from a leave-one-center-out run validates and describes the exported model', async () => {
    const spec = { family: 'logreg-l2' as const, seed: 4 };
    const p = fitPipeline(study.x, study.y, study.centers, spec);
    const bytes = exportPipelineOnnx(p);
    const report = crossValidate(study, spec, leaveOneCenterOut(study.centers));
    const names = Array.from({ length: study.x.cols }, (_, j) => `feature_${j}`);
    const card = trainingCard({
      name: 'simulated-logreg',
      modelFile: 'model.onnx',
      sha256: await sha256Hex(bytes),
      features: names.map((name, j) => ({ name, ibsi: `F${String(j).padStart(3, '0')}` })),
      labels: ['benign', 'malignant'],
      spec,
      selectedFeatures: names,
      centers: study.centerNames.map((center, c) => ({
        center,
        cases: study.centers.filter((v) => v === c).length,
        positives: study.centers.filter((v, i) => v === c && study.y[i]).length,
      })),
      dataset: 'simulated three-center study',
      validationScheme: 'leave-one-center-out',
      validation: report,
      producer: 'test',
    });
    const parsed = parseCard(JSON.parse(JSON.stringify(card)), 'card.json');
    await checkModelDigest(parsed, bytes, 'model.onnx');
    const session = await ort.InferenceSession.create(bytes);
    expect(() => checkSessionAgainstCard(parsed, session, 'model.onnx')).not.toThrow();
    await session.release();
    expect(parsed.metrics.auc).toBeCloseTo(report.overall.auc!, 12);
    const val = parsed.metrics.val as { perCenter: { center: string; aucCi95: number[] }[] };
    expect(val.perCenter.map((c) => c.center)).toEqual(study.centerNames);
    expect(val.perCenter[0].aucCi95).toHaveLength(2);
    expect(parsed.intendedUse.summary).toMatch(/not a diagnostic device/);
  });
});
