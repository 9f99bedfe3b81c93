import type { DataSet } from './dicomParserTypes.ts';

// Small typed readers over a dicom-parser data set: absent or empty values become defaults,
// and text values lose the padding DICOM adds. A value that runs past the end of the bytes
// (a truncated or damaged file) reads as absent instead of throwing; the parser reports the
// damage.

/** True when the element's value lies within the data set's bytes. */
function readable(ds: DataSet, tag: string): boolean {
  const el = ds.elements[tag];
  return !!el && el.dataOffset + el.length <= ds.byteArray.length;
}

export function text(ds: DataSet, tag: string): string {
  if (!readable(ds, tag)) return '';
  return (ds.string(tag) ?? '').replace(/\0/g, '').trim();
}

/** An integer string (IS) value, or null when absent or not a number. */
export function int(ds: DataSet, tag: string): number | null {
  const raw = text(ds, tag).split('\\')[0];
  if (!/^[+-]?\d+$/.test(raw)) return null;
  return Number.parseInt(raw, 10);
}

export function uint16(ds: DataSet, tag: string, fallback: number): number {
  const el = ds.elements[tag];
  if (!el || el.length < 2 || !readable(ds, tag)) return fallback;
  return ds.uint16(tag) ?? fallback;
}

/** Decimal-string values (DS), all of them. */
export function decimals(ds: DataSet, tag: string): number[] {
  const raw = text(ds, tag);
  if (raw === '') return [];
  return raw.split('\\').map((v) => Number.parseFloat(v));
}

/**
 * The first decimal value as written: null when absent, else the number read the way
 * `decimals` reads it, NaN and ±Infinity included, so a caller can refuse a value that is not
 * a finite number instead of silently taking a default.
 */
export function decimalAsWritten(ds: DataSet, tag: string): number | null {
  const [first] = decimals(ds, tag);
  return first === undefined ? null : first;
}

export function decimal(ds: DataSet, tag: string): number | null {
  const [first] = decimals(ds, tag);
  return first === undefined || Number.isNaN(first) ? null : first;
}

/** Items of a sequence, as data sets. */
export function items(ds: DataSet, tag: string): DataSet[] {
  const el = ds.elements[tag];
  if (!el?.items) return [];
  return el.items.flatMap((item) => (item.dataSet ? [item.dataSet] : []));
}

/**
 * Enhanced multi-frame objects keep geometry and rescale in functional group macros
 * (shared, else the first frame's); classic objects keep them at the top level.
 */
export function functionalGroup(ds: DataSet, macroTag: string): DataSet | undefined {
  for (const groups of ['x52009229', 'x52009230']) {
    const [first] = items(ds, groups);
    if (!first) continue;
    const [macro] = items(first, macroTag);
    if (macro) return macro;
  }
  return undefined;
}
