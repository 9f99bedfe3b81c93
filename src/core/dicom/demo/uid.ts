/** A fresh DICOM UID under the 2.25 root (a UUID written as one decimal number, PS3.5 B.2). */
export function newUid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return `2.25.${n.toString()}`;
}
