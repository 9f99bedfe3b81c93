// Trains a model on a study of imported bundles off the UI thread (core trainStudy): progress
// after each validation fold goes back through a callback; cancel ends the worker (the bridge
// terminates it on abort).
import * as Comlink from 'comlink';
import type { Manifest } from '../core/bundle/types.ts';
import {
  trainStudy,
  type StudyTraining,
  type StudyTrainingOptions,
} from '../core/models/training/trainStudy.ts';
import { attempt, type Result } from '../core/result.ts';

const api = {
  async train(
    manifests: Manifest[],
    options: StudyTrainingOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<Result<StudyTraining>> {
    // Progress goes out without waiting for the page (a proxied call answers asynchronously).
    const progress = onProgress
      ? (done: number, total: number) => void onProgress(done, total)
      : undefined;
    return attempt(() => trainStudy(manifests, options, progress), 'TRAIN_FAILED');
  },
};

export type TrainingApi = typeof api;
Comlink.expose(api);
