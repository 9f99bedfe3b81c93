// Every date, time and date-time of the real corpus files, through the de-identifier in both date
// modes: no original time of day survives anywhere (InstanceCreationTime included), and shifted
// dates all move by the same whole number of days within a file.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../crypto/hmac';
import { isPrivateTag } from './actions';
import type { DateHandling } from './dates';
import { deidentifyFile } from './deidentifyFile';

const CORPUS = '../shared/data/dicom';
const TEMPORAL = new Set(['DA', 'DT', 'TM']);
const BINARY = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'UN']);
// Values the de-identifier writes itself, which a source may happen to hold too.
const DUMMIES = new Set(['', '000000', '19000101', '19000101000000']);

function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listFiles(path);
      return /\.(tsv|md)$/.test(name) ? [] : [path];
    });
}

interface Found {
  readonly path: string;
  readonly vr: string;
  readonly value: string;
}

/** Every string value, with its tag path (sequence items by index). */
function values(ds: DcmjsDataset, prefix = ''): Found[] {
  const out: Found[] = [];
  for (const [tag, el] of Object.entries(ds)) {
    const path = `${prefix}${tag}`;
    if (el.vr === 'SQ') {
      ((el.Value ?? []) as DcmjsDataset[]).forEach((item, k) =>
        out.push(...values(item, `${path}[${k}].`)),
      );
      continue;
    }
    if (BINARY.has(el.vr)) continue;
    for (const v of el.Value ?? [])
      if (typeof v === 'string') out.push({ path, vr: el.vr, value: v.replace(/\0+$/, '').trim() });
  }
  return out;
}

const isPrivatePath = (path: string) => path.split('.').some((t) => isPrivateTag(t.slice(0, 8)));

const days = (ymd: string) =>
  Date.UTC(+ymd.slice(0, 4), +ymd.slice(4, 6) - 1, +ymd.slice(6, 8)) / 86_400_000;

describe('dates and times of the shared DICOM corpus', () => {
  for (const dates of ['shift', 'remove'] as DateHandling[])
    it(`${dates}: no original time or date survives${dates === 'shift' ? ', and each file moves its dates by one offset' : ''}`, async () => {
      const key = await importCollaborationKey('corpus-collaboration-key');
      const leaks: string[] = [];
      const offsets: string[] = [];
      let times = 0;
      let datesSeen = 0;
      let shifted = 0;
      for (const file of listFiles(CORPUS)) {
        const input = new Uint8Array(readFileSync(file));
        let source;
        try {
          source = dcmjs.data.DicomMessage.readFile(input.slice().buffer);
        } catch {
          continue; // the PHI test lists the files dcmjs cannot read
        }
        const temporal = values(source.dict).filter(
          (f) => TEMPORAL.has(f.vr) && !DUMMIES.has(f.value) && !/^\d{4}$/.test(f.value),
        );
        const originals = new Set(temporal.map((f) => f.value));
        times += temporal.filter((f) => f.vr === 'TM').length;
        datesSeen += temporal.filter((f) => f.vr !== 'TM').length;
        const { bytes } = await deidentifyFile(input, { key, dates }, file);
        const out = values(dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict);
        const name = file.slice(CORPUS.length + 1);
        for (const f of out) {
          if (TEMPORAL.has(f.vr) && originals.has(f.value))
            leaks.push(`${name} ${f.path}: ${f.value}`);
          if (f.vr === 'TM' && !DUMMIES.has(f.value))
            leaks.push(`${name} ${f.path}: time ${f.value}`);
          if (f.vr === 'DT' && f.value.length > 8 && !DUMMIES.has(f.value))
            leaks.push(`${name} ${f.path}: ${f.value}`);
          // A date or time (8+ characters) inside any other text would leak it too.
          if (!TEMPORAL.has(f.vr) && f.vr !== 'UI')
            for (const o of originals)
              if (o.length >= 8 && f.value.includes(o)) leaks.push(`${name} ${f.path}: ${o}`);
        }
        // The bytes themselves, pixel data included: no original date or long time string.
        const text = new TextDecoder('latin1').decode(bytes);
        for (const o of originals)
          if (o.length >= 8 && text.includes(o)) leaks.push(`${name} bytes: ${o}`);
        if (dates === 'remove') continue;
        // One offset per file: every shifted date sits the same whole number of days earlier.
        const byPath = new Map(out.map((f) => [f.path, f]));
        const moved = new Set<number>();
        for (const f of temporal) {
          // Private elements are removed, not shifted.
          if (f.vr === 'TM' || !/^\d{8}/.test(f.value) || isPrivatePath(f.path)) continue;
          const after = byPath.get(f.path)?.value ?? '';
          expect(after, `${name} ${f.path}`).toMatch(/^\d{8}$/);
          moved.add(days(after) - days(f.value.slice(0, 8)));
          shifted++;
        }
        if (moved.size > 1) offsets.push(`${name}: ${[...moved].join(', ')}`);
        for (const d of moved) expect(d).toBeLessThan(0);
      }
      console.log(
        `${dates}: ${times} times and ${datesSeen} dates/date-times checked, ${shifted} shifted`,
      );
      expect(leaks).toEqual([]);
      expect(offsets).toEqual([]);
      expect(times).toBeGreaterThan(200);
      if (dates === 'shift') expect(shifted).toBeGreaterThan(300);
    });
});
