// The zip reader accepts only zips that every reader reads the same way. Each test builds a zip
// (with fflate, or rawZip where fflate cannot be made to lie), patches it the way an attacker
// would, and expects the specific code; genuine bundles still verify, byte for byte, and read the
// same in Python's zipfile and Info-ZIP unzip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../crypto/keys';
import { sha256Hex } from '../crypto/sha256';
import { decryptBundle } from './encryption';
import { defaultLimits, zipReading, type ImportLimits } from './limits';
import { readZipSafely } from './readZip';
import { sampleResults } from './sampleResults';
import { BundleRejected } from './types';
import { verifyBundle } from './verifyBundle';
import { writeBundle, type BundleInput } from './writeBundle';
import { crc32 } from './zip/crc32';
import { nameKey } from './zip/names';
import { compareWithOtherReaders, type Reading, type Run } from './zip/testing/otherReaders';
import { endRecord, rawZip, type RawMember } from './zip/testing/rawZip';

function codeOf(zip: Uint8Array, limits: ImportLimits = defaultLimits): string {
  try {
    readZipSafely(zip, limits);
    return 'OK';
  } catch (err) {
    if (err instanceof BundleRejected) return err.error.code;
    throw err;
  }
}

const csv = strToU8('caseKey,value\n' + 'ab,1\n'.repeat(200));
const json = strToU8('{"format":"consilium-bundle"}\n');
const three = (): Zippable => ({
  'manifest.json': json,
  'features.csv': csv,
  'b.csv': strToU8('x'),
});

/** Where fflate put each record (it writes no comments, no descriptors, entries in order). */
function layout(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const central: number[] = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    central.push(at);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true);
  }
  const local = central.map((c) => view.getUint32(c + 42, true));
  return { view, end, central, local };
}

function patched(files: Zippable, patch: (l: ReturnType<typeof layout>) => void): Uint8Array {
  const zip = zipSync(files);
  patch(layout(zip));
  return zip;
}

const plain = (name: string, data: Uint8Array, more: Partial<RawMember> = {}): RawMember => ({
  name,
  data,
  ...more,
});

describe('the zip reader: one reading or none', () => {
  it('reads fflate zips, stored and deflated, exactly as fflate wrote them', () => {
    const files = three();
    for (const level of [0, 6, 9] as const) {
      const members = readZipSafely(zipSync(files, { level }), defaultLimits);
      expect([...members.keys()]).toEqual(Object.keys(files));
      for (const [name, data] of Object.entries(files)) expect(members.get(name)).toEqual(data);
    }
  });

  it('reads the zips other honest writers make: data descriptors (fflate streaming), Unix modes, timestamps extra, a comment', () => {
    const chunks: Uint8Array[] = [];
    const stream = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    const entry = new ZipDeflate('features.csv', { level: 6 });
    stream.add(entry);
    entry.push(csv.subarray(0, 100));
    entry.push(csv.subarray(100), true);
    stream.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (streamed.set(c, at), at + c.length), 0);
    expect(layout(streamed).view.getUint16(6, true) & 8).toBe(8); // it did use a descriptor
    expect(readZipSafely(streamed, defaultLimits).get('features.csv')).toEqual(csv);

    const ut = new Uint8Array([0x55, 0x54, 5, 0, 1, 0, 0, 0, 0]);
    const unix = rawZip(
      [
        plain('features.csv', csv, { madeBy: 0x031e, externalAttributes: 0o100644 << 16 }),
        plain('b.csv', csv, { madeBy: 0x0314, externalAttributes: 0o600 << 16, method: 0 }),
        plain('c.csv', csv, { descriptor: true, local: { extra: ut }, central: { extra: ut } }),
      ],
      { comment: strToU8('made by hand') },
    );
    const members = readZipSafely(unix, defaultLimits);
    expect([...members.values()]).toEqual([csv, csv, csv]);
  });

  it('rejects central directory and local header disagreeing on name, method, flags, size or CRC', () => {
    const at = (l: ReturnType<typeof layout>) => l.local[1]; // features.csv
    expect(codeOf(patched(three(), (l) => l.view.setUint8(at(l) + 30 + 11, 0x77)))).toBe(
      'ZIP_MISMATCH', // features.csw locally
    );
    expect(codeOf(patched(three(), (l) => l.view.setUint8(at(l) + 30, 0x46)))).toBe('ZIP_MISMATCH'); // Features.csv
    expect(codeOf(patched(three(), (l) => l.view.setUint16(at(l) + 8, 0, true)))).toBe(
      'ZIP_MISMATCH',
    );
    expect(codeOf(patched(three(), (l) => l.view.setUint16(at(l) + 6, 0x0802, true)))).toBe(
      'ZIP_MISMATCH',
    );
    expect(
      codeOf(patched(three(), (l) => l.view.setUint32(at(l) + 22, csv.length + 1, true))),
    ).toBe('ZIP_MISMATCH');
    expect(codeOf(patched(three(), (l) => l.view.setUint32(at(l) + 14, 1, true)))).toBe(
      'ZIP_MISMATCH',
    );
    // The end record counting fewer entries than the central directory holds.
    const count = (n: number) =>
      patched(three(), (l) => {
        l.view.setUint16(l.end + 8, n, true);
        l.view.setUint16(l.end + 10, n, true);
      });
    expect(codeOf(count(2))).toBe('ZIP_MISMATCH');
    expect(codeOf(count(4))).toBe('NOT_A_ZIP');
    // The CD-local method mismatch of the reproducer: stored locally, "deflated" centrally.
    const stored = zipSync(three(), { level: 0 });
    const s = layout(stored);
    s.view.setUint16(s.central[1] + 10, 8, true);
    expect(codeOf(stored)).toBe('ZIP_MISMATCH');
  });

  it('rejects members whose data does not match what both headers say', () => {
    const both = (offset: [number, number], value: number) =>
      patched(three(), (l) => {
        l.view.setUint32(l.local[1] + offset[0], value, true);
        l.view.setUint32(l.central[1] + offset[1], value, true);
      });
    expect(codeOf(both([14, 16], 0x12345678))).toBe('ZIP_CRC_MISMATCH');
    expect(codeOf(both([22, 24], csv.length - 1))).toBe('MEMBER_TOO_LARGE'); // inflates past
    expect(codeOf(both([22, 24], csv.length + 1))).toBe('ZIP_SIZE_MISMATCH');
    // A deflate stream that ends before its compressed size: the byte after it belongs to nothing.
    const deflated = deflateSync(csv);
    const junk = new Uint8Array(deflated.length + 1);
    junk.set(deflated);
    expect(codeOf(rawZip([plain('features.csv', csv, { stored: junk })]))).toBe('ZIP_STRAY_BYTES');
    expect(codeOf(rawZip([plain('features.csv', csv, { stored: deflated.slice(0, -1) })]))).toBe(
      'ZIP_CORRUPT',
    );
    expect(codeOf(rawZip([plain('features.csv', csv, { stored: new Uint8Array(0) })]))).toBe(
      'ZIP_CORRUPT',
    );
  });

  it('rejects overlapping entries', () => {
    // Two central entries on one local entry.
    expect(
      codeOf(patched(three(), (l) => l.view.setUint32(l.central[2] + 42, l.local[1], true))),
    ).toBe('ZIP_OVERLAP');
    // An entry hidden inside another (stored) member's data, both listed.
    const inner = rawZip([plain('b.csv', strToU8('evil'), { method: 0 })]);
    const innerLocal = inner.subarray(0, layout(inner).central[0]);
    const nested = rawZip([
      plain('features.csv', innerLocal, { method: 0 }),
      plain('b.csv', strToU8('evil'), { method: 0, central: { offset: 30 + 12 } }),
    ]);
    expect(codeOf(nested)).toBe('ZIP_OVERLAP');
  });

  it('rejects a local entry the central directory does not list (the differential-reading attack)', () => {
    const evil = strToU8('caseKey,value\n=HYPERLINK("x"),1\n');
    // The central directory points at the evil copy; the genuine one sits unlisted further on.
    const zip = rawZip([
      plain('features.csv', evil),
      plain('manifest.json', json),
      plain('features.csv', csv, { listed: false }),
    ]);
    expect(codeOf(zip)).toBe('ZIP_UNLISTED_ENTRY');
    expect(codeOf(rawZip([plain('a.csv', csv), plain('b.csv', csv, { listed: false })]))).toBe(
      'ZIP_UNLISTED_ENTRY',
    );
  });

  it('rejects bytes before, between or after the entries', () => {
    const junk = strToU8('junk!');
    expect(codeOf(rawZip([plain('a.csv', csv, { before: junk }), plain('b.csv', csv)]))).toBe(
      'ZIP_STRAY_BYTES',
    );
    expect(codeOf(rawZip([plain('a.csv', csv), plain('b.csv', csv, { before: junk })]))).toBe(
      'ZIP_STRAY_BYTES',
    );
    expect(codeOf(rawZip([plain('a.csv', csv)], { beforeCentral: junk }))).toBe('ZIP_STRAY_BYTES');
    expect(codeOf(rawZip([plain('a.csv', csv)], { trailing: junk }))).toBe('ZIP_STRAY_BYTES');
  });

  it('rejects a second end record: appended, with its own central directory, or in the comment', () => {
    const zip = zipSync(three());
    const { end } = layout(zip);
    const twice = new Uint8Array(zip.length + 22);
    twice.set(zip);
    twice.set(zip.subarray(end), zip.length);
    expect(codeOf(twice)).toBe('ZIP_MULTIPLE_END_RECORDS');
    // A second central directory listing only two members, and its end record after the first.
    const { central } = layout(zip);
    const secondCd = zip.subarray(central[0], central[2]);
    const two = new Uint8Array(zip.length + secondCd.length + 22);
    two.set(zip);
    two.set(secondCd, zip.length);
    two.set(endRecord(2, secondCd.length, zip.length), zip.length + secondCd.length);
    expect(codeOf(two)).toBe('ZIP_MULTIPLE_END_RECORDS');
    const comment = new Uint8Array([0x50, 0x4b, 0x05, 0x06, 1, 2]);
    expect(codeOf(rawZip([plain('a.csv', csv)], { comment }))).toBe('ZIP_MULTIPLE_END_RECORDS');
  });

  it('rejects symlinks, folders and other non-files by their attributes or name', () => {
    const attrs = (value: number, madeBy = 0x0314) =>
      patched(three(), (l) => {
        l.view.setUint16(l.central[2] + 4, madeBy, true);
        l.view.setUint32(l.central[2] + 38, value >>> 0, true);
      });
    expect(codeOf(attrs(0xa1ff0000))).toBe('ZIP_SYMLINK'); // lrwxrwxrwx, as in the reproducer
    expect(codeOf(attrs(0xa1ff0000, 0x0014))).toBe('ZIP_SYMLINK'); // whatever "made by" says
    expect(codeOf(attrs(0x400, 0x0a14))).toBe('ZIP_SYMLINK'); // Windows reparse point
    expect(codeOf(attrs(0x10, 0x0014))).toBe('ZIP_DIRECTORY'); // MS-DOS directory
    expect(codeOf(attrs(0o040755 << 16))).toBe('ZIP_DIRECTORY');
    expect(codeOf(attrs(0o010644 << 16))).toBe('ZIP_NOT_REGULAR'); // a FIFO
    expect(codeOf(attrs(0o060644 << 16))).toBe('ZIP_NOT_REGULAR'); // a block device
    expect(codeOf(attrs(0o100644 << 16))).toBe('OK');
    expect(codeOf(attrs(0x20, 0x0014))).toBe('OK'); // MS-DOS "archive"
    expect(codeOf(zipSync({ ...three(), 'sr/': new Uint8Array(0) }))).toBe('ZIP_DIRECTORY');
    expect(codeOf(zipSync({ ...three(), sr: {} }))).toBe('ZIP_DIRECTORY');
  });

  it('rejects names that are the same file under case folding, Unicode NFC, slashes or trailing dots', () => {
    const x = strToU8('x');
    expect(codeOf(zipSync({ 'features.csv': x, 'Features.CSV': x }))).toBe('ZIP_DUPLICATE_NAME');
    expect(codeOf(zipSync({ 'caf\u00e9.csv': x, 'cafe\u0301.csv': x }))).toBe('ZIP_DUPLICATE_NAME');
    expect(codeOf(zipSync({ 'sr/a.dcm': x, 'sr//a.dcm': x }))).toBe('ZIP_DUPLICATE_NAME');
    expect(codeOf(zipSync({ 'a.csv': x, 'a.csv.': x }))).toBe('ZIP_DUPLICATE_NAME');
    expect(codeOf(zipSync({ 'stra\u00dfe.csv': x, 'STRASSE.csv': x }))).toBe('ZIP_DUPLICATE_NAME');
    expect(codeOf(rawZip([plain('a.csv', x), plain('a.csv', x)]))).toBe('DUPLICATE_MEMBER');
    // Backslashes and "./" are refused outright (memberName.ts) before names are compared...
    expect(codeOf(zipSync({ 'sr/a.dcm': x, 'sr\\a.dcm': x }))).toBe('UNSAFE_MEMBER_NAME');
    expect(codeOf(zipSync({ 'a.csv': x, './a.csv': x }))).toBe('UNSAFE_MEMBER_NAME');
    // ...and would collide anyway.
    for (const [a, b] of [
      ['sr/a.dcm', 'sr\\a.dcm'],
      ['a.csv', './a.csv'],
      ['sr/a.dcm', 'sr/a.dcm/'],
      ['A.csv', '\uff21.csv'], // fullwidth A
    ])
      expect(nameKey(a)).toBe(nameKey(b));
    expect(nameKey('a.csv')).not.toBe(nameKey('b.csv'));
  });

  it('refuses names readers decode differently, and keeps a leading byte-order mark', () => {
    const latin1 = rawZip([
      plain('caf\u00e9.csv', csv, {
        flags: 0,
        local: { name: new Uint8Array([0x63, 0xe9]) },
        central: { name: new Uint8Array([0x63, 0xe9]) },
      }),
    ]);
    expect(codeOf(latin1)).toBe('UNSAFE_MEMBER_NAME');
    const badUtf8 = rawZip([
      plain('x', csv, {
        local: { name: new Uint8Array([0xc3, 0x28]) },
        central: { name: new Uint8Array([0xc3, 0x28]) },
      }),
    ]);
    expect(codeOf(badUtf8)).toBe('UNSAFE_MEMBER_NAME');
    const bom = readZipSafely(rawZip([plain('\ufeffa.csv', csv)]), defaultLimits);
    expect([...bom.keys()]).toEqual(['\ufeffa.csv']);
  });

  it('rejects encryption, ZIP64, several disks and extra fields that change what is read', () => {
    const flag = (bits: number) =>
      patched(three(), (l) => {
        l.view.setUint16(l.local[1] + 6, 0x0800 | bits, true);
        l.view.setUint16(l.central[1] + 8, 0x0800 | bits, true);
      });
    expect(codeOf(flag(1))).toBe('ZIP_ENCRYPTED');
    expect(codeOf(flag(0x40))).toBe('ZIP_ENCRYPTED');
    expect(codeOf(flag(0x2000))).toBe('ZIP_UNSUPPORTED'); // masked local headers
    expect(codeOf(flag(0x0002))).toBe('OK'); // deflate's "maximum compression" hint
    expect(codeOf(patched(three(), (l) => l.view.setUint16(l.end + 10, 0xffff, true)))).toBe(
      'ZIP_UNSUPPORTED',
    );
    expect(codeOf(patched(three(), (l) => l.view.setUint16(l.end + 4, 1, true)))).toBe(
      'ZIP_UNSUPPORTED',
    );
    const extra = (id: number) =>
      zipSync({ 'a.csv': [csv, { extra: { [id]: new Uint8Array(8) } }] });
    expect(codeOf(extra(0x0001))).toBe('ZIP_UNSUPPORTED'); // ZIP64 sizes
    expect(codeOf(extra(0x7075))).toBe('ZIP_UNSUPPORTED'); // Info-ZIP Unicode path: a second name
    expect(codeOf(extra(0x756e))).toBe('ZIP_UNSUPPORTED'); // Unix mode and link target
    expect(codeOf(extra(0x5455))).toBe('OK'); // extended timestamp
    const malformed = new Uint8Array([0x55, 0x54, 9, 0, 1]);
    expect(codeOf(rawZip([plain('a.csv', csv, { central: { extra: malformed } })]))).toBe(
      'ZIP_UNSUPPORTED',
    );
  });

  it('handles data descriptors strictly', () => {
    const dd = (more: Partial<RawMember>) =>
      codeOf(rawZip([plain('a.csv', csv, { descriptor: true, ...more }), plain('b.csv', csv)]));
    expect(dd({})).toBe('OK');
    expect(dd({ descriptorSays: { crc: 1 } })).toBe('ZIP_MISMATCH');
    expect(dd({ descriptorSays: { size: 1 } })).toBe('ZIP_MISMATCH');
    expect(dd({ descriptorSays: { signature: false } })).toBe('ZIP_UNSUPPORTED');
    expect(dd({ method: 0 })).toBe('ZIP_UNSUPPORTED'); // stored: a streaming reader cannot find its end
    expect(dd({ local: { size: 5 } })).toBe('ZIP_MISMATCH'); // neither zero nor the truth
    expect(dd({ local: { crc: 0xffffffff } })).toBe('ZIP_MISMATCH');
    // The local CRC and sizes may be the truth as well as zero.
    const truth = { crc: crc32(csv), compressedSize: deflateSync(csv).length, size: csv.length };
    expect(dd({ local: truth })).toBe('OK');
  });

  it('checks declared sizes against the limits before inflating, and stops a bomb at its declared size', () => {
    const limits = { ...defaultLimits, maxMemberBytes: 1000, maxTotalBytes: 1500 };
    expect(codeOf(zipSync({ 'a.csv': new Uint8Array(1001) }), limits)).toBe('MEMBER_TOO_LARGE');
    expect(
      codeOf(zipSync({ 'a.csv': new Uint8Array(800), 'b.csv': new Uint8Array(800) }), limits),
    ).toBe('TOTAL_TOO_LARGE');
    // 16 MiB of zeros in ~16 KiB of deflate, declared as 100 bytes: refused after one inflate step.
    const block = deflateSync(new Uint8Array(16 << 20), { level: 9 });
    const started = performance.now();
    const bomb = rawZip([
      plain('a.csv', new Uint8Array(100), {
        stored: block,
        local: { compressedSize: block.length },
        central: { compressedSize: block.length },
      }),
    ]);
    expect(codeOf(bomb)).toBe('MEMBER_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('applies the same checks to members inflated in several steps (over 16 KiB of deflate data)', () => {
    let seed = 7;
    const noise = new Uint8Array(100_000).map(() => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return seed & 0xff;
    });
    const deflated = deflateSync(noise);
    expect(deflated.length).toBeGreaterThan(zipReading.inflateChunkBytes * 4);
    const sized = (size: number, stored = deflated) =>
      codeOf(
        rawZip([
          plain('sr/a.dcm', noise, {
            stored,
            local: { size, compressedSize: stored.length },
            central: { size, compressedSize: stored.length },
          }),
        ]),
      );
    expect(sized(noise.length)).toBe('OK');
    expect(sized(noise.length - 1)).toBe('MEMBER_TOO_LARGE');
    expect(sized(noise.length + 1)).toBe('ZIP_SIZE_MISMATCH');
    expect(sized(noise.length, deflated.slice(0, -1))).toBe('ZIP_CORRUPT');
    const junk = new Uint8Array(deflated.length + 1);
    junk.set(deflated);
    expect(sized(noise.length, junk)).toBe('ZIP_STRAY_BYTES');
    // Noise, then 16 MiB of zeros, declared as the noise alone: refused at the first step past it.
    const tail = new Uint8Array(noise.length + (16 << 20));
    tail.set(noise);
    expect(sized(noise.length, deflateSync(tail))).toBe('MEMBER_TOO_LARGE');
  });

  it('leaves genuine bundles as written: they verify byte for byte and every member comes back unchanged', async () => {
    for (const variant of await genuineBundles()) {
      const before = await sha256Hex(variant.zip);
      const result = await verifyBundle(variant.zip, variant.options);
      expect(result.ok, variant.label).toBe(true);
      if (!result.ok) continue;
      expect(await sha256Hex(variant.zip)).toBe(before); // verification changed nothing
      const plainZip = variant.options.passphrase
        ? await decryptBundle(variant.zip, variant.options.passphrase)
        : variant.zip;
      const expected = unzipSync(plainZip);
      expect([...result.bundle.members.keys()].sort()).toEqual(Object.keys(expected).sort());
      for (const [name, bytes] of result.bundle.members) expect(bytes).toEqual(expected[name]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The property: whatever verify accepts, other readers extract identically.

const SR = `sr/${'cd'.repeat(16)}.dcm`;

let genuine: ReturnType<typeof writeGenuineBundles> | undefined;
/** Written once per run: key generation and PBKDF2 are not free. */
function genuineBundles() {
  genuine ??= writeGenuineBundles();
  return genuine;
}

async function writeGenuineBundles() {
  const base: BundleInput = {
    center: 'Center A',
    software: { name: 'consilium', version: '0.1.0' },
    results: await sampleResults(),
    createdAt: '2025-01-02T03:04:05.000Z',
  };
  const sr = new Uint8Array(5000).map((_, i) => (i * 31) & 0xff);
  const keys = await generateSigningKeys();
  const variants: {
    label: string;
    zip: Uint8Array;
    options: { passphrase?: string };
  }[] = [
    { label: 'plain', zip: await writeBundle(base), options: {} },
    {
      label: 'no labels',
      zip: await writeBundle({ ...base, results: await sampleResults(false) }),
      options: {},
    },
    { label: 'SR', zip: await writeBundle({ ...base, extraMembers: { [SR]: sr } }), options: {} },
    { label: 'signed', zip: await writeBundle({ ...base, signWith: keys }), options: {} },
    {
      label: 'signed with SR',
      zip: await writeBundle({ ...base, signWith: keys, extraMembers: { [SR]: sr } }),
      options: {},
    },
    {
      label: 'encrypted',
      zip: await writeBundle({ ...base, passphrase: 'correct horse', extraMembers: { [SR]: sr } }),
      options: { passphrase: 'correct horse' },
    },
  ];
  return variants;
}

/** Runs a program, undefined when it is not installed. */
const run: Run = (command, args) => {
  try {
    return new Uint8Array(
      execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 }),
    );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
};

const dir = mkdtempSync(join(tmpdir(), 'consilium-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what verify accepts, Python and unzip extract identically', () => {
  it('for genuine bundles (plain, SR members, signed, encrypted) and zips of other honest writers', async () => {
    const readings: Reading[] = [];
    for (const [i, variant] of (await genuineBundles()).entries()) {
      const result = await verifyBundle(variant.zip, variant.options);
      if (!result.ok) throw new Error(`${variant.label}: ${result.error.reason}`);
      const zip = variant.options.passphrase
        ? await decryptBundle(variant.zip, variant.options.passphrase)
        : variant.zip;
      const path = join(dir, `genuine-${i}.zip`);
      writeFileSync(path, zip);
      readings.push({ label: variant.label, path, members: result.bundle.members });
    }
    const honest = rawZip([
      plain('features.csv', csv, { descriptor: true }),
      plain('b.csv', csv, { method: 0, madeBy: 0x031e, externalAttributes: 0o100644 << 16 }),
      plain('sr/c.csv', json, { local: { extra: new Uint8Array([0x55, 0x54, 1, 0, 0]) } }),
    ]);
    writeFileSync(join(dir, 'honest.zip'), honest);
    const members = readZipSafely(honest, defaultLimits);
    readings.push({
      label: 'descriptors, Unix mode, extra field',
      path: join(dir, 'honest.zip'),
      members,
    });

    const { readers, differences } = compareWithOtherReaders(run, readings);
    for (const missing of ['python zipfile', 'unzip'].filter((r) => !readers.includes(r)))
      console.warn(`${missing} is not installed here: that comparison was skipped (CI has it)`);
    expect(differences).toEqual([]);
    // The comparison itself can fail: one changed byte in what we claim to have read is noticed.
    if (readers.length === 0) return;
    const changed = new Map(readings[0].members);
    const csvBytes = (changed.get('features.csv') as Uint8Array).slice();
    csvBytes[0] ^= 1;
    changed.set('features.csv', csvBytes);
    const caught = compareWithOtherReaders(run, [{ ...readings[0], members: changed }]);
    expect(caught.differences).toHaveLength(readers.length);
  });
});
