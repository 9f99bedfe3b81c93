// A simulated multi-center study for tests and the bench: the same demo phantom images, one series
// per patient (each patient's tissue contrast a little different, malignant cases brighter), seen
// by three "scanners" that differ as real ones do: noise, blur (a softer reconstruction kernel)
// and an intensity offset (calibration). Written as DICOM folders plus a labels CSV by patient ID,
// for `consilium analyze` to turn into one bundle per center.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  demoSliceFile,
  newDemoContext,
  DEMO_RESCALE_INTERCEPT,
} from '../core/dicom/demo/demoSeries.ts';
import { seededRandom } from '../core/models/classifiers/random.ts';

export interface Scanner {
  readonly center: string;
  /** Standard deviation of added Gaussian noise, HU. */
  readonly noise: number;
  /** Passes of a 3 × 3 box blur. */
  readonly blur: number;
  /** Added to every non-air voxel, HU. */
  readonly offset: number;
}

export const SCANNERS: readonly Scanner[] = [
  { center: 'North', noise: 5, blur: 0, offset: 0 },
  { center: 'South', noise: 40, blur: 0, offset: 40 },
  { center: 'West', noise: 5, blur: 2, offset: -30 },
];

export interface SimulatedCenter {
  readonly center: string;
  readonly dir: string;
}

function blur(hu: Float64Array, size: number): Float64Array {
  const out = new Float64Array(hu.length);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let s = 0;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const yy = y + dy;
          const xx = x + dx;
          if (yy < 0 || xx < 0 || yy >= size || xx >= size) continue;
          s += hu[yy * size + xx];
          n++;
        }
      out[y * size + x] = s / n;
    }
  return out;
}

/**
 * Writes `cases` patients per center under `dir` (one folder per center) and `dir`/labels.csv.
 * Patient IDs are unique across centers (each center scans its own patients).
 */
export async function writeSimulatedCenters(
  dir: string,
  { cases = 16, size = 48, slices = 2, seed = 12 } = {},
): Promise<{ centers: SimulatedCenter[]; labels: string }> {
  const random = seededRandom(seed);
  const normal = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  const labelRows = ['PatientID,label'];
  const centers: SimulatedCenter[] = [];
  for (const [k, scanner] of SCANNERS.entries()) {
    const centerDir = join(dir, scanner.center);
    centers.push({ center: scanner.center, dir: centerDir });
    for (let i = 0; i < cases; i++) {
      // Same length as the demo's "CONSILIUM-DEMO", so the header patch keeps every offset.
      const patientId = `PATIENT-${String(k * 1000 + i).padStart(6, '0')}`;
      const malignant = i % 2 === 1;
      labelRows.push(`${patientId},${malignant ? 'malignant' : 'benign'}`);
      const contrast = 1 + 0.08 * normal() + (malignant ? 0.12 : 0);
      const ctx = newDemoContext({ slices, size });
      const caseDir = join(centerDir, patientId);
      await mkdir(caseDir, { recursive: true });
      for (let s = 0; s < slices; s++) {
        const file = demoSliceFile(ctx, s);
        const bytes = file.bytes;
        const pixels = new Int16Array(size * size);
        const at = bytes.length - pixels.byteLength; // pixel data is the last element
        new Uint8Array(pixels.buffer).set(bytes.subarray(at));
        let hu: Float64Array = Float64Array.from(pixels, (v) => v + DEMO_RESCALE_INTERCEPT);
        const air = hu.map((v) => (v <= -990 ? 1 : 0));
        hu = hu.map((v, p) => (air[p] ? v : v * contrast));
        for (let b = 0; b < scanner.blur; b++) hu = blur(hu, size);
        hu = hu.map((v, p) => (air[p] ? v : v + scanner.offset + scanner.noise * normal()));
        pixels.set(
          hu.map((v) => Math.round(Math.max(-1024, Math.min(3000, v)) - DEMO_RESCALE_INTERCEPT)),
        );
        bytes.set(new Uint8Array(pixels.buffer), at);
        patchText(bytes, 'CONSILIUM-DEMO', patientId);
        await writeFile(join(caseDir, file.name), bytes);
      }
    }
  }
  const labels = join(dir, 'labels.csv');
  await writeFile(labels, labelRows.join('\n') + '\n');
  return { centers, labels };
}

function patchText(bytes: Uint8Array, from: string, to: string): void {
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  if (a.length !== b.length) throw new RangeError('The patch must keep the length.');
  outer: for (let i = 0; i + a.length <= bytes.length; i++) {
    for (let j = 0; j < a.length; j++) if (bytes[i + j] !== a[j]) continue outer;
    bytes.set(b, i);
    return;
  }
  throw new RangeError(`"${from}" is not in the file.`);
}
