// Worker thread for `consilium train`: one validation fold (fit the pipeline on the fold's
// training cases, predict its held-out cases). The study matrix arrives in a SharedArrayBuffer,
// so every fold reads the same memory instead of a copy.
import type { ModelSpec } from '../core/models/classifiers/pipeline.ts';
import {
  runFold,
  type FoldPrediction,
  type StudyData,
} from '../core/models/validation/crossValidate.ts';
import type { Fold } from '../core/models/validation/folds.ts';
import { attempt, type Result } from '../core/result.ts';
import { serve } from './workerPool.ts';

export interface FoldTask {
  readonly data: StudyData;
  readonly spec: ModelSpec;
  readonly fold: Fold;
}

export function trainFold(task: FoldTask): Promise<Result<FoldPrediction>> {
  return attempt(() => runFold(task.data, task.spec, task.fold), 'TRAIN_FAILED');
}

serve(trainFold);
