// Model-ready inputs of recent predictions, by prediction id: the occlusion map needs the exact
// tensor that was classified, and large typed arrays never go into the store. Bounded, oldest out.
const MAX_ENTRIES = 64;
const inputs = new Map<string, Float32Array>();

export function rememberInput(id: string, input: Float32Array): void {
  inputs.delete(id);
  inputs.set(id, input);
  while (inputs.size > MAX_ENTRIES) inputs.delete(inputs.keys().next().value as string);
}

export function cachedInput(id: string): Float32Array | undefined {
  return inputs.get(id);
}
