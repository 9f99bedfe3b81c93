// A baseline (DCT) JPEG codestream in a file labelled JPEG Lossless (the 1536² file):
// decoded by its own markers, like GDCM, with a note, to the same pixels as the honest file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../decode.ts';
import { parseInstance } from '../parse.ts';

const corpus = join(process.cwd(), '../shared/data/dicom');
const BASELINE = '1.2.840.10008.1.2.4.50';
const LOSSLESS_SV1 = '1.2.840.10008.1.2.4.70'; // same length, so the meta group stays valid

/** The file's bytes with every occurrence of one UID replaced by another of the same length. */
function relabel(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const out = bytes.slice();
  const a = new TextEncoder().encode(from);
  const b = new TextEncoder().encode(to);
  for (let i = 0; i + a.length <= out.length; i++)
    if (a.every((x, k) => out[i + k] === x)) out.set(b, i);
  return out;
}

async function decoded(bytes: Uint8Array, file: string) {
  const parsed = parseInstance(bytes, file);
  if (!parsed.ok) throw new Error(parsed.error.reason);
  return { meta: parsed.meta, frame: await decodeFrame(bytes, parsed.meta, 0) };
}

describe('a baseline JPEG codestream labelled JPEG Lossless', () => {
  it("decodes by its markers to the honest file's pixels, with a note", async () => {
    const file = 'ot_mono2_jpeg_baseline_8bit.dcm';
    const honest = new Uint8Array(readFileSync(join(corpus, file)));
    const lying = relabel(honest, BASELINE, LOSSLESS_SV1);
    const a = await decoded(honest, file);
    const b = await decoded(lying, file);
    expect(b.meta.transferSyntaxUID).toBe(LOSSLESS_SV1);
    expect(a.frame.note).toBeUndefined();
    expect(b.frame.note).toMatch(/codestream is JPEG \(DCT\), transfer syntax says JPEG Lossless/);
    expect(Array.from(b.frame.values)).toEqual(Array.from(a.frame.values));
  });
});
