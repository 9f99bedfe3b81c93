// One row per loaded series for the case table: who and what it is, the model's series
// prediction (mean probability over its images, the core's rule), the ground-truth label and
// whether the two agree. Pure: built from the store's state, sorted and filtered here too.
import type { PatientNode } from '../../core/dicom/types.ts';
import { aggregateSeries } from '../../core/inference/seriesAggregate.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import { predictionId, type StoredPrediction } from '../store/predictionsSlice.ts';

export interface CaseRow {
  readonly seriesUid: string;
  readonly patient: string;
  readonly study: string;
  readonly series: string;
  readonly modality: string;
  readonly images: number;
  /** Images this model has classified. */
  readonly classified: number;
  readonly prediction: string;
  /** The predicted label's mean probability, NaN when not classified. */
  readonly probability: number;
  readonly label: string;
  readonly agreement: 'agree' | 'disagree' | '';
}

export type CaseColumn = Exclude<keyof CaseRow, 'seriesUid' | 'classified'>;

export interface CaseInputs {
  readonly patients: readonly PatientNode[];
  readonly stacks: Readonly<Record<string, readonly StackPosition[]>>;
  readonly predictions: Readonly<Record<string, StoredPrediction>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The model whose predictions the table shows. */
  readonly modelSha256?: string;
  /** A series known only by its number, in the page's words (rows sort and filter as shown). */
  readonly numbered?: (seriesNumber: number) => string;
}

const english = (n: number) => `Series ${n}`;

function seriesName(
  description: string,
  number: number | null,
  firstFile: string,
  numbered: (n: number) => string,
): string {
  if (description) return description;
  if (number !== null) return numbered(number);
  return firstFile.split('/').pop() ?? firstFile;
}

export function caseRows(inputs: CaseInputs): CaseRow[] {
  const { patients, stacks, predictions, labels, modelSha256, numbered = english } = inputs;
  const rows: CaseRow[] = [];
  for (const p of patients)
    for (const st of p.studies)
      for (const se of st.series) {
        const stack = stacks[se.seriesInstanceUID] ?? [];
        const found = modelSha256
          ? stack.flatMap((pos) => {
              const hit =
                predictions[predictionId(pos.instance.sopInstanceUID, pos.frame, modelSha256)];
              return hit ? [hit] : [];
            })
          : [];
        const agg = aggregateSeries(found);
        const prediction = agg?.predictedLabel ?? '';
        const label = labels[se.seriesInstanceUID] ?? '';
        rows.push({
          seriesUid: se.seriesInstanceUID,
          patient: [p.patientName, p.patientID].filter(Boolean).join(' · '),
          study: [st.studyDate, st.studyDescription || st.accessionNumber]
            .filter(Boolean)
            .join(' '),
          series: seriesName(
            se.seriesDescription,
            se.seriesNumber,
            se.instances[0]?.file ?? '',
            numbered,
          ),
          modality: se.modality,
          images: stack.length,
          classified: found.length,
          prediction,
          probability: agg ? (agg.probabilities[prediction] ?? NaN) : NaN,
          label,
          agreement: prediction && label ? (prediction === label ? 'agree' : 'disagree') : '',
        });
      }
  return rows;
}

/** Rows whose text columns contain every word of the filter (case-insensitive). */
export function filterRows(rows: readonly CaseRow[], filter: string): CaseRow[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((r) => {
    const text = [r.patient, r.study, r.series, r.modality, r.prediction, r.label, r.agreement]
      .join(' ')
      .toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Stable sort by one column; empty values and NaN last whichever the direction. */
export function sortRows(rows: readonly CaseRow[], column: CaseColumn, descending: boolean) {
  const sign = descending ? -1 : 1;
  const blank = (v: unknown) => v === '' || (typeof v === 'number' && Number.isNaN(v));
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (blank(x) || blank(y)) return blank(x) === blank(y) ? 0 : blank(x) ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * String(x).localeCompare(String(y), undefined, { numeric: true });
  });
}
