import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import { pseudonymousUid } from '../core/deid/pseudonym.ts';
import { demoSliceFile, newDemoContext } from '../core/dicom/demo/demoSeries.ts';
import { deidentifyCommand, parseDeidentifyArgs } from './deidentify.ts';

function usageError(argv: string[]): string {
  try {
    parseDeidentifyArgs(argv);
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

/** Runs the command in this process; its stdout lines. */
async function run(argv: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).trimEnd().split('\n'));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await deidentifyCommand(argv);
  vi.restoreAllMocks();
  return { code, lines };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('consilium deidentify arguments', () => {
  it('needs inputs, --out and --key-file, and knows the two date modes', () => {
    expect(usageError(['--out', 'o', '--key-file', 'k'])).toMatch(/Name the DICOM files/);
    expect(usageError(['a', '--key-file', 'k'])).toMatch(/--out/);
    expect(usageError(['a', '--out', 'o'])).toMatch(/--key-file/);
    expect(usageError(['a', '--out', 'o', '--key-file', 'k', '--dates', 'keep'])).toMatch(
      /"remove" or "shift"/,
    );
    expect(usageError(['data', '--out', 'data/deid', '--key-file', 'k'])).toMatch(
      /inside the input/,
    );
    const args = parseDeidentifyArgs(['a', 'b', '--out', 'x.ZIP', '--key-file', 'k']);
    expect(args).toMatchObject({ paths: ['a', 'b'], zip: true, dates: 'remove', json: false });
  });
});

describe('consilium deidentify', () => {
  it('writes a folder and a zip of the same files named by their pseudonymous UIDs, one record each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consilium-deid-unit-'));
    const ctx = newDemoContext({ slices: 2, size: 16 });
    const inputs = join(dir, 'in');
    mkdirSync(inputs);
    for (const k of [0, 1]) {
      const f = demoSliceFile(ctx, k);
      writeFileSync(join(inputs, f.name), f.bytes);
    }
    writeFileSync(join(inputs, 'notes.txt'), 'not DICOM');
    writeFileSync(join(dir, 'key'), 'unit key\n');
    const common = [inputs, '--key-file', join(dir, 'key'), '--json'];
    const folder = await run([...common, '--out', join(dir, 'out'), '--dates', 'shift']);
    const zipped = await run([...common, '--out', join(dir, 'out.zip')]);
    for (const { code, lines } of [folder, zipped]) {
      expect(code).toBe(1); // notes.txt is not DICOM
      const records = lines.map((l) => JSON.parse(l));
      expect(records.map((r) => r.ok)).toEqual([true, true, false]);
      expect(records[2].error).toMatchObject({
        code: 'deid-unreadable',
        params: { file: join(inputs, 'notes.txt') },
      });
    }
    const key = await importCollaborationKey('unit key');
    const study = await pseudonymousUid(key, ctx.studyInstanceUID);
    const series = await pseudonymousUid(key, ctx.seriesInstanceUID);
    const written = readdirSync(join(dir, 'out', study, series)).sort();
    expect(written).toHaveLength(2);
    expect(readdirSync(join(dir, 'out'))).toEqual([study]); // no partial files left over
    const members = Object.keys(unzipSync(new Uint8Array(readFileSync(join(dir, 'out.zip')))));
    expect(members.sort()).toEqual(written.map((n) => `${study}/${series}/${n}`));
    expect(readdirSync(dir).sort()).toEqual(['in', 'key', 'out', 'out.zip']);
  });

  it('leaves no zip behind when nothing could be de-identified', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'consilium-deid-unit-'));
    writeFileSync(join(dir, 'a.txt'), 'not DICOM');
    writeFileSync(join(dir, 'key'), 'k');
    const out = join(dir, 'o.zip');
    const { code } = await run([join(dir, 'a.txt'), '--key-file', join(dir, 'key'), '--out', out]);
    expect(code).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'key']);
  });
});
