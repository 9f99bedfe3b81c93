// Runs analysis jobs off the UI thread: ROI features and Canny edges from core. A frame arrives
// either as values the page already decoded, or as the file's Blob, decoded here (never on the
// UI thread). Edge masks go back as transferables; failures come back as plain data.
import * as Comlink from 'comlink';
import type { FeatureParams } from '../core/analysis/params.ts';
import { wholeImageFeatures } from '../core/pipeline/seriesFeatures.ts';
import type { LocalFeatures } from '../core/pipeline/types.ts';
import { attempt, ok, ProblemError, problemOf, type Result } from '../core/result.ts';
import type { CannyOptions } from '../core/analysis/edges/canny.ts';
import type { RoiFeaturesJob, RoiFeaturesResult } from '../core/analysis/jobs/roiFeaturesJob.ts';
import { setCodecWasmLocator } from '../core/dicom/codecs/wasmLocator.ts';
import { decodeFrame } from '../core/dicom/decode.ts';
import { greyPixels } from '../core/analysis/luminance.ts';
import type { InstanceMeta } from '../core/dicom/types.ts';
import { edgesOn, featuresOn } from '../core/analysis/jobs/computeOn.ts';
import { setGpuSource, type ComputedOn, type ComputeOn } from '../core/analysis/gpu/gpuChoice.ts';
import type { Gpu } from '../core/analysis/gpu/webgpu.ts';
import { codecWasmUrls } from './codecWasmUrls.ts';

setCodecWasmLocator((codec) => codecWasmUrls[codec]);
setGpuSource(() => (navigator as unknown as { gpu?: Gpu }).gpu);

/**
 * One frame for a job: values the page decoded (cloned into the message), values in the frame
 * cache's SharedArrayBuffer (shared, not copied; read only here, the cache owns them), or the
 * file's Blob, decoded here from the pixel layout its meta records.
 */
export type FrameSource =
  | { kind: 'values'; values: Float32Array; columns: number; rows: number }
  | { kind: 'file'; blob: Blob; meta: InstanceMeta; frame: number }
  | { kind: 'shared'; values: Float32Array; columns: number; rows: number };

export interface EdgeMask {
  /** 1 on edge pixels, 0 elsewhere, width x height; the page colours it when it draws. */
  edges: Uint8Array<ArrayBuffer>;
  width: number;
  height: number;
  lowUsed: number;
  highUsed: number;
  computedOn: ComputedOn;
}

// The last file read, so the frames of a multi-frame instance read it once.
let last: { blob: Blob; bytes: Promise<Uint8Array> } | null = null;

function bytesOf(blob: Blob): Promise<Uint8Array> {
  if (last?.blob !== blob)
    last = { blob, bytes: blob.arrayBuffer().then((b) => new Uint8Array(b)) };
  return last.bytes;
}

async function valuesOf(src: FrameSource): Promise<{ values: Float32Array; w: number; h: number }> {
  if (src.kind !== 'file') return { values: src.values, w: src.columns, h: src.rows };
  // Colour frames are analysed on their BT.601 luminance (core/analysis/luminance.ts).
  const f = greyPixels(await decodeFrame(await bytesOf(src.blob), src.meta, src.frame));
  return { values: f.values, w: f.columns, h: f.rows };
}

type FeaturesRequest = Omit<RoiFeaturesJob, 'values' | 'width' | 'height'> & {
  sources: FrameSource[];
  computeOn?: ComputeOn;
};

/** The sources stacked into one volume, decoded one at a time (peak: the volume + a slice). */
async function stack(sources: FrameSource[]) {
  let volume: Float32Array | null = null;
  let w = 0;
  let h = 0;
  for (let z = 0; z < sources.length; z++) {
    const f = await valuesOf(sources[z]);
    if (!volume) {
      [w, h] = [f.w, f.h];
      volume = new Float32Array(w * h * sources.length);
    }
    if (f.w !== w || f.h !== h) {
      const reason = `slice ${z + 1} is ${f.w}x${f.h}, not ${w}x${h}`;
      throw new ProblemError('shape-mismatch', reason, { slice: z + 1 });
    }
    volume.set(f.values, z * w * h);
  }
  return { values: volume ?? new Float32Array(0), width: w, height: h };
}

const api = {
  /** Whole-image IBSI features of one series (core/pipeline), its frames read one at a time. */
  wholeImageFeatures(
    seriesUid: string,
    metas: InstanceMeta[],
    sources: FrameSource[],
    params: FeatureParams,
  ): Promise<Result<LocalFeatures>> {
    const series = {
      seriesInstanceUid: seriesUid,
      metas,
      frame: async (i: number) => {
        const f = await valuesOf(sources[i]);
        return { values: f.values, columns: f.w, rows: f.h, samplesPerPixel: 1 as const };
      },
    };
    return attempt(() => wholeImageFeatures(series, params), 'analysis-failed', {
      file: metas[0]?.file ?? '',
    });
  },

  features(req: FeaturesRequest): Promise<Result<RoiFeaturesResult & { computedOn: ComputedOn }>> {
    return attempt(async () => {
      const job = { ...req, ...(await stack(req.sources)) };
      return featuresOn(job, req.computeOn ?? 'auto');
    }, 'analysis-failed');
  },

  async edges(
    src: FrameSource,
    options: CannyOptions,
    computeOn: ComputeOn = 'auto',
  ): Promise<Result<EdgeMask>> {
    try {
      const { values, w, h } = await valuesOf(src);
      const r = await edgesOn({ values, width: w, height: h }, options, computeOn);
      // A copy of 1 byte a pixel (the result may be a view of the kernels' WASM memory).
      const edges = r.edges.slice();
      const mask = { edges, width: w, height: h, computedOn: r.computedOn };
      return Comlink.transfer(ok({ ...mask, lowUsed: r.lowUsed, highUsed: r.highUsed }), [
        edges.buffer,
      ]);
    } catch (e) {
      return { ok: false, error: problemOf(e, 'analysis-failed') };
    }
  },
};

export type AnalysisApi = typeof api;
Comlink.expose(api);
