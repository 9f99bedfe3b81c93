// Trains a model on a study of imported bundles off the UI thread (core trainStudy), and takes a
// center's or the coordinator's step of a federation run by hand (core federated/exchange):
// progress goes back through a callback; cancel ends the worker (the bridge terminates it).
import * as Comlink from 'comlink';
import type { Manifest } from '../core/bundle/types.ts';
import {
  centerAnswer,
  coordinatorAnswer,
  type CenterAnswer,
  type CenterRequest,
  type CoordinatorAnswer,
  type CoordinatorRequest,
  type Signer,
} from '../core/models/federated/exchange.ts';
import {
  trainStudy,
  type StudyTraining,
  type StudyTrainingOptions,
} from '../core/models/training/trainStudy.ts';
import { attempt, type Result } from '../core/result.ts';

type Progress = (done: number, total: number) => void;

// Progress goes out without waiting for the page (a proxied call answers asynchronously).
const unawaited = (onProgress?: Progress) =>
  onProgress ? (done: number, total: number) => void onProgress(done, total) : undefined;

const api = {
  async train(
    manifests: Manifest[],
    options: StudyTrainingOptions,
    onProgress?: Progress,
  ): Promise<Result<StudyTraining>> {
    return attempt(() => trainStudy(manifests, options, unawaited(onProgress)), 'TRAIN_FAILED');
  },

  /** A center's answer to the coordinator's message (or its first step). */
  async federateCenter(
    request: CenterRequest,
    signer: Signer,
    onProgress?: Progress,
  ): Promise<Result<CenterAnswer>> {
    return attempt(() => centerAnswer(request, signer, unawaited(onProgress)), 'FEDERATE_FAILED');
  },

  /** The coordinator's next message from the centers' answers (or the final model). */
  async federateCoordinator(
    request: CoordinatorRequest,
    signer: Signer,
    onProgress?: Progress,
  ): Promise<Result<CoordinatorAnswer>> {
    return attempt(
      () => coordinatorAnswer(request, signer, unawaited(onProgress)),
      'FEDERATE_FAILED',
    );
  },
};

export type TrainingApi = typeof api;
Comlink.expose(api);
