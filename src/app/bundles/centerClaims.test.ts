import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../store/bundleSlice.ts';
import { claimWarning, otherClaimants, UNSIGNED } from './centerClaims.ts';

const entry = (center: string, signer?: string): LibraryEntry => ({
  summary: {
    id: `${center}-${signer ?? 'none'}`,
    center,
    createdAt: '2025-01-01T00:00:00.000Z',
    software: 'consilium 0.1.0',
    ...(signer ? { signer } : {}),
    counts: { features: 0, predictions: 0, edges: 0 },
  },
  fileName: 'x.zip',
  origin: 'imported',
  importedAt: '2025-01-01T00:00:00.000Z',
});

describe('center claims', () => {
  const a = 'a'.repeat(64);
  const b = 'b'.repeat(64);
  it('finds another key (or an unsigned bundle) claiming the same center, as people read names', () => {
    const library = [entry('Center A', a), entry('Center B', b)];
    expect(otherClaimants('Center A', a, library, [])).toEqual([]);
    expect(otherClaimants('center  a', b, library, [])).toEqual([a]);
    expect(otherClaimants('Ｃｅｎｔｅｒ A', UNSIGNED, library, [])).toEqual([a]);
    // A key trusted on first use claims its center even before its bundle is in the library.
    expect(
      otherClaimants('Center C', b, [], [{ fingerprint: a, name: 'C', center: 'Center C' }]),
    ).toEqual([a]);
  });

  it('warns in words, naming the other claimants', () => {
    expect(claimWarning('Center A', [])).toBeUndefined();
    expect(claimWarning('Center A', [a, UNSIGNED])).toBe(
      `"Center A" is also claimed by key ${a.slice(0, 16)}…, an unsigned bundle. Two different keys cannot both be that center: check with the partner which key is theirs.`,
    );
  });
});
