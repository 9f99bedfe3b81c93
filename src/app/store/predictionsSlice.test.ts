import { describe, expect, it } from 'vitest';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { comparisonRows } from '../predictions/comparisonRows.ts';
import { localPredictions, seriesPredictions } from '../predictions/seriesPredictions.ts';
import { predictionId, type StoredPrediction } from './predictionsSlice.ts';
import { useStore } from './store.ts';

const A = { name: 'pneumonia-cnn', version: '2', sha256: 'aa'.repeat(32) };
const B = { name: 'other-cnn', version: '1', sha256: 'bb'.repeat(32) };

function meta(k: number): InstanceMeta {
  return {
    sopInstanceUID: `1.2.3.${k}`,
    sopClassUID: '1.2.840.10008.5.1.4.1.1.1',
    seriesInstanceUID: '1.2.9',
    studyInstanceUID: '1.2.8',
    patientID: 'PAT-1',
    studyDate: '20200101',
    file: `f${k}.dcm`,
  } as InstanceMeta;
}
const stack: StackPosition[] = [0, 1, 2].map((k) => ({ instance: meta(k), frame: 0 }));

function pred(k: number, model: typeof A, pneumonia: number): StoredPrediction {
  return {
    id: predictionId(`1.2.3.${k}`, 0, model.sha256),
    seriesUid: '1.2.9',
    sopInstanceUid: `1.2.3.${k}`,
    frame: 0,
    model,
    probabilities: { normal: 1 - pneumonia, pneumonia },
    predicted: pneumonia > 0.5 ? 'pneumonia' : 'normal',
    executionProvider: 'wasm',
    latencyMs: 1.5,
  };
}

describe('predictions slice', () => {
  it('keeps one result per image, frame and model file; a rerun replaces it; clearing is per model', () => {
    const s = () => useStore.getState();
    s().clearPredictions();
    s().putPredictions([pred(0, A, 0.2), pred(0, B, 0.9), pred(1, A, 0.4)]);
    s().putPredictions([pred(0, A, 0.7)]);
    expect(Object.keys(s().predictions)).toHaveLength(3);
    expect(s().predictions[predictionId('1.2.3.0', 0, A.sha256)].predicted).toBe('pneumonia');
    expect(predictionId('1.2.3.0', 1, A.sha256)).not.toBe(predictionId('1.2.3.0', 0, A.sha256));
    s().clearPredictions(B.sha256);
    expect(Object.values(s().predictions).map((p) => p.model.name)).toEqual([
      'pneumonia-cnn',
      'pneumonia-cnn',
    ]);
    s().clearPredictions();
    expect(s().predictions).toEqual({});
  });

  it('gives a series in stack order and one bundle prediction per series and model (the mean)', () => {
    const all = Object.fromEntries(
      [pred(2, A, 0.9), pred(0, A, 0.2), pred(1, A, 0.4), pred(1, B, 0.8)].map((p) => [p.id, p]),
    );
    expect(seriesPredictions(all, stack, A.sha256).map((i) => i.index)).toEqual([0, 1, 2]);
    const local = localPredictions(all, { '1.2.9': stack });
    expect(local).toHaveLength(2);
    const a = local.find((l) => l.model.sha256 === A.sha256)!;
    expect(a.probabilities.pneumonia).toBeCloseTo(0.5, 12);
    expect(a.predicted).toBe('normal');
    expect(a.source).toEqual({
      patientId: 'PAT-1',
      studyInstanceUid: '1.2.8',
      seriesInstanceUid: '1.2.9',
    });
    expect(a.images.map((i) => i.sopInstanceUid)).toEqual(['1.2.3.0', '1.2.3.1', '1.2.3.2']);
    expect(local.find((l) => l.model.sha256 === B.sha256)!.images).toHaveLength(1);
  });

  it('lists the images where two models disagree first', () => {
    const all = Object.fromEntries(
      [
        pred(0, A, 0.2),
        pred(1, A, 0.4),
        pred(2, A, 0.9),
        pred(0, B, 0.3),
        pred(1, B, 0.8),
        pred(2, B, 0.1),
      ].map((p) => [p.id, p]),
    );
    const rows = comparisonRows(
      seriesPredictions(all, stack, A.sha256),
      seriesPredictions(all, stack, B.sha256),
    );
    expect(rows.map((r) => [r.index, r.agree])).toEqual([
      [1, false],
      [2, false],
      [0, true],
    ]);
  });
});
