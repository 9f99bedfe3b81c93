// The demo phantom as one multi-frame file (Multi-frame Grayscale Word Secondary Capture):
// every slice is a frame, to check that each frame of such a file can be scrolled to.
import { DEMO_RESCALE_INTERCEPT, type DemoFile, type DemoSeriesContext } from './demoSeries.ts';
import { writePart10, type WriterElement } from './explicitLeWriter.ts';
import { phantomSpacingMm, renderPhantomSlice } from './phantom.ts';
import { newUid } from './uid.ts';

const MULTIFRAME_GREY_WORD_SC = '1.2.840.10008.5.1.4.1.1.7.3';

export function demoMultiFrameFile(ctx: DemoSeriesContext): DemoFile {
  const { size, slices } = ctx;
  const stored = new Int16Array(size * size * slices);
  for (let k = 0; k < slices; k++) {
    const hu = renderPhantomSlice({ size, slices, sliceIndex: k });
    const base = k * size * size;
    for (let i = 0; i < hu.length; i++) stored[base + i] = hu[i] - DEMO_RESCALE_INTERCEPT;
  }
  const spacing = String(Number(phantomSpacingMm(size).toFixed(6)));
  const sopInstanceUID = newUid();
  const dataset: WriterElement[] = [
    { tag: 0x00080016, vr: 'UI', value: MULTIFRAME_GREY_WORD_SC },
    { tag: 0x00080018, vr: 'UI', value: sopInstanceUID },
    { tag: 0x00080020, vr: 'DA', value: '20240101' },
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x00081030, vr: 'LO', value: 'Demo CT phantom' },
    { tag: 0x0008103e, vr: 'LO', value: 'Multi-frame phantom (synthetic)' },
    { tag: 0x00100010, vr: 'PN', value: 'Demo^Phantom' },
    { tag: 0x00100020, vr: 'LO', value: 'CONSILIUM-DEMO' },
    { tag: 0x0020000d, vr: 'UI', value: ctx.studyInstanceUID },
    { tag: 0x0020000e, vr: 'UI', value: newUid() },
    { tag: 0x00200011, vr: 'IS', value: '2' },
    { tag: 0x00200013, vr: 'IS', value: '1' },
    { tag: 0x00280002, vr: 'US', value: 1 },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: String(slices) },
    // Frames follow one another in time order only: no per-frame positions.
    { tag: 0x00280009, vr: 'AT', value: 0x00181063 },
    { tag: 0x00280010, vr: 'US', value: size },
    { tag: 0x00280011, vr: 'US', value: size },
    { tag: 0x00280030, vr: 'DS', value: `${spacing}\\${spacing}` },
    { tag: 0x00280100, vr: 'US', value: 16 },
    { tag: 0x00280101, vr: 'US', value: 16 },
    { tag: 0x00280102, vr: 'US', value: 15 },
    { tag: 0x00280103, vr: 'US', value: 1 },
    { tag: 0x00281050, vr: 'DS', value: '40' },
    { tag: 0x00281051, vr: 'DS', value: '400' },
    { tag: 0x00281052, vr: 'DS', value: String(DEMO_RESCALE_INTERCEPT) },
    { tag: 0x00281053, vr: 'DS', value: '1' },
    { tag: 0x7fe00010, vr: 'OW', value: new Uint8Array(stored.buffer) },
  ];
  return {
    name: 'demo-multiframe.dcm',
    bytes: writePart10(MULTIFRAME_GREY_WORD_SC, sopInstanceUID, dataset),
  };
}
