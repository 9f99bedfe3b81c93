import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../crypto/canonicalJson';
import { ENCRYPTION_MAGIC } from './encryption';
import {
  exportPublicKeyPem,
  generateSigningKeys,
  importPublicKeyPem,
  keyFingerprint,
} from '../crypto/keys';
import { sampleResults } from './sampleResults';
import { verifyBundle, type VerifyOptions } from './verifyBundle';
import { writeBundle, type BundleInput } from './writeBundle';

const CREATED = '2025-01-02T03:04:05.000Z';

async function input(extra: Partial<BundleInput> = {}): Promise<BundleInput> {
  return {
    center: 'Center A',
    software: { name: 'consilium', version: '0.1.0' },
    results: await sampleResults(),
    createdAt: CREATED,
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

async function rejection(bytes: Uint8Array, options?: VerifyOptions) {
  const result = await verifyBundle(bytes, options);
  if (result.ok) throw new Error('expected the bundle to be rejected');
  return result.error;
}

describe('result bundle', () => {
  it('round-trips: the imported manifest carries the same results and CSVs with checksums', async () => {
    const zip = await writeBundle(await input());
    const result = await verifyBundle(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { manifest, members } = result.bundle;
    expect(manifest.format).toBe('consilium-bundle');
    expect(manifest.version).toBe('1.0');
    expect(manifest.center.name).toBe('Center A');
    expect(manifest.members.map((m) => m.name)).toEqual(['features.csv', 'predictions.csv']);
    expect(manifest.results.features).toHaveLength(4);
    expect(manifest.results.predictions[3].probabilities).toEqual({
      benign: 0.25,
      malignant: 0.75,
    });
    const csv = new TextDecoder().decode(members.get('features.csv'));
    expect(csv.split('\n')[0]).toBe(
      'caseKey,studyKey,seriesKey,instanceKey,roi,paramsHash,label,Joint maximum [GYBY],Mean [Q4LE]',
    );
    expect(csv.split('\n')[2]).toContain(',malignant,0.6,6.75');
    const pred = new TextDecoder().decode(members.get('predictions.csv'));
    expect(pred.split('\n')[0]).toBe(
      'caseKey,studyKey,seriesKey,instanceKey,model,modelVersion,modelSha256,predicted,label,p_benign,p_malignant',
    );
  });

  it('is byte-identical for the same inputs and creation time, whatever order results come in', async () => {
    const a = await writeBundle(await input());
    const base = await input();
    const shuffled = {
      ...base,
      results: {
        ...base.results,
        features: [...base.results.features].reverse(),
        predictions: [...base.results.predictions].reverse(),
      },
    };
    const b = await writeBundle(shuffled);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    const c = await writeBundle(await input({ createdAt: '2026-01-01T00:00:00.000Z' }));
    expect(unzipSync(c)['features.csv']).toEqual(unzipSync(a)['features.csv']);
  });

  it('rejects a changed member', async () => {
    const zip = rezip(await writeBundle(await input()), (f) => {
      f['features.csv'] = strToU8(
        new TextDecoder().decode(f['features.csv']).replace('0.6', '0.7'),
      );
    });
    expect(await rejection(zip)).toMatchObject({
      code: 'MEMBER_HASH_MISMATCH',
      file: 'features.csv',
    });
  });

  it('rejects a missing member', async () => {
    const zip = rezip(await writeBundle(await input()), (f) => delete f['predictions.csv']);
    expect(await rejection(zip)).toMatchObject({ code: 'MEMBER_MISSING', file: 'predictions.csv' });
  });

  it('rejects an extra member the manifest does not list', async () => {
    const zip = rezip(await writeBundle(await input()), (f) => (f['notes.txt'] = strToU8('hello')));
    expect(await rejection(zip)).toMatchObject({ code: 'UNLISTED_MEMBER', file: 'notes.txt' });
  });

  it('rejects path traversal, absolute, backslash and drive-letter member names', async () => {
    for (const name of ['../evil.csv', '/etc/passwd', 'a\\b.csv', 'C:evil.csv', 'x/../../y']) {
      const zip = rezip(await writeBundle(await input()), (f) => (f[name] = strToU8('x')));
      expect(await rejection(zip)).toMatchObject({ code: 'UNSAFE_MEMBER_NAME', file: name });
    }
  });

  it('rejects a member over the size limit, and a zip bomb by its actual inflated size', async () => {
    const limits = {
      maxBundleBytes: 1 << 20,
      maxMembers: 8,
      maxMemberBytes: 100_000,
      maxTotalBytes: 1 << 20,
    };
    const big = rezip(
      await writeBundle(await input()),
      (f) => (f['features.csv'] = new Uint8Array(200_000)),
    );
    expect(await rejection(big, { limits })).toMatchObject({
      code: 'MEMBER_TOO_LARGE',
      file: 'features.csv',
    });
    // A bomb: the central directory claims 10 bytes, the deflate stream inflates to 5 MB.
    const bomb = zipSync({ 'features.csv': new Uint8Array(5_000_000) });
    const view = new DataView(bomb.buffer);
    for (let i = 0; i < bomb.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 10, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 10, true);
    }
    expect(
      await rejection(bomb, { limits: { ...limits, maxMemberBytes: 1_000_000 } }),
    ).toMatchObject({
      code: 'MEMBER_TOO_LARGE',
      reason: expect.stringContaining('inflates past'),
    });
    const many: Zippable = {};
    for (let i = 0; i < 9; i++) many[`m${i}.csv`] = strToU8('x');
    expect(await rejection(zipSync(many), { limits })).toMatchObject({ code: 'TOO_MANY_MEMBERS' });
  });

  it('rejects another format version, a non-bundle and a schema violation', async () => {
    const edit = (change: (m: Record<string, unknown>) => void) => async () =>
      rezip(await writeBundle(await input()), (f) => {
        const m = JSON.parse(new TextDecoder().decode(f['manifest.json'])) as Record<
          string,
          unknown
        >;
        change(m);
        f['manifest.json'] = strToU8(canonicalJson(m, 2));
      });
    expect(await rejection(await edit((m) => (m.version = '2.0'))())).toMatchObject({
      code: 'UNSUPPORTED_VERSION',
    });
    expect(await rejection(await edit((m) => (m.format = 'other'))())).toMatchObject({
      code: 'WRONG_FORMAT',
    });
    expect(
      await rejection(await edit((m) => (m.center = { name: 'A', secret: 'x' }))()),
    ).toMatchObject({ code: 'SCHEMA_INVALID' });
    expect(
      await rejection(
        await edit(
          (m) =>
            ((m.results as { features: { caseKey: string }[] }).features[0].caseKey = 'Doe^Jane'),
        )(),
      ),
    ).toMatchObject({
      code: 'SCHEMA_INVALID',
    });
    expect(await rejection(strToU8('not a zip at all'))).toMatchObject({ code: 'NOT_A_ZIP' });
  });

  it('rejects parameters that do not match their hash', async () => {
    const zip = rezip(await writeBundle(await input()), (f) => {
      const m = JSON.parse(new TextDecoder().decode(f['manifest.json'])) as {
        results: { features: { params: Record<string, unknown> }[] };
      };
      m.results.features[0].params = { bins: 64 };
      f['manifest.json'] = strToU8(canonicalJson(m, 2));
    });
    expect(await rejection(zip)).toMatchObject({ code: 'PARAMS_HASH_MISMATCH' });
  });

  it('says whether a trusted key, an unknown key or no key signed it; rejects a bad signature', async () => {
    const keys = await generateSigningKeys();
    const pem = await exportPublicKeyPem(keys.publicKey);
    const trusted = [await keyFingerprint(await importPublicKeyPem(pem))];
    const signed = await writeBundle(await input({ signWith: keys }));
    const ok = await verifyBundle(signed, { trustedKeys: trusted });
    expect(ok.ok && ok.bundle.signer).toBe(trusted[0]);
    expect(ok.ok && ok.bundle.trust).toEqual({ status: 'trusted', signer: trusted[0] });
    // Without trusted keys the bundle is intact, and its signer is one nobody vouched for.
    const unknown = await verifyBundle(signed);
    expect(unknown.ok && unknown.bundle.trust).toEqual({
      status: 'unknown-signer',
      signer: trusted[0],
    });
    expect(unknown.ok && unknown.bundle.signerKey).toMatchObject({ kty: 'EC', crv: 'P-256' });

    const tampered = rezip(signed, (f) => {
      f['manifest.json'] = strToU8(
        new TextDecoder().decode(f['manifest.json']).replace('Center A', 'Center B'),
      );
    });
    expect(await rejection(tampered, { trustedKeys: trusted })).toMatchObject({
      code: 'SIGNATURE_INVALID',
    });

    // Asked to require a trusted signer, verification rejects the other two.
    const stranger = await generateSigningKeys();
    const strangers = [await keyFingerprint(stranger.publicKey)];
    expect(await rejection(signed, { trustedKeys: strangers, requireTrusted: true })).toMatchObject(
      { code: 'SIGNATURE_UNTRUSTED', reason: expect.stringContaining(`unknown key ${trusted[0]}`) },
    );
    const unsigned = await writeBundle(await input());
    const open = await verifyBundle(unsigned, { trustedKeys: trusted });
    expect(open.ok && open.bundle.trust).toEqual({ status: 'unsigned' });
    expect(await rejection(unsigned, { trustedKeys: trusted, requireTrusted: true })).toMatchObject(
      { code: 'SIGNATURE_MISSING' },
    );
  });

  it('encrypts with a passphrase; the right one opens it, a wrong or missing one does not', async () => {
    const sealed = await writeBundle(await input({ passphrase: 'correct horse battery staple' }));
    expect([...sealed.subarray(0, 8)]).toEqual([...ENCRYPTION_MAGIC]);
    expect(
      new DataView(sealed.buffer, sealed.byteOffset).getUint32(8, false),
    ).toBeGreaterThanOrEqual(310_000);
    expect(new TextDecoder('latin1').decode(sealed)).not.toContain('Center A');
    const opened = await verifyBundle(sealed, { passphrase: 'correct horse battery staple' });
    expect(opened.ok).toBe(true);
    expect(await rejection(sealed, { passphrase: 'wrong' })).toMatchObject({
      code: 'WRONG_PASSPHRASE',
    });
    expect(await rejection(sealed)).toMatchObject({ code: 'ENCRYPTED' });
  });
});
