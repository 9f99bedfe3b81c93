// The GPU kernels of the analysis engine behind one object per GPUDevice: what a worker holds.
import { cannyGpu, gaussianBlurGpu, sobelGpu } from './gpuEdges';
import { glcmMatricesGpu } from './gpuGlcm';
import { GpuRunner } from './gpuRunner';
import type { GpuDevice } from './webgpu';
import { gaussianWgsl, glcmWgsl, nmsWgsl, sobelWgsl } from './wgsl';

export interface GpuKernels {
  runner: GpuRunner;
  gaussianBlur: OmitFirst<typeof gaussianBlurGpu>;
  sobel: OmitFirst<typeof sobelGpu>;
  canny: OmitFirst<typeof cannyGpu>;
  glcmMatrices: OmitFirst<typeof glcmMatricesGpu>;
}

type OmitFirst<F> = F extends (first: GpuRunner, ...rest: infer A) => infer R
  ? (...args: A) => R
  : never;

export function gpuKernels(device: GpuDevice): GpuKernels {
  const runner = new GpuRunner(device, {
    gaussian: gaussianWgsl,
    sobel: sobelWgsl,
    nms: nmsWgsl,
    glcm: glcmWgsl,
  });
  return {
    runner,
    gaussianBlur: (...a) => gaussianBlurGpu(runner, ...a),
    sobel: (...a) => sobelGpu(runner, ...a),
    canny: (...a) => cannyGpu(runner, ...a),
    glcmMatrices: (...a) => glcmMatricesGpu(runner, ...a),
  };
}
