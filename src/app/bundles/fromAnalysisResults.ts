// Results of the Analysis tab as bundle inputs: the series' own identifiers go to the worker,
// which pseudonymises them; the ROI is described by name and shape hash, never by file path.
import type { AnalysisResult } from '../analysis/types.ts';
import type { StackPosition } from '../../core/ingest/stack.ts';
import type { SeriesNode } from '../../core/dicom/types.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import type { LocalFeatures } from '../../core/pipeline/types.ts';

export function localFeaturesFromAnalysis(
  results: readonly AnalysisResult[],
  seriesByUid: Readonly<Record<string, SeriesNode>>,
  stacks: Readonly<Record<string, StackPosition[]>>,
): LocalFeatures[] {
  const out: LocalFeatures[] = [];
  for (const r of results) {
    const first = seriesByUid[r.seriesUID]?.instances[0];
    if (!first) continue;
    const at = r.position
      ? stacks[r.seriesUID]?.find((p) => positionKey(p) === r.position)
      : undefined;
    // One record per ROI and slice: the comparison matches cases by key and ROI name.
    const name = r.slice > 0 ? `${r.roiName} slice ${r.slice}` : r.roiName;
    out.push({
      seriesUid: r.seriesUID,
      source: {
        patientId: first.patientID,
        studyInstanceUid: first.studyInstanceUID,
        seriesInstanceUid: r.seriesUID,
        ...(at ? { sopInstanceUid: at.instance.sopInstanceUID } : {}),
      },
      roi: { name, description: { kind: 'analysis', roi: r.roiName, shapeHash: r.roiKey } },
      set: { params: r.params, roiVoxels: r.roiVoxels, features: r.features },
    });
  }
  return out;
}
