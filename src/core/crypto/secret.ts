// The one rule that turns a collaboration key or a bundle passphrase into bytes, for the
// workbench and the command line alike (docs/bundle-spec.md, "Secrets"):
//   - a key or passphrase typed in a field is the UTF-8 encoding of exactly what was typed;
//   - a key or passphrase file is its raw bytes, less ONE trailing line end (LF or CR LF) if it
//     has one. Nothing else is trimmed: spaces, a second newline and a byte-order mark count.
// So `echo shared-secret > key.txt` and typing "shared-secret" give the same pseudonyms.

/** The bytes of a key or passphrase file, by the rule above. */
export function secretFileBytes(file: Uint8Array): Uint8Array {
  let end = file.byteLength;
  if (end > 0 && file[end - 1] === 0x0a) {
    end--;
    if (end > 0 && file[end - 1] === 0x0d) end--;
  }
  return file.subarray(0, end);
}

/** The bytes of a typed key or passphrase. */
export function typedSecretBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** A passphrase file as the passphrase string it holds (UTF-8; invalid UTF-8 is refused). */
export function passphraseFromFile(file: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(secretFileBytes(file));
}
