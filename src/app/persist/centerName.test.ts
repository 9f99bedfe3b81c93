import { describe, expect, it } from 'vitest';
import { rememberCenterName, rememberedCenterName } from './centerName.ts';

describe('the remembered center name', () => {
  it('comes back as it was saved (trimmed), and is empty without storage', () => {
    const map = new Map<string, string>();
    const store = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(rememberedCenterName(store)).toBe('');
    rememberCenterName('  Center A ', store);
    expect(rememberedCenterName(store)).toBe('Center A');
    expect(rememberedCenterName(undefined)).toBe('');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => rememberCenterName('x', refusing)).not.toThrow();
    expect(rememberedCenterName(refusing)).toBe('');
  });
});
