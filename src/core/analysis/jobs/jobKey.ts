// A short stable key for "the same inputs": canonical JSON of the parts, hashed (FNV-1a, 64-bit).
// Results are cached under it, so a repeated run with equal ROI and parameters reuses them.
import { canonicalJson } from '../../crypto/canonicalJson';

export function jobKey(parts: unknown): string {
  const text = canonicalJson(parts);
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, '0');
}
