import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';

export interface VoiPreset extends Voi {
  name: string;
}

/** The usual CT windows, in HU. */
export const ctPresets: VoiPreset[] = [
  { name: 'Brain', center: 40, width: 80 },
  { name: 'Lung', center: -600, width: 1500 },
  { name: 'Abdomen', center: 40, width: 400 },
  { name: 'Bone', center: 400, width: 1800 },
];

/** The file's own presets (named by their explanation when given), then CT presets for CT. */
export function presetsFor(meta: InstanceMeta | undefined): VoiPreset[] {
  if (!meta) return [];
  const own = meta.windows.map((w, i) => ({
    name: w.explanation || `File preset ${i + 1}`,
    center: w.center,
    width: w.width,
  }));
  return meta.modality === 'CT' ? [...own, ...ctPresets] : own;
}
