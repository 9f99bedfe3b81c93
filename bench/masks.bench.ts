// Mask import: an RTSTRUCT structure of 100 contours (one per slice, 256 points each) read and
// rasterised onto a 512 x 512 x 100 CT grid, and a 200-frame 1-bit SEG (512 x 512) read and
// placed onto a 200-slice grid. Both files are written here with dcmjs, an independent writer.
// Single thread.
import dcmjs, { type DcmjsDataset, type DcmjsElement } from 'dcmjs';
import type { Vec3 } from '../src/core/dicom/types.ts';
import { geometryOf, type ImageGrid } from '../src/core/masks/grid.ts';
import { parseRtStruct } from '../src/core/masks/rtstruct.ts';
import { rtStructureMask } from '../src/core/masks/rtstructMask.ts';
import { parseSeg } from '../src/core/masks/seg.ts';
import { segmentMask } from '../src/core/masks/segMask.ts';
import { medianMs, report } from './report.ts';

const size = 512;
const spacingMm = 0.8;
const frameOfReference = '2.25.1001';

function grid(slices: number, gapMm: number): ImageGrid {
  const origins = Array.from({ length: slices }, (_, k): Vec3 => [-204.8, -204.8, k * gapMm]);
  const geometry = geometryOf(origins, [1, 0, 0], [0, 1, 0], [spacingMm, spacingMm], gapMm);
  return { columns: size, rows: size, slices, geometry, frameOfReferenceUID: frameOfReference };
}

const el = (vr: string, ...Value: unknown[]): DcmjsElement => ({ vr, Value });

function part10(sopClass: string, dataset: DcmjsDataset): Uint8Array {
  const dict = new dcmjs.data.DicomDict({
    '00020001': el('OB', new Uint8Array([0, 1]).buffer),
    '00020002': el('UI', sopClass),
    '00020003': el('UI', '2.25.1002'),
    '00020010': el('UI', '1.2.840.10008.1.2.1'),
  });
  dict.dict = dataset;
  return new Uint8Array(dict.write());
}

function rtstruct(contours: number): Uint8Array {
  const items: DcmjsDataset[] = [];
  for (let k = 0; k < contours; k++) {
    const points: number[] = [];
    for (let i = 0; i < 256; i++) {
      const a = (2 * Math.PI * i) / 256;
      const r = 60 + 15 * Math.sin(5 * a + k / 7);
      points.push(
        Number((r * Math.cos(a)).toFixed(3)),
        Number((r * Math.sin(a)).toFixed(3)),
        k * 2.5,
      );
    }
    items.push({
      '30060042': el('CS', 'CLOSED_PLANAR'),
      '30060046': el('IS', 256),
      '30060050': el('DS', ...points),
    });
  }
  return part10('1.2.840.10008.5.1.4.1.1.481.3', {
    '00080016': el('UI', '1.2.840.10008.5.1.4.1.1.481.3'),
    '00080018': el('UI', '2.25.1002'),
    '00080060': el('CS', 'RTSTRUCT'),
    '00200052': el('UI', frameOfReference),
    '30060020': el('SQ', {
      '30060022': el('IS', 1),
      '30060024': el('UI', frameOfReference),
      '30060026': el('LO', 'Tumour'),
    }),
    '30060039': el('SQ', { '30060084': el('IS', 1), '30060040': el('SQ', ...items) }),
  });
}

function seg(frames: number): Uint8Array {
  const plane = size * size;
  const bits = new Uint8Array((plane * frames) / 8);
  const perFrame: DcmjsDataset[] = [];
  for (let f = 0; f < frames; f++) {
    const r = 40 + (f % 50);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++)
        if ((x - 256) ** 2 + (y - 256) ** 2 < r * r) {
          const bit = f * plane + y * size + x;
          bits[bit >> 3] |= 1 << (bit & 7);
        }
    perFrame.push({
      '00209113': el('SQ', { '00200032': el('DS', -204.8, -204.8, f * 1.25) }),
      '0062000a': el('SQ', { '0062000b': el('US', 1) }),
    });
  }
  return part10('1.2.840.10008.5.1.4.1.1.66.4', {
    '00080016': el('UI', '1.2.840.10008.5.1.4.1.1.66.4'),
    '00080018': el('UI', '2.25.1002'),
    '00080060': el('CS', 'SEG'),
    '00200052': el('UI', frameOfReference),
    '00280002': el('US', 1),
    '00280004': el('CS', 'MONOCHROME2'),
    '00280008': el('IS', frames),
    '00280010': el('US', size),
    '00280011': el('US', size),
    '00280100': el('US', 1),
    '00280101': el('US', 1),
    '00280102': el('US', 0),
    '00280103': el('US', 0),
    '00620001': el('CS', 'BINARY'),
    '00620002': el('SQ', { '00620004': el('US', 1), '00620005': el('LO', 'Liver') }),
    '52009229': el('SQ', {
      '00209116': el('SQ', { '00200037': el('DS', 1, 0, 0, 0, 1, 0) }),
      '00289110': el('SQ', { '00280030': el('DS', spacingMm, spacingMm) }),
    }),
    '52009230': el('SQ', ...perFrame),
    '7fe00010': el('OB', bits.buffer),
  });
}

export async function run(): Promise<void> {
  const rtBytes = rtstruct(100);
  const rtGrid = grid(100, 2.5);
  const set = parseRtStruct(rtBytes, 'bench-rtstruct.dcm');
  const [structure] = set.structures;
  report({
    bench: 'masks',
    name: 'rtstruct-parse-100-contours',
    bytes: rtBytes.length,
    ms: Math.round((await medianMs(() => parseRtStruct(rtBytes, 'rt.dcm'), 9)) * 10) / 10,
  });
  report({
    bench: 'masks',
    name: 'rtstruct-rasterise-100-contours-512x512x100',
    voxels: rtStructureMask(set, structure, rtGrid).reduce((n, v) => n + v, 0),
    ms: Math.round((await medianMs(() => rtStructureMask(set, structure, rtGrid), 9)) * 10) / 10,
  });
  const segBytes = seg(200);
  const segGrid = grid(200, 1.25);
  const parsed = parseSeg(segBytes, 'bench-seg.dcm');
  report({
    bench: 'masks',
    name: 'seg-parse-200-frames-1bit-512x512',
    bytes: segBytes.length,
    ms: Math.round((await medianMs(() => parseSeg(segBytes, 'seg.dcm'), 5)) * 10) / 10,
  });
  report({
    bench: 'masks',
    name: 'seg-mask-200-frames-1bit-512x512',
    voxels: (await segmentMask(parsed, parsed.segments[0], segGrid)).reduce((n, v) => n + v, 0),
    ms:
      Math.round((await medianMs(() => segmentMask(parsed, parsed.segments[0], segGrid), 5)) * 10) /
      10,
  });
}
