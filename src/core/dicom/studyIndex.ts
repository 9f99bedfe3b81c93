import type { InstanceMeta, PatientNode, SeriesNode, StudyNode } from './types.ts';

/** Position of a slice along the normal of its plane (row × column direction cosines). */
export function slicePosition(meta: InstanceMeta): number | null {
  const o = meta.imageOrientationPatient;
  const p = meta.imagePositionPatient;
  if (!o || !p) return null;
  const nx = o[1] * o[5] - o[2] * o[4];
  const ny = o[2] * o[3] - o[0] * o[5];
  const nz = o[0] * o[4] - o[1] * o[3];
  return nx * p[0] + ny * p[1] + nz * p[2];
}

function byNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/**
 * Display order of a series: along the slice normal when every slice has a position and
 * orientation, else by Instance Number. Array.sort is stable, so ties keep the load order.
 */
export function orderInstances(instances: InstanceMeta[]): InstanceMeta[] {
  const positions = instances.map(slicePosition);
  if (positions.every((p) => p !== null)) {
    const order = instances.map((meta, i) => ({ meta, at: positions[i] as number }));
    order.sort((a, b) => a.at - b.at);
    return order.map((o) => o.meta);
  }
  return [...instances].sort((a, b) => byNumber(a.instanceNumber, b.instanceNumber));
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function seriesNode(instances: InstanceMeta[]): SeriesNode {
  const first = instances[0];
  return {
    seriesInstanceUID: first.seriesInstanceUID,
    seriesNumber: first.seriesNumber,
    seriesDescription: first.seriesDescription,
    modality: first.modality,
    instances: orderInstances(instances),
  };
}

function studyNode(instances: InstanceMeta[]): StudyNode {
  const first = instances[0];
  const series = [...groupBy(instances, (m) => m.seriesInstanceUID).values()].map(seriesNode);
  series.sort((a, b) => byNumber(a.seriesNumber, b.seriesNumber));
  return {
    studyInstanceUID: first.studyInstanceUID,
    studyDate: first.studyDate,
    studyDescription: first.studyDescription,
    accessionNumber: first.accessionNumber,
    series,
  };
}

/** Patient → study → series → instances, series by Series Number, slices in display order. */
export function buildIndex(metas: InstanceMeta[]): PatientNode[] {
  const patients = groupBy(metas, (m) => `${m.patientID}\u0000${m.patientName}`);
  return [...patients.values()].map((instances) => ({
    patientID: instances[0].patientID,
    patientName: instances[0].patientName,
    studies: [...groupBy(instances, (m) => m.studyInstanceUID).values()]
      .map(studyNode)
      .sort((a, b) => a.studyDate.localeCompare(b.studyDate)),
  }));
}
