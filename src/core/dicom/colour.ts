import type { Samples } from './nativeSamples.ts';

// Colour frames are always handed out as interleaved RGB.

/** RRR…GGG…BBB (Planar Configuration 1) to RGBRGB…. */
export function planarToInterleaved(samples: Samples, pixels: number): Float32Array {
  const out = new Float32Array(pixels * 3);
  for (let i = 0; i < pixels; i++) {
    out[i * 3] = samples[i];
    out[i * 3 + 1] = samples[pixels + i];
    out[i * 3 + 2] = samples[2 * pixels + i];
  }
  return out;
}

export function toFloat(samples: Samples): Float32Array {
  return samples instanceof Float32Array ? samples : Float32Array.from(samples);
}

/**
 * YBR_FULL to RGB in place (ITU-R BT.601 full range, PS3.3 C.7.6.3.1.2), rounded and clipped
 * like pydicom and GDCM so lossless colour matches exactly.
 */
export function ybrFullToRgb(values: Float32Array, bits: number): Float32Array {
  const half = 1 << (bits - 1);
  const max = (1 << bits) - 1;
  const gCb = (0.114 * 1.772) / 0.587;
  const gCr = (0.299 * 1.402) / 0.587;
  for (let i = 0; i < values.length; i += 3) {
    const y = values[i];
    const cb = values[i + 1] - half;
    const cr = values[i + 2] - half;
    values[i] = clip(Math.floor(y + 1.402 * cr + 0.5), max);
    values[i + 1] = clip(Math.floor(y - gCb * cb - gCr * cr + 0.5), max);
    values[i + 2] = clip(Math.floor(y + 1.772 * cb + 0.5), max);
  }
  return values;
}

function clip(v: number, max: number): number {
  return v < 0 ? 0 : v > max ? max : v;
}

/** YBR_FULL_422 native data (Y1 Y2 Cb Cr per pixel pair) expanded to one YCbCr triple per pixel. */
export function expand422(samples: Samples, pixels: number): Float32Array {
  const out = new Float32Array(pixels * 3);
  for (let p = 0, s = 0; p < pixels; p += 2, s += 4) {
    const cb = samples[s + 2];
    const cr = samples[s + 3];
    out[p * 3] = samples[s];
    out[p * 3 + 1] = cb;
    out[p * 3 + 2] = cr;
    if (p + 1 < pixels) {
      out[p * 3 + 3] = samples[s + 1];
      out[p * 3 + 4] = cb;
      out[p * 3 + 5] = cr;
    }
  }
  return out;
}
