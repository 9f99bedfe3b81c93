import type { DecodedFrame, InstanceMeta } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';

// A series without window tags gets one window, from the range of the first frame of it that is
// shown, kept for the whole series: a window per slice would change the brightness of the same
// tissue from slice to slice (each slice's own min/max). Keyed by series, never dropped: a few
// numbers per loaded series.
const seriesWindows = new Map<string, Voi>();

/** The file's first window preset, else the series' window; colour shows 0–255. */
export function defaultVoi(meta: InstanceMeta, frame: DecodedFrame): Voi {
  if (frame.samplesPerPixel === 3) return { center: 127.5, width: 256 };
  const preset = meta.windows[0];
  if (preset && preset.width > 0) return { center: preset.center, width: preset.width };
  const known = seriesWindows.get(meta.seriesInstanceUID);
  if (known) return known;
  const voi = { center: (frame.max + frame.min) / 2, width: Math.max(1, frame.max - frame.min) };
  seriesWindows.set(meta.seriesInstanceUID, voi);
  return voi;
}
