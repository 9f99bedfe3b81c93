// The pixels of one shown position as core/measure reads them.
import type { DecodedFrame, InstanceMeta } from '../../../core/dicom/types.ts';
import type { MeasureImage } from '../../../core/measure/types.ts';

export function measureImage(frame: DecodedFrame, meta: InstanceMeta): MeasureImage {
  return {
    columns: frame.columns,
    rows: frame.rows,
    samplesPerPixel: frame.samplesPerPixel,
    values: frame.values,
    spacingMm: meta.pixelSpacingMm,
    modality: meta.modality,
  };
}
