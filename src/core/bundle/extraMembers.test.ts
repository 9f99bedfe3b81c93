import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sampleResults } from './sampleResults';
import { sha256Hex } from '../crypto/sha256';
import { verifyBundle } from './verifyBundle';
import { writeBundle, type BundleInput } from './writeBundle';

const SR_NAME = `sr/${'ab'.repeat(16)}.dcm`;
const sr = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);

async function input(extra: Partial<BundleInput> = {}): Promise<BundleInput> {
  return {
    center: 'Center A',
    software: { name: 'consilium', version: '0.1.0' },
    results: await sampleResults(),
    createdAt: '2025-01-02T03:04:05.000Z',
    extraMembers: { [SR_NAME]: sr },
    ...extra,
  };
}

function rezip(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip) as Record<string, Uint8Array>;
  edit(files);
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = data;
  return zipSync(z);
}

describe('bundle with extra members (a DICOM SR per study)', () => {
  it('lists the SR in the manifest with its size and SHA-256 and gives it back on import', async () => {
    const result = await verifyBundle(await writeBundle(await input()));
    if (!result.ok) throw new Error(result.error.reason);
    const { manifest, members } = result.bundle;
    expect(manifest.members.map((m) => m.name)).toEqual([
      'features.csv',
      'predictions.csv',
      SR_NAME,
    ]);
    const entry = manifest.members.find((m) => m.name === SR_NAME)!;
    expect(entry.size).toBe(300);
    expect(entry.sha256).toBe(await sha256Hex(sr));
    expect(members.get(SR_NAME)).toEqual(sr);
  });

  it('rejects a bundle whose SR was changed after export', async () => {
    const tampered = rezip(await writeBundle(await input()), (files) => {
      files[SR_NAME] = files[SR_NAME].slice();
      files[SR_NAME][200] ^= 1;
    });
    const result = await verifyBundle(tampered);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ code: 'MEMBER_HASH_MISMATCH', file: SR_NAME });
  });

  it('rejects an SR dropped from the bundle, and refuses unsafe or reserved member names', async () => {
    const dropped = rezip(await writeBundle(await input()), (files) => delete files[SR_NAME]);
    const result = await verifyBundle(dropped);
    expect(!result.ok && result.error.code).toBe('MEMBER_MISSING');
    await expect(writeBundle(await input({ extraMembers: { '../x.dcm': sr } }))).rejects.toThrow(
      'not allowed',
    );
    await expect(
      writeBundle(await input({ extraMembers: { 'predictions.csv': sr } })),
    ).rejects.toThrow('reserved');
  });
});

describe('member limit', () => {
  it('accepts a bundle with an SR for each of 200 studies', async () => {
    const extraMembers: Record<string, Uint8Array> = {};
    for (let i = 0; i < 200; i++) extraMembers[`sr/${i.toString(16).padStart(32, '0')}.dcm`] = sr;
    const result = await verifyBundle(await writeBundle(await input({ extraMembers })));
    expect(result.ok && result.bundle.manifest.members).toHaveLength(202);
  });
});
