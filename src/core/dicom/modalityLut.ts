import { modalityLutTable } from './lookupTables.ts';
import type { Samples } from './nativeSamples.ts';
import type { InstanceMeta, PixelLayout } from './types.ts';

/** How stored values become modality values: a linear rescale or a Modality LUT. */
export type ModalityTransform =
  | { kind: 'rescale'; slope: number; intercept: number }
  | { kind: 'lut'; firstMapped: number; table: Float32Array };

/** The Modality LUT Sequence (0028,3000) when present, else Rescale Slope/Intercept. */
export function modalityTransform(
  bytes: Uint8Array,
  layout: PixelLayout,
  meta: InstanceMeta,
): ModalityTransform {
  const lut = layout.modalityLut;
  if (lut) {
    const table = modalityLutTable(bytes, lut, layout.littleEndian);
    return { kind: 'lut', firstMapped: lut.firstMapped, table };
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
  out: Float32Array = new Float32Array(samples.length),
): Float32Array {
  const n = samples.length;
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
