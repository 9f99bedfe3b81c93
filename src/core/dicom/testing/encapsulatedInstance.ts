// One compressed frame as a parsed 16-bit grey instance, for the codec tests: the bytes a file
// would hold and the header the decoder is given.
import { parseInstance } from '../parse.ts';
import type { InstanceMeta } from '../types.ts';
import { encapsulatedPixelData, imageHeader, writeDicom } from './writeDicom.ts';

export function encapsulatedInstance(
  syntax: string,
  frame: Uint8Array,
  rows: number,
  columns: number,
): { bytes: Uint8Array; meta: InstanceMeta } {
  const bytes = writeDicom(imageHeader(rows, columns, 16, false), syntax, [
    encapsulatedPixelData([frame]),
  ]);
  const parsed = parseInstance(bytes, 'frame.dcm');
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return { bytes, meta: parsed.meta };
}
