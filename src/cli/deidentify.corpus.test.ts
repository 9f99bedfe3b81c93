// `consilium deidentify` over real corpus files (a folder, single files, a zip of some, a file
// that is not DICOM) and over the hostile reproducers: one record per input, outputs named only
// by pseudonymous UIDs, no identifier, date or time of an input in any output byte, the UIDs the
// ones core/deid/pseudonym gives under the key, and every output readable by dcmjs and the core.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../core/crypto/hmac.ts';
import { isPrivateTag, resolveAction } from '../core/deid/actions.ts';
import { pseudonymousUid } from '../core/deid/pseudonym.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import type { Result } from '../core/result.ts';

const CORPUS = '../shared/data/dicom';
const REPRO = '../shared/data/fuzz-repro/dicom';
const KEY = 'deidentify corpus key';
const STANDARD_UID_ROOT = '1.2.840.10008.';
const TEMPORAL = new Set(['DA', 'DT', 'TM']);

interface Written {
  file: string;
  out: string;
}

async function consilium(args: string[]): Promise<{ code: number; records: Result<Written>[] }> {
  const run = promisify(execFile);
  let stdout: string;
  let code = 0;
  try {
    ({ stdout } = await run(process.execPath, ['bin/consilium.mjs', 'deidentify', ...args], {
      maxBuffer: 64 * 1024 * 1024,
    }));
  } catch (e) {
    const failed = e as { code: number; stdout: string };
    code = failed.code;
    stdout = failed.stdout;
  }
  const records = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Result<Written>);
  return { code, records };
}

function text(values: unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && !(v instanceof ArrayBuffer))
      for (const part of Object.values(v as Record<string, unknown>))
        if (typeof part === 'string') out.push(part);
  }
  return out.flatMap((s) => [s, ...s.split(/[\^=]/)]).map((s) => s.replace(/\0+$/, '').trim());
}

/** What must not survive: identifying values, every date and time, non-standard UIDs. */
function secretsOf(ds: DcmjsDataset, into: Set<string>, kept: Set<string>): void {
  for (const [tag, el] of Object.entries(ds)) {
    if (el.vr === 'SQ') {
      for (const item of (el.Value ?? []) as DcmjsDataset[]) secretsOf(item, into, kept);
      continue;
    }
    const values = text(el.Value).filter((v) => v !== '');
    if (el.vr === 'UI') for (const v of values) if (!v.startsWith(STANDARD_UID_ROOT)) into.add(v);
    if (TEMPORAL.has(el.vr) || isPrivateTag(tag) || resolveAction(tag) !== 'keep')
      for (const v of values) into.add(v);
    else if (el.vr !== 'UI') for (const v of values) kept.add(v);
  }
}

/** Strings long enough not to turn up by chance in pixel data or in a 2.25 pseudonym. */
const searchable = (v: string) => (/^[\d.+-]+$/.test(v) ? v.length >= 8 : v.length >= 4);

function temporalValues(ds: DcmjsDataset, into: string[]): void {
  for (const el of Object.values(ds)) {
    if (el.vr === 'SQ')
      for (const item of (el.Value ?? []) as DcmjsDataset[]) temporalValues(item, into);
    else if (TEMPORAL.has(el.vr)) into.push(...text(el.Value));
  }
}

describe('consilium deidentify', () => {
  it('de-identifies corpus files into a folder and a zip: no identifier, date or time of an input is left, UIDs are the keyed pseudonyms', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-deidentify-'));
    writeFileSync(join(dir, 'collab.key'), `${KEY}\n`);
    const singles = [
      'pt_acrin_flt_signed16_rescale.dcm',
      'ct_DeflatedExplicitVRLittleEndian.dcm',
      'pd_emri_small.dcm',
      'pd_eCT_Supplemental.dcm',
      'rtdose_32bit_15frames_implicit.dcm',
      'seg_1bit_liver_1frame.dcm',
      'us_ybr_full_422.dcm',
      'ct_BigEndianExplicit.dcm',
      'no_pixel_data.dcm',
      'README.md',
    ].map((f) => join(CORPUS, f));
    const zipped = ['pd_MR_small.dcm', 'pd_CT_small.dcm', 'cr_jpeg_extended_10bit.dcm'];
    const zipPath = join(dir, 'some.zip');
    writeFileSync(
      zipPath,
      zipSync(Object.fromEntries(zipped.map((f) => [f, readFileSync(join(CORPUS, f))]))),
    );
    const folder = join(CORPUS, 'series_mr_6slices_256');
    const inputs = new Map<string, Uint8Array>();
    for (const f of readdirSync(folder).sort())
      inputs.set(join(folder, f), new Uint8Array(readFileSync(join(folder, f))));
    for (const f of singles) inputs.set(f, new Uint8Array(readFileSync(f)));
    for (const f of zipped)
      inputs.set(`${zipPath}/${f}`, new Uint8Array(readFileSync(join(CORPUS, f))));

    const key = await importCollaborationKey(KEY);
    const args = [folder, ...singles, zipPath, '--key-file', join(dir, 'collab.key'), '--json'];
    const asFolder = await consilium([...args, '--out', join(dir, 'out'), '--dates', 'shift']);
    const asZip = await consilium([...args, '--out', join(dir, 'out.zip')]);
    const zip = unzipSync(new Uint8Array(readFileSync(join(dir, 'out.zip'))));

    for (const [mode, run] of [
      ['folder', asFolder],
      ['zip', asZip],
    ] as const) {
      // One record per input, in input order. The errors: the README, and the big-endian copy
      // of the deflated CT (the same instance, so the same output name), written once.
      expect(run.records.map((r) => (r.ok ? r.value.file : r.error.params.file))).toEqual([
        ...inputs.keys(),
      ]);
      const failures = run.records.filter((r) => !r.ok);
      expect(failures.map((r) => !r.ok && [r.error.code, r.error.params.file])).toEqual([
        ['deid-duplicate', join(CORPUS, 'ct_BigEndianExplicit.dcm')],
        ['deid-unreadable', join(CORPUS, 'README.md')],
      ]);
      expect(run.code).toBe(1);
      for (const r of run.records) {
        if (!r.ok) continue;
        const input = inputs.get(r.value.file)!;
        const source = dcmjs.data.DicomMessage.readFile(input.slice().buffer);
        const bytes =
          mode === 'folder'
            ? new Uint8Array(readFileSync(r.value.out))
            : zip[relative(join(dir, 'out.zip'), r.value.out)];
        expect(bytes, r.value.out).toBeDefined();

        // Named by the pseudonyms of the input's own UIDs; dcmjs and the core read it.
        const out = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer);
        const uid = (ds: DcmjsDataset, tag: string) => String(ds[tag]?.Value?.[0] ?? '');
        const expected = await Promise.all(
          ['0020000D', '0020000E', '00080018'].map((t) =>
            pseudonymousUid(key, uid(source.dict, t)),
          ),
        );
        expect(['0020000D', '0020000E', '00080018'].map((t) => uid(out.dict, t))).toEqual(expected);
        expect(uid(out.meta, '00020003')).toBe(
          await pseudonymousUid(key, uid(source.meta, '00020003')),
        );
        expect(r.value.out.endsWith(`${expected.join('/')}.dcm`)).toBe(true);
        const parsed = parseInstance(bytes, r.value.out);
        if (!parsed.ok) expect(parsed.error.code, r.value.file).toBe('no-pixel-data');

        // No identifying value, original UID, date or long time in the bytes or the path.
        const secrets = new Set<string>();
        const kept = new Set<string>();
        secretsOf(source.dict, secrets, kept);
        for (const v of text(source.meta['00020003']?.Value)) secrets.add(v);
        // The implementation class UID (0002,0012) names the writing software and is kept.
        for (const v of text(source.meta['00020012']?.Value)) kept.add(v);
        // Words the de-identifier writes itself, which an already de-identified source may hold.
        for (const v of ['REMOVED', 'MODIFIED', 'YES', 'ANONYMIZED']) kept.add(v);
        const leaks = [...secrets].filter(
          (s) => searchable(s) && ![...kept].some((k) => k.includes(s)),
        );
        const latin1 = new TextDecoder('latin1').decode(bytes);
        for (const s of leaks) {
          expect(latin1.includes(s), `${r.value.file} keeps ${s}`).toBe(false);
          expect(r.value.out.includes(s), `${r.value.out} names ${s}`).toBe(false);
        }
        // Times and dates of any length, element by element: none equals an input's.
        const before: string[] = [];
        const after: string[] = [];
        temporalValues(source.dict, before);
        temporalValues(out.dict, after);
        const original = new Set(before.filter((v) => !['', '000000', '19000101'].includes(v)));
        expect(
          after.filter((v) => original.has(v)),
          r.value.file,
        ).toEqual([]);
        expect(
          after.filter((v) => !/^(\d{8})?$|^000000$|^19000101000000$/.test(v)),
          r.value.file,
        ).toEqual([]);
      }
    }
    // One member per input that could be de-identified.
    expect(Object.keys(zip)).toHaveLength(inputs.size - 2);
  });

  it('gives every hostile reproducer one record in bounded time, refusing the deflate bombs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'consilium-deidentify-repro-'));
    writeFileSync(join(dir, 'collab.key'), KEY);
    const started = performance.now();
    const { records } = await consilium([
      REPRO,
      '--key-file',
      join(dir, 'collab.key'),
      '--out',
      join(dir, 'out'),
      '--json',
    ]);
    const seconds = (performance.now() - started) / 1000;
    expect(records).toHaveLength(readdirSync(REPRO).length);
    const codes = Object.fromEntries(
      records.map((r) =>
        r.ok
          ? [r.value.file.slice(REPRO.length + 1), 'ok']
          : [String(r.error.params.file).slice(REPRO.length + 1), r.error.code],
      ),
    );
    expect(codes['deflate-bomb-1GiB.dcm']).toBe('deid-too-large');
    expect(codes['deflate-bomb-3GiB.dcm']).toBe('deid-too-large');
    expect(codes['sequence-bomb-call-stack.dcm']).toBe('deid-unreadable');
    expect(seconds).toBeLessThan(60);
    console.log(`deidentify over ${records.length} reproducers: ${seconds.toFixed(1)} s`, codes);
  });
});
