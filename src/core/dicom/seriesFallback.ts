// Instances without a Series Instance UID (0020,000E) still need a series, or they collide in
// the study browser under one empty key. They are grouped by what a series shares: Study
// Instance UID + Modality + Frame of Reference UID + image size (rows × columns). The group gets
// a derived UID, "2.25." + a 128-bit hash of those four values, so it is a valid UID wherever a
// series UID is written, the same on every machine, and marked `seriesUidDerived`.
import type { InstanceMeta } from './types.ts';

/** FNV-1a over UTF-16 code units, 64-bit, from the given offset basis. */
function fnv1a64(text: string, basis: bigint): bigint {
  const prime = 0x100000001b3n;
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h;
}

/** The grouping key of an instance that has no series UID: study, modality, FoR, size. */
export function seriesFallbackKey(
  meta: Pick<
    InstanceMeta,
    'studyInstanceUID' | 'modality' | 'frameOfReferenceUID' | 'rows' | 'columns'
  >,
): string {
  const { studyInstanceUID, modality, frameOfReferenceUID, rows, columns } = meta;
  return [studyInstanceUID, modality, frameOfReferenceUID ?? '', `${rows}x${columns}`].join('|');
}

/** A valid UID (2.25 form) derived from the fallback key. */
export function derivedSeriesUid(key: string): string {
  const hi = fnv1a64(key, 0xcbf29ce484222325n);
  const lo = fnv1a64(key, 0x84222325cbf29ce4n);
  return `2.25.${((hi << 64n) | lo).toString()}`;
}

/** The meta itself when it has a series UID, else with the derived one and the mark. */
export function withSeriesFallback(meta: InstanceMeta): InstanceMeta {
  if (meta.seriesInstanceUID.trim() !== '') return meta;
  return {
    ...meta,
    seriesInstanceUID: derivedSeriesUid(seriesFallbackKey(meta)),
    seriesUidDerived: true,
  };
}
