// Files without a Series Instance UID: grouped by study + modality + frame of reference + image
// size, each group reachable as its own series under a derived, valid UID.
import { describe, expect, it } from 'vitest';
import { parseInstance } from './parse.ts';
import { buildIndex } from './studyIndex.ts';
import { imageHeader, writeDicom, type TestElement } from './testing/writeDicom.ts';

function instance(
  name: string,
  size: number,
  extra: { study?: string; modality?: string; frameOfReference?: string; series?: string },
) {
  const header = imageHeader(size, size, 8, false).filter(
    (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0018 || e.tag[1] === 0x0060)),
  );
  const elements: TestElement[] = [
    ...header,
    { tag: [0x0008, 0x0018], vr: 'UI', value: `1.2.3.${name.length}.${size}` },
    { tag: [0x0008, 0x0060], vr: 'CS', value: extra.modality ?? 'OT' },
    { tag: [0x0020, 0x000d], vr: 'UI', value: extra.study ?? '1.2.826.0.1.1' },
    { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array(size * size + ((size * size) % 2)) },
  ];
  if (extra.frameOfReference)
    elements.push({ tag: [0x0020, 0x0052], vr: 'UI', value: extra.frameOfReference });
  if (extra.series) elements.push({ tag: [0x0020, 0x000e], vr: 'UI', value: extra.series });
  const parsed = parseInstance(writeDicom(elements), name);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return parsed.meta;
}

describe('series fallback for files without a Series Instance UID', () => {
  const metas = [
    instance('a1.dcm', 4, { frameOfReference: '1.2.9.1' }),
    instance('a2.dcm', 4, { frameOfReference: '1.2.9.1' }),
    instance('b.dcm', 8, { frameOfReference: '1.2.9.1' }), // another size
    instance('c.dcm', 4, { frameOfReference: '1.2.9.2' }), // another frame of reference
    instance('d.dcm', 4, { frameOfReference: '1.2.9.1', modality: 'SC' }), // another modality
    instance('e.dcm', 4, { frameOfReference: '1.2.9.1', series: '1.2.5.5' }), // has its own
  ];

  it('groups by study + modality + frame of reference + size, each group its own series', () => {
    const [patient] = buildIndex(metas);
    expect(patient.studies).toHaveLength(1);
    const series = patient.studies[0].series;
    const files = series.map((s) => s.instances.map((i) => i.file).sort()).sort();
    expect(files).toEqual([['a1.dcm', 'a2.dcm'], ['b.dcm'], ['c.dcm'], ['d.dcm'], ['e.dcm']]);
  });

  it('gives each group a valid, stable UID and marks it derived; a real UID stays as it is', () => {
    for (const m of metas.slice(0, 5)) {
      expect(m.seriesUidDerived).toBe(true);
      expect(m.seriesInstanceUID).toMatch(/^2\.25\.[1-9][0-9]*$/);
      expect(m.seriesInstanceUID.length).toBeLessThanOrEqual(64);
    }
    expect(metas[0].seriesInstanceUID).toBe(metas[1].seriesInstanceUID);
    expect(instance('again.dcm', 4, { frameOfReference: '1.2.9.1' }).seriesInstanceUID).toBe(
      metas[0].seriesInstanceUID,
    );
    expect(metas[5].seriesInstanceUID).toBe('1.2.5.5');
    expect(metas[5].seriesUidDerived).toBeUndefined();
  });
});
