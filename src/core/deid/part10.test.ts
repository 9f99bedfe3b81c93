import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../crypto/hmac';
import { concatBytes } from '../dicom/demo/explicitLeWriter';
import { writeDicom } from '../dicom/testing/writeDicom';
import { ProblemError } from '../result';
import { deidentifyFile } from './deidentifyFile';
import { checkInflatedSize, DEFLATED_SYNTAX, readMetaGroup, withGroupLength } from './part10';

const header = writeDicom([
  { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.8.498.5' },
  { tag: [0x0010, 0x0010], vr: 'PN', value: 'Doe^Jane' },
]);

function problemCode(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof ProblemError ? e.code : 'not a ProblemError';
  }
  return undefined;
}

describe('Part 10 checks before dcmjs reads a file', () => {
  it('adds the meta group length a writer left out, so dcmjs can read the file', async () => {
    const meta = readMetaGroup(header);
    expect(meta).toEqual({
      end: 132 + 8 + 20,
      hasGroupLength: false,
      transferSyntaxUid: '1.2.840.10008.1.2.1',
    });
    const fixed = withGroupLength(header, meta);
    expect(readMetaGroup(fixed).hasGroupLength).toBe(true);
    expect(withGroupLength(fixed, readMetaGroup(fixed))).toBe(fixed);
    const key = await importCollaborationKey('k');
    const { bytes, path } = await deidentifyFile(header, { key, dates: 'remove' });
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('Doe^Jane');
    expect(path).toMatch(/^no-study-uid\/no-series-uid\/2\.25\.\d+\.dcm$/);
  });

  it('refuses what is not Part 10, and meta elements that run past the end', () => {
    expect(problemCode(() => readMetaGroup(new Uint8Array(64)))).toBe('deid-unreadable');
    expect(problemCode(() => readMetaGroup(header.subarray(0, 150)))).toBe('deid-unreadable');
  });

  it('counts a deflated data set while inflating it and stops past the limit', () => {
    const body = deflateSync(new Uint8Array(4 * 1024 * 1024));
    expect(body.length).toBeLessThan(20_000);
    const file = concatBytes([header.subarray(0, 132), body]);
    expect(problemCode(() => checkInflatedSize(file, 132, 1024 * 1024))).toBe('deid-too-large');
    expect(problemCode(() => checkInflatedSize(file, 132, 16 * 1024 * 1024))).toBeUndefined();
  });

  it('refuses a deflated file whose data set inflates too far, before dcmjs reads it', async () => {
    const deflated = writeDicom([], DEFLATED_SYNTAX);
    const bomb = concatBytes([deflated, deflateSync(new Uint8Array(8 * 1024 * 1024))]);
    const key = await importCollaborationKey('k');
    const options = { key, dates: 'remove', maxInflatedBytes: 1024 * 1024 } as const;
    await expect(deidentifyFile(bomb, options, 'bomb.dcm')).rejects.toMatchObject({
      code: 'deid-too-large',
      params: { file: 'bomb.dcm', limit: 1024 * 1024 },
    });
  });
});
