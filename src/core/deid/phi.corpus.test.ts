import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paramsHash } from '../bundle/paramsHash';
import type { FeatureResult } from '../bundle/types';
import { writeBundle } from '../bundle/writeBundle';
import { isPrivateTag, resolveAction } from './actions';
import { deidentifyFile } from './deidentifyFile';
import { importCollaborationKey } from '../crypto/hmac';
import { pseudonymousKey } from './pseudonym';

const CORPUS = '../shared/data/dicom';
const STANDARD_UID_ROOT = '1.2.840.10008.';
// Shorter strings turn up in pixel data and hex keys by chance: four characters at least, eight
// for digit-only values (a date's length), so "0010" as a study ID is not searched for.
const searchable = (v: string) => (/^[\d.]+$/.test(v) ? v.length >= 8 : v.length >= 4);

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listFiles(path);
      return /\.(tsv|md)$/.test(name) ? [] : [path];
    });
}

function strings(values: unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && !(v instanceof ArrayBuffer)) {
      for (const part of Object.values(v as Record<string, unknown>))
        if (typeof part === 'string') out.push(part);
    }
  }
  // A person name's components identify on their own too ("Doe" in "Doe^Jane").
  return out.flatMap((s) => [s, ...s.split(/[\^=]/)]).map((s) => s.replace(/\0+$/, '').trim());
}

/** Values the profile must not let through, and values it keeps (which cannot count as leaks). */
function collect(ds: DcmjsDataset, identifying: Set<string>, kept: Set<string>): void {
  for (const [tag, el] of Object.entries(ds)) {
    if (el.vr === 'SQ') {
      for (const item of (el.Value ?? []) as DcmjsDataset[]) collect(item, identifying, kept);
      continue;
    }
    const values = strings(el.Value);
    const action = resolveAction(tag);
    if (el.vr === 'UI') {
      for (const v of values) if (!v.startsWith(STANDARD_UID_ROOT)) identifying.add(v);
    } else if (isPrivateTag(tag) || action !== 'keep') {
      for (const v of values) if (!isPrivateTag(tag)) identifying.add(v);
    } else for (const v of values) kept.add(v);
  }
}

describe('de-identification of the shared DICOM corpus', () => {
  it('leaves no patient name, ID, date, institution or original UID in any output byte or bundle', async () => {
    const key = await importCollaborationKey('corpus-collaboration-key');
    const files = listFiles(CORPUS);
    const unreadable: string[] = [];
    const leaks: string[] = [];
    const allIdentifying = new Set<string>();
    const results: FeatureResult[] = [];
    const hash = await paramsHash({ test: 'phi' });
    let checked = 0;
    for (const file of files) {
      const input = new Uint8Array(readFileSync(file));
      let parsed;
      try {
        parsed = dcmjs.data.DicomMessage.readFile(input.slice().buffer);
      } catch {
        unreadable.push(file);
        continue;
      }
      const identifying = new Set<string>();
      const kept = new Set<string>();
      collect(parsed.dict, identifying, kept);
      for (const v of strings(parsed.meta['00020003']?.Value)) identifying.add(v);
      // The implementation class UID (0002,0012) names the writing software and is kept.
      for (const v of strings(parsed.meta['00020012']?.Value)) kept.add(v);
      // What the de-identifier writes itself ("REMOVED", the method) is no leak when a source
      // that was de-identified before holds the same words.
      for (const v of ['REMOVED', 'YES', 'ANONYMIZED']) kept.add(v);
      const secrets = [...identifying].filter(
        (v) => searchable(v) && ![...kept].some((k) => k.includes(v)),
      );
      const { bytes } = await deidentifyFile(input, { key, dates: 'remove' }, file);
      const text = new TextDecoder('latin1').decode(bytes);
      for (const s of secrets) if (text.includes(s)) leaks.push(`${file}: ${JSON.stringify(s)}`);
      for (const s of secrets) allIdentifying.add(s);
      checked++;
      const patient = strings(parsed.dict['00100020']?.Value)[0] ?? file;
      const study = strings(parsed.dict['0020000D']?.Value)[0] ?? file;
      results.push({
        caseKey: await pseudonymousKey(key, 'patient', patient),
        studyKey: await pseudonymousKey(key, 'study', study),
        roi: 'whole-image',
        params: { test: 'phi' },
        paramsHash: hash,
        features: [{ name: 'Mean', code: 'Q4LE', value: checked }],
      });
    }
    const zip = await writeBundle({
      center: 'Corpus',
      software: { name: 'consilium', version: 'test' },
      results: { features: results, predictions: [], edges: [] },
    });
    const texts = [
      new TextDecoder('latin1').decode(zip),
      ...Object.values(unzipSync(zip)).map((m) => new TextDecoder('latin1').decode(m)),
    ];
    for (const s of allIdentifying)
      for (const t of texts) if (t.includes(s)) leaks.push(`bundle: ${JSON.stringify(s)}`);

    console.log(
      `PHI check: ${checked} files de-identified, ${allIdentifying.size} identifying values searched, ${unreadable.length} unreadable by dcmjs: ${unreadable.join(', ')}`,
    );
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(80);
    expect(allIdentifying.size).toBeGreaterThan(200);
    // dcmjs needs a preamble and file meta, and stops on these broken or unusual encodings.
    expect(unreadable.map((f) => f.slice(CORPUS.length + 1))).toEqual([
      'malformed_no_meta_stray_leading_byte.dcm',
      'ot_no_preamble_no_meta_8bit.dcm',
      'pd_J2K_pixelrep_mismatch.dcm',
      'pd_JLSL_RGB_ILV0.dcm',
      'pd_JLSN_RGB_ILV0.dcm',
      'pd_OT-PAL-8-face.dcm',
    ]);
  });
});
