/** Three decimals, or "n/a" where a statistic is undefined (e.g. no variance between cases). */
export const f3 = (x: number | undefined): string =>
  x !== undefined && Number.isFinite(x) ? x.toFixed(3) : 'n/a';

/** A linear map from a data range to pixels; a zero-width range maps to the middle. */
export function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0;
  return (x) => (span === 0 ? (r0 + r1) / 2 : r0 + ((x - d0) / span) * (r1 - r0));
}

export function extent(values: readonly number[]): [number, number] {
  const finite = values.filter(Number.isFinite);
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
}
