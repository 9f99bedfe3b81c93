// Validation splits: repeated stratified k-fold (each class dealt round-robin over the folds
// after a seeded shuffle, as sklearn's StratifiedKFold keeps class proportions) and
// leave-one-center-out (each center held out once, trained on all others).
import { ProblemError } from '../../result.ts';
import { seededRandom, shuffle } from '../classifiers/random.ts';
import type { Labels } from '../classifiers/matrix.ts';

export interface Fold {
  readonly repeat: number;
  readonly fold: number;
  readonly train: Int32Array;
  readonly test: Int32Array;
  /** The held-out center (leave-one-center-out only). */
  readonly heldOutCenter?: number;
}

function split(n: number, isTest: (i: number) => boolean) {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest(i) ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

export function stratifiedKFolds(y: Labels, k: number, repeats = 1, seed = 0): Fold[] {
  let positives = 0;
  for (const v of y) positives += v;
  const smaller = Math.min(positives, y.length - positives);
  if (k < 2 || smaller < k)
    throw new ProblemError(
      'too-few-cases',
      `Stratified ${k}-fold needs at least ${k} cases of each label; the smaller label has ${smaller}.`,
      { folds: k, smallerClass: smaller },
    );
  const random = seededRandom(seed);
  const folds: Fold[] = [];
  const of = new Int32Array(y.length);
  for (let r = 0; r < repeats; r++) {
    for (const cls of [0, 1]) {
      const idx: number[] = [];
      for (let i = 0; i < y.length; i++) if (y[i] === cls) idx.push(i);
      shuffle(idx, random);
      // Continue the round-robin across classes so fold sizes differ by at most one.
      const offset = cls === 0 ? 0 : (y.length - positives) % k;
      idx.forEach((i, j) => (of[i] = (j + offset) % k));
    }
    for (let f = 0; f < k; f++)
      folds.push({ repeat: r, fold: f, ...split(y.length, (i) => of[i] === f) });
  }
  return folds;
}

export function leaveOneCenterOut(centers: Int32Array): Fold[] {
  const ids = [...new Set(centers)].sort((a, b) => a - b);
  if (ids.length < 2)
    throw new ProblemError(
      'too-few-centers',
      'Leave-one-center-out needs cases from at least two centers.',
      {
        centers: ids.length,
      },
    );
  return ids.map((c, f) => ({
    repeat: 0,
    fold: f,
    heldOutCenter: c,
    ...split(centers.length, (i) => centers[i] === c),
  }));
}
