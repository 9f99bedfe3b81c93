// The one response map in memory (tens to hundreds of MB for a CT series): kept here, outside
// any store, and replaced, never accumulated, when a new one is computed.
let current: { id: number; values: Float32Array } | null = null;

export function keepResponse(id: number, values: Float32Array): void {
  current = { id, values };
}

/** The values of response `id`, or null when another has replaced it. */
export function responseValues(id: number): Float32Array | null {
  return current?.id === id ? current.values : null;
}

export function dropResponse(): void {
  current = null;
}
