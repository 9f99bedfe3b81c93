// How feature values and units are written in the table and the CSV.

/** Six significant digits: enough to compare centers, short enough to read. */
export function formatValue(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(6))) : String(v);
}

/** The engine writes 'I' for the image's intensity unit; for CT that is HU. */
export function displayUnit(unit: string, modality: string): string {
  return modality === 'CT' ? unit.replace('I', 'HU') : unit;
}
