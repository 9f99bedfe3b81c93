import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';

/** The file's first window preset, else the frame's full range; colour shows 0–255. */
export function defaultVoi(meta: InstanceMeta, frame: DecodedFrame): Voi {
  if (frame.samplesPerPixel === 3) return { center: 127.5, width: 256 };
  const preset = meta.windows[0];
  if (preset && preset.width > 0) return { center: preset.center, width: preset.width };
  return { center: (frame.max + frame.min) / 2, width: Math.max(1, frame.max - frame.min) };
}
