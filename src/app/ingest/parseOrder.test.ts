import { describe, expect, it } from 'vitest';
import { parseOrder } from './parseOrder.ts';

const named = (...files: string[]) => files.map((file) => ({ file, blob: new Blob([file]) }));

describe('parseOrder', () => {
  it('puts numbered files in number order, not text order', () => {
    const order = parseOrder(named('s/IM10.dcm', 's/IM2.dcm', 's/IM1.dcm', 's/IM100.dcm'));
    expect(order.map((s) => s.file)).toEqual([
      's/IM1.dcm',
      's/IM2.dcm',
      's/IM10.dcm',
      's/IM100.dcm',
    ]);
  });

  it('keeps every source with its own blob and leaves the input as it was', () => {
    const input = named('b/2', 'a/10', 'a/9');
    const order = parseOrder(input);
    expect(order.map((s) => s.file)).toEqual(['a/9', 'a/10', 'b/2']);
    expect(new Set(order.map((s) => s.blob))).toEqual(new Set(input.map((s) => s.blob)));
    expect(input.map((s) => s.file)).toEqual(['b/2', 'a/10', 'a/9']);
  });
});
