import type { DataSet } from './dicomParserTypes.ts';
import { items } from './dataSetValues.ts';
import type { Samples } from './nativeSamples.ts';
import type { InstanceMeta } from './types.ts';

/** How stored values become modality values: a linear rescale or a Modality LUT. */
export type ModalityTransform =
  | { kind: 'rescale'; slope: number; intercept: number }
  | { kind: 'lut'; firstMapped: number; table: Float32Array };

/** The Modality LUT Sequence (0028,3000) when present, else Rescale Slope/Intercept. */
export function modalityTransform(ds: DataSet, meta: InstanceMeta): ModalityTransform {
  const [lut] = items(ds, 'x00283000');
  const descriptor = lut?.elements.x00283002;
  const data = lut?.elements.x00283006;
  if (lut && descriptor && data && data.length >= 2) {
    const entries = lut.uint16('x00283002', 0) || 65536;
    // The first mapped value follows the pixel representation (US or SS).
    const firstMapped =
      meta.pixelRepresentation === 1
        ? (lut.int16('x00283002', 1) ?? 0)
        : (lut.uint16('x00283002', 1) ?? 0);
    const count = Math.min(entries, data.length >> 1);
    const table = new Float32Array(count);
    for (let i = 0; i < count; i++) table[i] = lut.uint16('x00283006', i) ?? 0;
    return { kind: 'lut', firstMapped, table };
  }
  return { kind: 'rescale', slope: meta.rescaleSlope, intercept: meta.rescaleIntercept };
}

/**
 * Stored samples to modality values. `fitBits` keeps only the Bits Stored of native data
 * (unused high bits may hold overlays) and sign-extends signed values.
 */
export function applyModality(
  samples: Samples,
  meta: InstanceMeta,
  transform: ModalityTransform,
  fitBits: boolean,
): Float32Array {
  const n = samples.length;
  const out = new Float32Array(n);
  const bits = meta.bitsStored;
  const narrow = fitBits && bits > 0 && bits < meta.bitsAllocated && meta.bitsAllocated <= 16;
  const signed = meta.pixelRepresentation === 1;
  const shift = 32 - bits;
  const mask = (1 << bits) - 1;
  for (let i = 0; i < n; i++) {
    let v = samples[i];
    if (narrow) v = signed ? (v << shift) >> shift : v & mask;
    out[i] = v;
  }
  if (transform.kind === 'rescale') {
    const { slope, intercept } = transform;
    if (slope !== 1 || intercept !== 0)
      for (let i = 0; i < n; i++) out[i] = out[i] * slope + intercept;
    return out;
  }
  const { firstMapped, table } = transform;
  const last = table.length - 1;
  for (let i = 0; i < n; i++) {
    const index = out[i] - firstMapped;
    out[i] = table[index <= 0 ? 0 : index >= last ? last : index];
  }
  return out;
}
