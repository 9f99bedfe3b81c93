import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { parseInstance } from '../parse.ts';
import { demoMultiFrameFile } from './demoMultiFrame.ts';
import { newDemoContext } from './demoSeries.ts';
import { renderPhantomSlice } from './phantom.ts';

describe('demo multi-frame file', () => {
  const ctx = newDemoContext({ slices: 6, size: 32 });
  const file = demoMultiFrameFile(ctx);

  it('parses as one instance with one frame per slice', () => {
    const r = parseInstance(file.bytes, file.name);
    if (!r.ok) throw new Error(r.error.reason);
    expect([r.meta.frames, r.meta.rows, r.meta.columns]).toEqual([6, 32, 32]);
    expect(r.meta.sopClassUID).toBe('1.2.840.10008.5.1.4.1.1.7.3');
  });

  it('decodes frame k to slice k of the phantom, in HU', async () => {
    const r = parseInstance(file.bytes, file.name);
    if (!r.ok) throw new Error(r.error.reason);
    for (const k of [0, 5]) {
      const frame = await decodeFrame(file.bytes, r.meta, k);
      const expected = renderPhantomSlice({ size: 32, slices: 6, sliceIndex: k });
      expect(Array.from(frame.values)).toEqual(Array.from(expected));
    }
  });
});
