// The DICOM reader end to end: parseInstance must answer with a ParseResult, and decodeFrame
// either give the frame the header describes, in finite numbers, or throw DicomLoadError.
import { decodeFrame } from '../../../src/core/dicom/decode';
import { DicomLoadError } from '../../../src/core/dicom/loadError';
import { parseInstance } from '../../../src/core/dicom/parse';
import type { DecodedFrame, InstanceMeta } from '../../../src/core/dicom/types';
import { dicomFields } from '../fields';
import { applyMutations, bytePlan, type BytePlan } from '../mutate';
import { dicomSeeds } from '../seeds/dicomSeeds';
import { uncaught, type Target, type Verdict } from '../target';

const FILE = 'fuzz.dcm';
const MAX_BYTES = 4 * 1024 * 1024;

function wrongOk(message: string): Verdict {
  return { kind: 'wrong-ok', message };
}

function frameProblem(meta: InstanceMeta, frame: DecodedFrame): Verdict | undefined {
  if (frame.rows !== meta.rows || frame.columns !== meta.columns)
    return wrongOk(
      `decodeFrame gave ${frame.rows}×${frame.columns} for a ${meta.rows}×${meta.columns} header`,
    );
  if (frame.values.length !== frame.rows * frame.columns * frame.samplesPerPixel)
    return wrongOk(
      `decodeFrame gave ${frame.values.length} values for ${frame.rows}×${frame.columns}×${frame.samplesPerPixel}`,
    );
  if (!Number.isFinite(frame.min) || !Number.isFinite(frame.max))
    return wrongOk(`decodeFrame gave min ${frame.min} and max ${frame.max}`);
  for (const v of frame.values)
    if (!Number.isFinite(v)) return wrongOk(`decodeFrame gave a value ${v}`);
  return undefined;
}

export async function checkDicom(bytes: Uint8Array): Promise<Verdict | undefined> {
  let parsed;
  try {
    parsed = parseInstance(bytes, FILE);
  } catch (e) {
    return uncaught('parseInstance', e);
  }
  if (!parsed.ok) {
    const { code, reason } = parsed.error;
    return typeof code === 'string' && typeof reason === 'string'
      ? undefined
      : wrongOk('parseInstance failed without a code and a reason');
  }
  const { meta } = parsed;
  // The first and the last frame: the last is where a believed frame count points past the data.
  for (const index of new Set([0, meta.frames - 1])) {
    if (!(index >= 0)) continue;
    let frame: DecodedFrame;
    try {
      frame = await decodeFrame(bytes, meta, index);
    } catch (e) {
      if (e instanceof DicomLoadError) continue;
      return uncaught('decodeFrame', e);
    }
    const problem = frameProblem(meta, frame);
    if (problem) return problem;
  }
  return undefined;
}

export const dicomTarget: Target<BytePlan> = {
  name: 'dicom',
  ext: 'dcm',
  plan: bytePlan,
  seedOf: (plan) => plan.seed,
  seeds: dicomSeeds,
  build: async (plan, seeds) =>
    applyMutations(seeds[plan.seed % seeds.length], plan.mutations, seeds, dicomFields, MAX_BYTES),
  check: checkDicom,
};
