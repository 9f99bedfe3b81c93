import { canonicalJson } from '../crypto/canonicalJson';
import { sha256Hex } from '../crypto/sha256';
import type { JsonValue } from './types';

/**
 * SHA-256 hex of the parameters' canonical JSON: results made the same way share the hash. Every
 * key counts, `__proto__` included (canonicalJson copies into prototype-less objects).
 */
export async function paramsHash(params: { readonly [key: string]: JsonValue }): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalJson(params)));
}
