// The derived map a front end stores on a PACS: identified into the source study, or
// pseudonymised (case key, keyed UIDs, dates removed or shifted) into the research study, its
// decoded values the map's own to within one storage step, its source images named.
import dcmjs from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../crypto/hmac.ts';
import { typedSecretBytes } from '../crypto/secret.ts';
import { pseudonymousKey, pseudonymousUid } from '../deid/pseudonym.ts';
import { decodeFrame } from '../dicom/decode.ts';
import { makeDemoSeries } from '../dicom/demo/demoSeries.ts';
import { parseInstance } from '../dicom/parse.ts';
import type { InstanceMeta } from '../dicom/types.ts';
import { MULTIFRAME_GRAYSCALE_WORD_SC } from '../dicom/write/secondaryCapture.ts';
import { sliceLocationsMm } from '../dicom/write/seriesMap.ts';
import { mapToStore, type MapRequest } from './mapToStore.ts';

const SIZE = 16;
const SLICES = 3;

function metas(): InstanceMeta[] {
  return makeDemoSeries({ slices: SLICES, size: SIZE }).map((d) => {
    const p = parseInstance(d.bytes, d.name);
    if (!p.ok) throw new Error(p.error.reason);
    return p.meta;
  });
}

function request(ms: InstanceMeta[]): MapRequest {
  const values = new Float32Array(SIZE * SIZE * SLICES).map((_, i) => Math.sin(i / 7) * 300 - 12.5);
  return {
    dims: [SIZE, SIZE, SLICES],
    values,
    description: 'log:sigma=2,truncate=4,boundary=mirror,dims=3',
    slices: ms.map((m) => ({
      sopClassUid: m.sopClassUID,
      sopInstanceUid: m.sopInstanceUID,
      position: m.imagePositionPatient,
      orientation: m.imageOrientationPatient,
    })),
    sliceSpacingMm: 2.5,
    source: {
      patientName: ms[0].patientName,
      patientID: ms[0].patientID,
      studyInstanceUID: ms[0].studyInstanceUID,
      studyDate: '20240315',
    },
  };
}

function dataset(bytes: Uint8Array) {
  return dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
}

describe('mapToStore', () => {
  it('writes the identified map into the source study, naming the source images', async () => {
    const ms = metas();
    const req = request(ms);
    const out = await mapToStore(req);
    expect(out.studyInstanceUid).toBe(ms[0].studyInstanceUID);
    expect(out.sourceStudyInstanceUid).toBe(ms[0].studyInstanceUID);
    const parsed = parseInstance(out.bytes, 'map.dcm');
    if (!parsed.ok) throw new Error(parsed.error.reason);
    expect(parsed.meta.sopClassUID).toBe(MULTIFRAME_GRAYSCALE_WORD_SC);
    expect(parsed.meta.patientID).toBe(ms[0].patientID);
    expect(parsed.meta.frames).toBe(SLICES);
    let min = Infinity;
    let max = -Infinity;
    for (const v of req.values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    const step = (max - min) / 65535;
    for (let z = 0; z < SLICES; z++) {
      const frame = await decodeFrame(out.bytes, parsed.meta, z);
      for (let i = 0; i < SIZE * SIZE; i++)
        expect(Math.abs(frame.values[i] - req.values[z * SIZE * SIZE + i])).toBeLessThanOrEqual(
          step / 2 + 1e-3,
        );
    }
    const ds = dataset(out.bytes);
    const sources = ds['00082112'].Value as Record<string, { Value: string[] }>[];
    expect(sources.map((s) => s['00081155'].Value[0])).toEqual(ms.map((m) => m.sopInstanceUID));
    expect(ds['00120062']).toBeUndefined();
    // The slices lie where the series' slices lie along its normal.
    const z = ms.map((m) => m.imagePositionPatient![2]);
    expect((ds['00182005'].Value as string[]).map(Number)).toEqual(
      z.map((v) => expect.closeTo(v, 6)),
    );
  });

  it('pseudonymises the map for a research PACS: case key, keyed UIDs, no real identifier', async () => {
    const ms = metas();
    const passphrase = 'research passphrase for the map';
    const secret = typedSecretBytes(passphrase);
    const key = await importCollaborationKey(secret);
    for (const dates of ['remove', 'shift'] as const) {
      const out = await mapToStore({
        ...request(ms),
        pseudonymised: { secret, reportDates: dates },
      });
      const research = await pseudonymousUid(key, ms[0].studyInstanceUID);
      expect(out.studyInstanceUid).toBe(research);
      expect(out.sourceStudyInstanceUid).toBe(ms[0].studyInstanceUID);
      const ds = dataset(out.bytes);
      const caseKey = await pseudonymousKey(key, 'patient', ms[0].patientID);
      expect(ds['00100020'].Value).toEqual([caseKey]);
      expect(ds['0020000D'].Value).toEqual([research]);
      expect(ds['00120062'].Value).toEqual(['YES']);
      const sources = ds['00082112'].Value as Record<string, { Value: string[] }>[];
      expect(sources[0]['00081155'].Value[0]).toBe(
        await pseudonymousUid(key, ms[0].sopInstanceUID),
      );
      const studyDate = ((ds['00080020']?.Value ?? []) as string[]).filter(Boolean);
      if (dates === 'remove') expect(studyDate).toEqual([]);
      else expect(studyDate[0]).toMatch(/^\d{8}$/);
      expect(studyDate).not.toContain('20240315');
      const text = new TextDecoder('latin1').decode(out.bytes);
      for (const real of [
        ms[0].patientID,
        ms[0].patientName,
        ms[0].studyInstanceUID,
        ...ms.map((m) => m.sopInstanceUID),
      ])
        if (real) expect(text).not.toContain(real);
    }
  });

  it('steps along the normal where the slices share a position (one multi-frame image)', () => {
    const slice = {
      sopClassUid: '1.2',
      sopInstanceUid: '1.2.3',
      position: [0, 0, 10] as [number, number, number],
      orientation: [1, 0, 0, 0, 1, 0] as const,
    };
    expect(sliceLocationsMm([slice, slice, slice], 3, 2)).toEqual([10, 12, 14]);
  });
});
