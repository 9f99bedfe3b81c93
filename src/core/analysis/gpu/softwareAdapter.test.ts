import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './softwareAdapter.ts';

describe('software WebGPU adapters', () => {
  it('are the fallback adapter and SwiftShader, whatever the field that names it', () => {
    expect(isSoftwareAdapter({ isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isSoftwareAdapter({ description: 'SwiftShader Device (Subzero)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper' })).toBe(false);
    expect(isSoftwareAdapter(undefined)).toBe(false);
  });
});
