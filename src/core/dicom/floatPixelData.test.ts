// Parametric maps store IEEE floats in Float Pixel Data (7FE0,0008) or Double Float Pixel Data
// (7FE0,0009), with no Bits Stored or Pixel Representation: they decode to their own values.
import { describe, expect, it } from 'vitest';
import { decodeFrame } from './decode.ts';
import { parseInstance } from './parse.ts';
import { writeDicom, type TestElement } from './testing/writeDicom.ts';

const values = [-1.5, 0, 0.25, 3.14159265358979, 1e6, -2.5e-3];

function parametricMap(tag: number, bits: 32 | 64, frames = 1): Uint8Array {
  const per = values.length;
  const bytes = new Uint8Array(per * frames * (bits / 8));
  const view = new DataView(bytes.buffer);
  for (let f = 0; f < frames; f++)
    values.forEach((v, i) => {
      const at = (f * per + i) * (bits / 8);
      if (bits === 64) view.setFloat64(at, v + f, true);
      else view.setFloat32(at, v + f, true);
    });
  const elements: TestElement[] = [
    { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.30' },
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.10.11.1' },
    { tag: [0x0008, 0x0060], vr: 'CS', value: 'MR' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.10.11.2' },
    { tag: [0x0028, 0x0002], vr: 'US', value: [1] },
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'MONOCHROME2' },
    { tag: [0x0028, 0x0008], vr: 'IS', value: String(frames) },
    { tag: [0x0028, 0x0010], vr: 'US', value: [2] },
    { tag: [0x0028, 0x0011], vr: 'US', value: [3] },
    { tag: [0x0028, 0x0100], vr: 'US', value: [bits] },
    { tag: [0x7fe0, tag], vr: bits === 64 ? 'OD' : 'OF', value: bytes },
  ];
  return writeDicom(elements);
}

async function decodeAll(bytes: Uint8Array) {
  const parsed = parseInstance(bytes, 'pmap.dcm');
  if (!parsed.ok) throw new Error(parsed.error.reason);
  const frames = [];
  for (let f = 0; f < parsed.meta.frames; f++)
    frames.push(await decodeFrame(bytes, parsed.meta, f));
  return frames;
}

describe('Float and Double Float Pixel Data', () => {
  it('decodes Float Pixel Data (OF) to its 32-bit values, frame by frame', async () => {
    const frames = await decodeAll(parametricMap(0x0008, 32, 2));
    expect(frames).toHaveLength(2);
    frames.forEach((frame, f) => {
      expect(frame.samplesPerPixel).toBe(1);
      expect(Array.from(frame.values)).toEqual(values.map((v) => Math.fround(v + f)));
    });
    expect(frames[0].min).toBe(-1.5);
    expect(frames[0].max).toBe(1e6);
  });

  it('decodes Double Float Pixel Data (OD) to its values at 32-bit precision', async () => {
    const [frame] = await decodeAll(parametricMap(0x0009, 64));
    expect(Array.from(frame.values)).toEqual(values.map((v) => Math.fround(v)));
  });

  it('refuses Float Pixel Data whose Bits Allocated is not 32, in plain words', () => {
    const bytes = parametricMap(0x0008, 32);
    // Bits Allocated 32 → 16 (the element's value is the only 0x20 0x00 after (0028,0100)).
    const at = bytes.findIndex(
      (b, i) => b === 0x28 && bytes[i + 1] === 0 && bytes[i + 2] === 0 && bytes[i + 3] === 1,
    );
    bytes[at + 8] = 16;
    const parsed = parseInstance(bytes, 'bad.dcm');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid-header');
      expect(parsed.error.reason).toContain('Float Pixel Data needs 32 bits allocated');
    }
  });
});
