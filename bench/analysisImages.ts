// Deterministic test images for the analysis benchmarks: a 512x512 int16 CT-like slice and a
// 2048x2048 12-bit radiograph-like image, with structure and noise (never constant).

/** mulberry32: a tiny seeded generator, so every run sees the same pixels. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchImage {
  label: string;
  width: number;
  height: number;
  /** Stored sample type, as written to the .raw file for the peers. */
  dtype: 'int16' | 'uint16';
  raw: Int16Array | Uint16Array;
  values: Float32Array;
}

/** Body ellipse (soft tissue ~40 HU), two lungs (~-850), a spine (~700), air outside, noise. */
export function ctSlice(n = 512): BenchImage {
  const rnd = random(512);
  const raw = new Int16Array(n * n);
  const c = n / 2;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      const u = (x - c) / (0.42 * n);
      const v = (y - c) / (0.3 * n);
      let hu = -1000;
      if (u * u + v * v < 1) {
        hu = 40 + 25 * Math.sin(x / 7) * Math.cos(y / 11);
        const lu = (Math.abs(x - c) - 0.18 * n) / (0.11 * n);
        const lv = (y - c + 0.02 * n) / (0.18 * n);
        if (lu * lu + lv * lv < 1) hu = -850 + 60 * Math.sin((x + y) / 5);
        const s = Math.hypot(x - c, y - c - 0.17 * n);
        if (s < 0.05 * n) hu = 700 - 8 * s;
      }
      hu += (rnd() + rnd() + rnd() - 1.5) * 30;
      raw[y * n + x] = Math.max(-1024, Math.min(3071, Math.round(hu)));
    }
  }
  return {
    label: `${n}x${n} int16`,
    width: n,
    height: n,
    dtype: 'int16',
    raw,
    values: Float32Array.from(raw),
  };
}

/** 12-bit radiograph-like: smooth exposure gradient, rib-like bands, round nodules, noise. */
export function radiograph(n = 2048): BenchImage {
  const rnd = random(2048);
  const raw = new Uint16Array(n * n);
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let v = 1200 + 1400 * (y / n) + 500 * Math.sin((x / n) * Math.PI);
      v += 350 * Math.max(0, Math.sin(y / 23 + (0.002 * x * x) / n));
      const dx = (x % 512) - 256;
      const dy = (y % 512) - 256;
      if (dx * dx + dy * dy < 40 * 40) v += 600;
      v += (rnd() - 0.5) * 120;
      raw[y * n + x] = Math.max(0, Math.min(4095, Math.round(v)));
    }
  }
  return {
    label: `${n}x${n} uint12`,
    width: n,
    height: n,
    dtype: 'uint16',
    raw,
    values: Float32Array.from(raw),
  };
}

/** Grey levels 1..levels by fixed bin number over the image range (the GLCM benchmark input). */
export function quantise(values: Float32Array, levels: number): Uint16Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const out = new Uint16Array(values.length);
  const scale = levels / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.min(levels, Math.floor((values[i] - lo) * scale) + 1);
  }
  return out;
}
