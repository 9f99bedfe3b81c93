// The project's own demo study: one axial CT series of the phantom, as valid DICOM files.
import { writePart10, type WriterElement } from './explicitLeWriter.ts';
import {
  PHANTOM_EXTENT_MM,
  PHANTOM_FOV_MM,
  phantomSliceZMm,
  phantomSpacingMm,
  renderPhantomSlice,
} from './phantom.ts';
import { newUid } from './uid.ts';

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
/** Stored value = HU - intercept; -1024 is what most CT scanners write. */
export const DEMO_RESCALE_INTERCEPT = -1024;

export interface DemoSeriesOptions {
  slices?: number;
  size?: number;
}

export interface DemoFile {
  name: string;
  bytes: Uint8Array;
}

/** The identifiers one demo series shares across its slices. */
export interface DemoSeriesContext {
  slices: number;
  size: number;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  frameOfReferenceUID: string;
}

export function newDemoContext({
  slices = 40,
  size = 256,
}: DemoSeriesOptions = {}): DemoSeriesContext {
  if (!Number.isInteger(slices) || slices < 1) throw new Error(`slices must be ≥ 1, got ${slices}`);
  if (!Number.isInteger(size) || size < 16) throw new Error(`size must be ≥ 16, got ${size}`);
  return {
    slices,
    size,
    studyInstanceUID: newUid(),
    seriesInstanceUID: newUid(),
    frameOfReferenceUID: newUid(),
  };
}

function ds(n: number): string {
  // DS is at most 16 characters; 6 decimals is far below a micrometre.
  return String(Number(n.toFixed(6)));
}

/** Slice k of the series as a Part 10 file. Slice 1 is the caudal end (file names sort by z). */
export function demoSliceFile(ctx: DemoSeriesContext, sliceIndex: number): DemoFile {
  const { size, slices } = ctx;
  const hu = renderPhantomSlice({ size, slices, sliceIndex });
  const stored = new Int16Array(hu.length);
  for (let i = 0; i < hu.length; i++) stored[i] = hu[i] - DEMO_RESCALE_INTERCEPT;
  const spacing = phantomSpacingMm(size);
  const origin = -PHANTOM_FOV_MM / 2 + spacing / 2;
  const zMm = phantomSliceZMm(sliceIndex, slices);
  const sopInstanceUID = newUid();
  const el = (tag: number, vr: WriterElement['vr'], value: WriterElement['value']) => ({
    tag,
    vr,
    value,
  });
  const dataset: WriterElement[] = [
    el(0x00080008, 'CS', 'ORIGINAL\\PRIMARY\\AXIAL'),
    el(0x00080016, 'UI', CT_IMAGE_STORAGE),
    el(0x00080018, 'UI', sopInstanceUID),
    el(0x00080020, 'DA', '20240101'),
    el(0x00080030, 'TM', '120000'),
    el(0x00080050, 'SH', 'DEMO0001'),
    el(0x00080060, 'CS', 'CT'),
    el(0x00080070, 'LO', 'Consilium synthetic phantom'),
    el(0x00081030, 'LO', 'Demo CT phantom'),
    el(0x0008103e, 'LO', `Axial ${Number((PHANTOM_EXTENT_MM / slices).toFixed(2))} mm (synthetic)`),
    el(0x00100010, 'PN', 'Demo^Phantom'),
    el(0x00100020, 'LO', 'CONSILIUM-DEMO'),
    el(0x00100030, 'DA', ''),
    el(0x00100040, 'CS', 'O'),
    el(0x00180050, 'DS', ds(PHANTOM_EXTENT_MM / slices)),
    el(0x0020000d, 'UI', ctx.studyInstanceUID),
    el(0x0020000e, 'UI', ctx.seriesInstanceUID),
    el(0x00200010, 'SH', '1'),
    el(0x00200011, 'IS', '1'),
    el(0x00200013, 'IS', String(sliceIndex + 1)),
    el(0x00200032, 'DS', `${ds(origin)}\\${ds(origin)}\\${ds(zMm)}`),
    el(0x00200037, 'DS', '1\\0\\0\\0\\1\\0'),
    el(0x00200052, 'UI', ctx.frameOfReferenceUID),
    el(0x00201041, 'DS', ds(zMm)),
    el(0x00280002, 'US', 1),
    el(0x00280004, 'CS', 'MONOCHROME2'),
    el(0x00280010, 'US', size),
    el(0x00280011, 'US', size),
    el(0x00280030, 'DS', `${ds(spacing)}\\${ds(spacing)}`),
    el(0x00280100, 'US', 16),
    el(0x00280101, 'US', 16),
    el(0x00280102, 'US', 15),
    el(0x00280103, 'US', 1),
    el(0x00281050, 'DS', '40\\-600'),
    el(0x00281051, 'DS', '400\\1500'),
    el(0x00281052, 'DS', String(DEMO_RESCALE_INTERCEPT)),
    el(0x00281053, 'DS', '1'),
    el(0x00281054, 'LO', 'HU'),
    el(0x00281055, 'LO', 'ABDOMEN\\LUNG'),
    el(0x7fe00010, 'OW', new Uint8Array(stored.buffer)),
  ];
  const name = `demo-ct-${String(sliceIndex + 1).padStart(4, '0')}.dcm`;
  return { name, bytes: writePart10(CT_IMAGE_STORAGE, sopInstanceUID, dataset) };
}

/** A whole demo series in memory (40 × 256² is about 5 MB). */
export function makeDemoSeries(options: DemoSeriesOptions = {}): DemoFile[] {
  const ctx = newDemoContext(options);
  return Array.from({ length: ctx.slices }, (_, k) => demoSliceFile(ctx, k));
}
