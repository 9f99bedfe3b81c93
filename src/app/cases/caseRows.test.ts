import { describe, expect, it } from 'vitest';
import type { InstanceMeta, PatientNode } from '../../core/dicom/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { predictionId, type StoredPrediction } from '../store/predictionsSlice.ts';
import { caseRows, filterRows, sortRows } from './caseRows.ts';
import { etaMs, formatEta } from './eta.ts';

const SHA = 'abc';

function film(k: number) {
  const meta = {
    file: `chest/film-${k}.dcm`,
    sopInstanceUID: `9.${k}.1`,
    seriesInstanceUID: `9.${k}`,
  } as InstanceMeta;
  const series = {
    seriesInstanceUID: `9.${k}`,
    seriesNumber: null,
    seriesDescription: '',
    modality: 'CR',
    instances: [meta],
  };
  return { meta, series };
}

const films = [1, 2, 3].map(film);
const patients: PatientNode[] = [
  {
    patientID: 'P1',
    patientName: 'Doe^Jane',
    studies: [
      {
        studyInstanceUID: '9',
        studyDate: '20190314',
        studyDescription: 'Chest',
        accessionNumber: '',
        series: films.map((f) => f.series),
      },
    ],
  },
];
const stacks: Record<string, StackPosition[]> = Object.fromEntries(
  films.map((f) => [f.series.seriesInstanceUID, [{ instance: f.meta, frame: 0 }]]),
);
const prediction = (k: number, pneumonia: number): StoredPrediction => ({
  id: predictionId(`9.${k}.1`, 0, SHA),
  seriesUid: `9.${k}`,
  sopInstanceUid: `9.${k}.1`,
  frame: 0,
  model: { name: 'm', version: '1', sha256: SHA },
  probabilities: { normal: 1 - pneumonia, pneumonia },
  predicted: pneumonia > 0.5 ? 'pneumonia' : 'normal',
  executionProvider: 'wasm',
  latencyMs: 1,
});
const predictions = Object.fromEntries(
  [prediction(1, 0.9), prediction(2, 0.2)].map((p) => [p.id, p]),
);

describe('case table rows', () => {
  const rows = caseRows({
    patients,
    stacks,
    predictions,
    labels: { '9.1': 'pneumonia', '9.2': 'pneumonia' },
    modelSha256: SHA,
  });

  it('gives each series its prediction, probability, label and agreement, named by file', () => {
    expect(rows.map((r) => [r.series, r.prediction, r.probability, r.label, r.agreement])).toEqual([
      ['film-1.dcm', 'pneumonia', 0.9, 'pneumonia', 'agree'],
      ['film-2.dcm', 'normal', 0.8, 'pneumonia', 'disagree'],
      ['film-3.dcm', '', NaN, '', ''],
    ]);
    expect(rows[0].patient).toBe('Doe^Jane · P1');
  });

  it('sorts with blanks last in both directions, and filters on every word', () => {
    expect(sortRows(rows, 'probability', false).map((r) => r.series)).toEqual([
      'film-2.dcm',
      'film-1.dcm',
      'film-3.dcm',
    ]);
    expect(sortRows(rows, 'probability', true).map((r) => r.series)).toEqual([
      'film-1.dcm',
      'film-2.dcm',
      'film-3.dcm',
    ]);
    expect(filterRows(rows, 'DISAGREE normal').map((r) => r.series)).toEqual(['film-2.dcm']);
  });

  it("names a series known only by its number in the page's words, and sorts and filters as shown", () => {
    const numbered = [10, 9, 2].map((n, k) => ({
      ...film(k + 4).series,
      seriesNumber: n,
    }));
    const inputs = {
      patients: [{ ...patients[0], studies: [{ ...patients[0].studies[0], series: numbered }] }],
      stacks: {},
      predictions: {},
      labels: {},
    };
    const zh = caseRows({ ...inputs, numbered: (n) => `序列 ${n}` });
    expect(sortRows(zh, 'series', false).map((r) => r.series)).toEqual([
      '序列 2',
      '序列 9',
      '序列 10',
    ]);
    expect(filterRows(zh, '序列 10').map((r) => r.seriesUid)).toEqual(['9.4']);
    // The row's identity stays the UID whatever the language.
    expect(caseRows(inputs).map((r) => [r.seriesUid, r.series])).toEqual([
      ['9.4', 'Series 10'],
      ['9.5', 'Series 9'],
      ['9.6', 'Series 2'],
    ]);
  });

  it('estimates the time left from the pace so far', () => {
    expect(etaMs(0, 10, 1000)).toBeUndefined();
    expect(etaMs(5, 10, 2000)).toBe(2000);
    expect(formatEta(2000)).toBe('about 2 s left');
    expect(formatEta(125_000)).toBe('about 2 min 5 s left');
  });
});
