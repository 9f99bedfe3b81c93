import { describe, expect, it } from 'vitest';
import { buildIndex, orderInstances } from './studyIndex.ts';
import type { InstanceMeta, Vec3 } from './types.ts';

function slice(file: string, instanceNumber: number | null, position: Vec3 | null): InstanceMeta {
  return {
    file,
    sizeBytes: 0,
    sopInstanceUID: file,
    sopClassUID: '',
    studyInstanceUID: 'study',
    seriesInstanceUID: 'series',
    patientName: 'Test^Patient',
    patientID: 'P1',
    studyDate: '20240101',
    studyDescription: '',
    seriesDescription: '',
    seriesNumber: 1,
    instanceNumber,
    accessionNumber: '',
    modality: 'CT',
    transferSyntaxUID: '1.2.840.10008.1.2.1',
    rows: 2,
    columns: 2,
    frames: 1,
    samplesPerPixel: 1,
    photometricInterpretation: 'MONOCHROME2',
    planarConfiguration: 0,
    bitsAllocated: 16,
    bitsStored: 16,
    highBit: 15,
    pixelRepresentation: 1,
    rescaleSlope: 1,
    rescaleIntercept: 0,
    windows: [],
    imagePositionPatient: position,
    // Rows along x, columns along (0, cos 30°, sin 30°): the normal is (0, -sin 30°, cos 30°).
    imageOrientationPatient: position
      ? [1, 0, 0, 0, Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)]
      : null,
    pixelSpacingMm: [1, 1],
    sliceThicknessMm: 1,
  };
}

describe('slice order', () => {
  it('orders oblique slices by position along the normal, not by instance number', () => {
    const normal: Vec3 = [0, -0.5, Math.sqrt(3) / 2];
    const at = (d: number): Vec3 => [5, 10 + normal[1] * d, 20 + normal[2] * d];
    const order = orderInstances([
      slice('c', 1, at(7.5)),
      slice('a', 2, at(-2.5)),
      slice('b', 3, at(2.5)),
    ]);
    expect(order.map((m) => m.file)).toEqual(['a', 'b', 'c']);
  });

  it('falls back to instance number when a slice has no position, keeping ties stable', () => {
    const order = orderInstances([
      slice('x', 3, null),
      slice('y', 1, null),
      slice('z', 1, null),
      slice('w', null, null),
    ]);
    expect(order.map((m) => m.file)).toEqual(['y', 'z', 'x', 'w']);
  });

  it('groups patient → study → series', () => {
    const other = { ...slice('o', 1, null), seriesInstanceUID: 'series2', seriesNumber: 2 };
    const [patient] = buildIndex([other, slice('s', 1, null)]);
    expect(patient.patientID).toBe('P1');
    expect(patient.studies).toHaveLength(1);
    expect(patient.studies[0].series.map((s) => s.seriesInstanceUID)).toEqual([
      'series',
      'series2',
    ]);
  });
});
