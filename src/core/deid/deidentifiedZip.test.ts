import dcmjs from 'dcmjs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../crypto/hmac';
import { demoSliceFile, newDemoContext } from '../dicom/demo/demoSeries';
import { parseInstance } from '../dicom/parse';
import { deidentifiedZip, type DeidSource } from './deidentifiedZip';
import { pseudonymousUid } from './pseudonym';

const SECRET = new TextEncoder().encode('zip collaboration key');

describe('deidentifiedZip (the workbench export)', () => {
  it('zips a series under pseudonymous names, reports the files it cannot read, and leaks nothing', async () => {
    const ctx = newDemoContext({ slices: 3, size: 16 });
    const slices = [0, 1, 2].map((k) => demoSliceFile(ctx, k));
    const sources: DeidSource[] = [
      ...slices.map((f) => ({ name: f.name, read: async () => f.bytes })),
      { name: 'notes.txt', read: async () => new TextEncoder().encode('not DICOM') },
      { name: 'copy.dcm', read: async () => slices[0].bytes },
    ];
    const progress: number[] = [];
    const out = await deidentifiedZip(sources, { secret: SECRET, dates: 'shift' }, (d) =>
      progress.push(d),
    );
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    expect(out.files).toBe(3);
    expect(out.problems.map((p) => [p.code, p.params.file])).toEqual([
      ['deid-unreadable', 'notes.txt'],
      ['deid-duplicate', 'copy.dcm'],
    ]);
    const key = await importCollaborationKey(SECRET);
    const study = await pseudonymousUid(key, ctx.studyInstanceUID);
    const series = await pseudonymousUid(key, ctx.seriesInstanceUID);
    const members = unzipSync(out.zip);
    const names = Object.keys(members).sort();
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect(name).toMatch(new RegExp(`^${study}/${series}/2\\.25\\.\\d+\\.dcm$`));
      const parsed = parseInstance(members[name], name);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.meta.studyInstanceUID).toBe(study);
      expect(parsed.meta.seriesInstanceUID).toBe(series);
      expect(name).toBe(`${study}/${series}/${parsed.meta.sopInstanceUID}.dcm`);
      expect(parsed.meta.patientName).toBe('');
      // Study Time 120000 (Z): emptied. Six digits could turn up in pixels, so read the element.
      const dict = dcmjs.data.DicomMessage.readFile(members[name].slice().buffer).dict;
      expect(dict['00080030'].Value?.join('')).toBe('');
      expect(parsed.meta.studyDate).toMatch(/^\d{8}$/);
      expect(parsed.meta.studyDate).not.toBe('20240101');
      const text = new TextDecoder('latin1').decode(members[name]);
      for (const phi of [
        'Demo^Phantom',
        'CONSILIUM-DEMO',
        'DEMO0001',
        '20240101',
        ctx.studyInstanceUID,
        ctx.seriesInstanceUID,
        ctx.frameOfReferenceUID,
        ...slices.map((f) => f.name),
      ])
        expect(text).not.toContain(phi);
    }
  });

  it('gives the same archive bytes for the same files and key', async () => {
    const ctx = newDemoContext({ slices: 2, size: 16 });
    const sources = [0, 1].map((k) => {
      const f = demoSliceFile(ctx, k);
      return { name: f.name, read: async () => f.bytes };
    });
    const a = await deidentifiedZip(sources, { secret: SECRET, dates: 'remove' });
    const b = await deidentifiedZip(sources, { secret: SECRET, dates: 'remove' });
    expect(a.files).toBe(2);
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });
});
