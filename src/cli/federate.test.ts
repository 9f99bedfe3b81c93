// consilium federate end to end: three center folders, signed updates exchanged through files,
// the final FedAvg model equal to the pooled one, and no case-level value in any update file.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitPipeline, pipelineProbability } from '../core/models/classifiers/pipeline.ts';
import { rocAuc } from '../core/inference/metrics.ts';
import { simulatedStudy } from '../core/models/validation/testing/simulatedStudy.ts';
import { captureCommand } from './io/testing/captureCommand.ts';
import { federateCommand } from './federate.ts';

let dir: string;
const study = simulatedStudy([50, 40, 60], 5, 2, 33, 0.3);
const p = study.x.cols;
const dirs = study.centerNames.map((c) => c);

const capture = (argv: string[]) => captureCommand(federateCommand, argv);
/** consilium federate over the three center folders, with `argv` after them. */
const federate = (...argv: string[]) =>
  capture(['--centers', ...dirs.map((d) => join(dir, d)), ...argv]);

/** The exported model's probabilities for every case, read back by ONNX Runtime. */
async function onnxProbabilities(model: string): Promise<Float32Array> {
  const session = await ort.InferenceSession.create(new Uint8Array(await readFile(model)));
  const x32 = Float32Array.from(study.x.data);
  return (await session.run({ float_input: new ort.Tensor('float32', x32, [study.y.length, p]) }))
    .probabilities.data as Float32Array;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'consilium-federate-'));
  for (const [c, name] of study.centerNames.entries()) {
    const lines = [
      'caseKey,center,label,' + Array.from({ length: p }, (_, j) => `f${j}`).join(','),
    ];
    study.y.forEach((y, i) => {
      if (study.centers[i] !== c) return;
      const values = Array.from(study.x.data.subarray(i * p, (i + 1) * p), String);
      lines.push([`secret-case-${i}`, name, y ? 'yes' : 'no', ...values].join(','));
    });
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, 'study.csv'), lines.join('\n') + '\n');
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('consilium federate', () => {
  it('300 FedAvg rounds give the pooled logistic model; updates carry no case data', async () => {
    const out = join(dir, 'fed.onnx');
    const r = await federate('--rounds', '300', '--out', out, '--json');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/round 300\/300/);
    const v = JSON.parse(r.out).value;
    const pooled = fitPipeline(study.x, study.y, study.centers, { family: 'logreg-l2', C: 1 });
    const w = pooled.classifier.kind === 'logistic' ? pooled.classifier.weights : [];
    v.weights.forEach((x: number, j: number) => expect(Math.abs(x - w[j])).toBeLessThan(1e-5));
    const got = await onnxProbabilities(out);
    const x32 = Float32Array.from(study.x.data);
    const want = pipelineProbability(pooled, { ...study.x, data: Float64Array.from(x32) });
    for (let i = 0; i < want.length; i++)
      expect(Math.abs(got[2 * i + 1] - want[i])).toBeLessThan(1e-5);
    for (const d of dirs) {
      const update = await readFile(join(dir, d, 'federation', 'center-update.json'), 'utf8');
      expect(update).not.toMatch(/secret-case/);
      expect(Object.keys(JSON.parse(update).update).sort()).toEqual(
        ['cases', 'family', 'features', 'federation', 'format', 'from', 'linear', 'round'].sort(),
      );
    }
  });

  it('a linear SVM federation ends with Platt’s sigmoid, and its ONNX ranks the cases', async () => {
    const out = join(dir, 'svm.onnx');
    const r = await federate('--model', 'svm-linear', '--out', out, '--json');
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out).value;
    expect(v.family).toBe('svm-linear');
    expect(v.sigmoid.a).toBeLessThan(0); // a higher decision value is likelier positive
    const got = await onnxProbabilities(out);
    const positive = Array.from({ length: study.y.length }, (_, i) => got[2 * i + 1]);
    expect(rocAuc(positive, study.y)).toBeGreaterThan(0.8);
  }, 120_000);

  it('a forest federation with held-out cases reports each center’s metrics', async () => {
    const r = await federate('--model', 'forest', '--trees', '30', '--holdout', '0.2');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/center-1: AUC \d\.\d{3}/);
    expect(r.out).toMatch(/Held-out AUC, case-weighted over centers: 0\.\d{3}/);
  });

  it('--dp-epsilon/--dp-delta/--dp-clip make each round update private and say so', async () => {
    const dp = ['--dp-epsilon', '4', '--dp-delta', '1e-5', '--dp-clip', '0.05'];
    const r = await federate('--rounds', '20', '--local-steps', '10', ...dp, '--json');
    expect(r.code, r.err).toBe(0);
    const v = JSON.parse(r.out).value;
    const sigma = (2 * 0.05 * Math.sqrt(2 * Math.log(1.25e5))) / 4;
    expect(v.privacy.sigma).toBeCloseTo(sigma, 12);
    const update = JSON.parse(
      await readFile(join(dir, dirs[0], 'federation', 'center-update.json'), 'utf8'),
    ).update;
    expect(update.privacy).toEqual({ epsilon: 4, delta: 1e-5, clip: 0.05, sigma: v.privacy.sigma });
    const svm = await federate('--model', 'svm-linear', ...dp);
    expect(svm.code).toBe(2);
    expect(svm.err).toMatch(/for --model logreg-l2/);
    const partial = await federate('--dp-epsilon', '1');
    expect(partial.err).toMatch(/all three/);
  });

  it('centers with different feature columns are refused in words', async () => {
    await mkdir(join(dir, 'odd'));
    await writeFile(join(dir, 'odd', 'study.csv'), 'case,center,label,g0\na,X,yes,1\nb,X,no,2\n');
    const r = await capture(['--centers', join(dir, dirs[0]), join(dir, 'odd')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/federation-features/);
  });
});
