// Result bundles written by the bundle writer (unsigned, signed with the fuzz key, with an SR
// member, empty), small zips of other shapes for the zip reader, and encrypted bundles.
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { encryptBundle, MIN_ITERATIONS } from '../../../src/core/bundle/encryption';
import { sampleResults } from '../../../src/core/bundle/sampleResults';
import { SIGNATURE_MEMBER } from '../../../src/core/bundle/signature';
import { writeBundle, type BundleInput } from '../../../src/core/bundle/writeBundle';
import { imageHeader, writeDicom } from '../../../src/core/dicom/testing/writeDicom';
import { fuzzKey } from '../fuzzKey';

const CREATED = '2025-01-02T03:04:05.000Z';
// Constructed from local fields, as the bundle writer does: 1980-01-01 00:00 in any zone.
export const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * The members again, in their order, with signature.json stored rather than deflated: ECDSA
 * signatures differ on every run, and a stored member keeps every offset of the zip the same.
 */
export function repack(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of files)
    z[name] = [data, { mtime: FIXED_MTIME, level: name === SIGNATURE_MEMBER ? 0 : 6 }];
  return zipSync(z);
}

export function membersOf(zip: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(zip)));
}

async function input(extra: Partial<BundleInput> = {}): Promise<BundleInput> {
  return {
    center: 'Fuzz Center',
    software: { name: 'consilium', version: '0.1.0' },
    results: await sampleResults(),
    createdAt: CREATED,
    ...extra,
  };
}

let bundles: Promise<Uint8Array[]> | undefined;

/** Bundles as the writer makes them, the signed ones repacked to a stable layout. */
export function bundleSeeds(): Promise<Uint8Array[]> {
  bundles ??= (async () => {
    const key = await fuzzKey();
    const sr = writeDicom([
      ...imageHeader(1, 1, 8, false),
      { tag: [0x7fe0, 0x0010], vr: 'OB', value: new Uint8Array(2) },
    ]);
    const signWith = { privateKey: key.privateKey, publicKey: key.publicKey };
    const stable = (zip: Uint8Array) => repack(membersOf(zip));
    return [
      await writeBundle(await input()),
      await writeBundle(await input({ results: await sampleResults(false) })),
      await writeBundle(await input({ results: { features: [], predictions: [], edges: [] } })),
      await writeBundle(await input({ extraMembers: { 'sr/0001.dcm': sr } })),
      stable(await writeBundle(await input({ signWith }))),
      stable(await writeBundle(await input({ signWith, extraMembers: { 'sr/0001.dcm': sr } }))),
    ];
  })();
  return bundles;
}

/** Bundles, and zips of shapes bundles do not have: stored, folders, comments, UTF-8, empty. */
export async function zipSeeds(): Promise<Uint8Array[]> {
  const t = { mtime: FIXED_MTIME };
  return [
    ...(await bundleSeeds()),
    zipSync({ 'a.csv': [strToU8('x,y\n1,2\n'), { ...t, level: 0 }], 'b.txt': [strToU8(''), t] }),
    zipSync({ 'sr/': [new Uint8Array(0), t], 'sr/x.dcm': [strToU8('DICM'.repeat(20)), t] }),
    zipSync(
      { 'caf\u00e9.csv': [strToU8('a'.repeat(300)), t] },
      { comment: 'made by the fuzz harness' },
    ),
    zipSync({}),
  ];
}

export const RIGHT_PASSPHRASE = 'correct horse battery staple';

/** Encrypted bundles at the writer's iteration count (their salts and IVs differ per run). */
export async function encryptionSeeds(): Promise<Uint8Array[]> {
  const [bundle] = await bundleSeeds();
  return [
    await encryptBundle(bundle, RIGHT_PASSPHRASE, MIN_ITERATIONS),
    await encryptBundle(zipSync({}), RIGHT_PASSPHRASE, MIN_ITERATIONS),
  ];
}
