import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../crypto/canonicalJson';
import { paramsHash } from './paramsHash';
import type { JsonValue } from './types';

describe('paramsHash', () => {
  it('covers every key, __proto__ and constructor included', async () => {
    // JSON.parse makes "__proto__" an own key; copying it into a plain {} used to drop it.
    const withProto = JSON.parse('{"__proto__":{"polluted":"yes"},"bins":32}') as {
      [k: string]: JsonValue;
    };
    expect(canonicalJson(withProto)).toBe('{"__proto__":{"polluted":"yes"},"bins":32}');
    expect(await paramsHash(withProto)).not.toBe(await paramsHash({ bins: 32 }));
    const withCtor = JSON.parse('{"constructor":1,"bins":32}') as { [k: string]: JsonValue };
    expect(await paramsHash(withCtor)).not.toBe(await paramsHash({ bins: 32 }));
  });

  it('is the same for the same parameters in any key order, and differs for any change', async () => {
    const a = await paramsHash({ bins: 32, d: { kind: 'bin-count', binCount: 32 } });
    expect(await paramsHash({ d: { binCount: 32, kind: 'bin-count' }, bins: 32 })).toBe(a);
    expect(await paramsHash({ bins: 32, d: { kind: 'bin-count', binCount: 33 } })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
