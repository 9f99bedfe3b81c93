// The default model's reference inputs as CR pixels: each 28x28 input (normalised as the model
// card says) undone to [0,1] and written as 16-bit pixels, each repeated 2x2. Area resizing back
// to 28x28 and min-max scaling give the reference tensor again (to 16-bit quantisation), so the
// page's probabilities can be checked against PyTorch's.
import { readFileSync } from 'node:fs';

/** Columns and rows of each image. */
export const REFERENCE_IMAGE_SIZE = 56;

interface Reference {
  cases: { input: number[]; probabilities: number[] }[];
}

export function referenceImages(
  cases: readonly number[],
): { pixels: number[]; probabilities: number[] }[] {
  const ref = JSON.parse(
    readFileSync('public/models/pneumonia-cnn.reference.json', 'utf8'),
  ) as Reference;
  const card = JSON.parse(readFileSync('public/models/pneumonia-cnn.card.json', 'utf8')) as {
    preprocessing: { normalize: { mean: number[]; std: number[] } };
  };
  const { mean, std } = card.preprocessing.normalize;
  const size = REFERENCE_IMAGE_SIZE;
  return cases.map((c) => {
    const { input, probabilities } = ref.cases[c];
    const pixels: number[] = [];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const v = input[(y >> 1) * 28 + (x >> 1)] * std[0] + mean[0];
        pixels.push(Math.round(Math.min(1, Math.max(0, v)) * 65535));
      }
    }
    return { pixels, probabilities };
  });
}
