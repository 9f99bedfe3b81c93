// Model-ready inputs of recent classifications, by prediction id, kept in the inference worker:
// an occlusion map needs the exact tensor that was classified, and keeping it here means it
// never travels to the page and back. Bounded: the least recently used goes first.
export class RecentInputs {
  private readonly inputs = new Map<string, Float32Array>();

  constructor(private readonly max: number) {}

  remember(id: string, input: Float32Array): void {
    this.inputs.delete(id);
    this.inputs.set(id, input);
    for (const oldest of this.inputs.keys()) {
      if (this.inputs.size <= this.max) break;
      this.inputs.delete(oldest);
    }
  }

  /** The input, now the most recently used; undefined once it has been dropped. */
  take(id: string): Float32Array | undefined {
    const input = this.inputs.get(id);
    if (input) this.remember(id, input);
    return input;
  }

  clear(): void {
    this.inputs.clear();
  }
}
