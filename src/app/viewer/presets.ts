import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { Voi } from '../store/viewerSlice.ts';

export interface VoiPreset extends Voi {
  /** The file's own words (its explanation), shown as they are. */
  name: string;
  /** Our own presets are named in the page's language: toolbar's preset.names.<key>. */
  key?: 'brain' | 'lung' | 'abdomen' | 'bone' | 'file';
  /** The file preset's number, for an unnamed one. */
  n?: number;
}

/** The usual CT windows, in HU. */
export const ctPresets: VoiPreset[] = [
  { name: 'Brain', key: 'brain', center: 40, width: 80 },
  { name: 'Lung', key: 'lung', center: -600, width: 1500 },
  { name: 'Abdomen', key: 'abdomen', center: 40, width: 400 },
  { name: 'Bone', key: 'bone', center: 400, width: 1800 },
];

/** The file's own presets (named by their explanation when given), then CT presets for CT. */
export function presetsFor(meta: InstanceMeta | undefined): VoiPreset[] {
  if (!meta) return [];
  const own = meta.windows.map((w, i): VoiPreset => ({
    name: w.explanation || `File preset ${i + 1}`,
    ...(w.explanation ? {} : { key: 'file' as const, n: i + 1 }),
    center: w.center,
    width: w.width,
  }));
  return meta.modality === 'CT' ? [...own, ...ctPresets] : own;
}
