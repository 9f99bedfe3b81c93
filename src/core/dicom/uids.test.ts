import { describe, expect, it } from 'vitest';
import { TransferSyntax } from './uids.ts';

describe('transfer syntax UIDs', () => {
  it('names the little endian syntaxes by their standard UIDs', () => {
    expect(TransferSyntax.ImplicitVRLittleEndian).toBe('1.2.840.10008.1.2');
    expect(TransferSyntax.ExplicitVRLittleEndian).toBe('1.2.840.10008.1.2.1');
  });
});
