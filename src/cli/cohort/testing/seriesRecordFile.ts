// A series record file as a features run writes it (series/<key>.json): one whole-image record
// of `values`, named CODE0, CODE1…, for tests that need a run folder without computing one.
export function seriesRecordFile(
  key: string,
  series: string,
  values: number[],
  file?: string,
): string {
  const features = values.map((value, i) => ({
    family: 'intensity-statistics',
    ibsiCode: `CODE${i}`,
    name: `feature ${i}`,
    aggregation: '3D',
    unit: 'HU',
    value,
  }));
  const value = {
    series,
    ...(file === undefined ? {} : { file }),
    roi: { kind: 'whole' },
    features,
  };
  return JSON.stringify({ key, series, records: [{ ok: true, value }] });
}
