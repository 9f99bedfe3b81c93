import { describe, expect, it } from 'vitest';
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { basicProfile } from './confidentialityProfile';
import { deidentifyDataset, deidentifyMeta } from './deidentifyDataset';
import { deidentifyFile } from './deidentifyFile';
import { importCollaborationKey } from '../crypto/hmac';
import { pseudonymousKey, pseudonymousUid } from './pseudonym';

const STUDY_UID = '1.2.826.0.1.3680043.8.498.1111';
const SOP_UID = '1.2.826.0.1.3680043.8.498.2222';
const REF_UID = '1.2.826.0.1.3680043.8.498.3333';

function sample(): DcmjsDataset {
  return {
    '00080016': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
    '00080018': { vr: 'UI', Value: [SOP_UID] },
    '00080020': { vr: 'DA', Value: ['20210315'] },
    '00080021': { vr: 'DA', Value: ['20210316'] },
    '00080030': { vr: 'TM', Value: ['101500'] },
    '00080050': { vr: 'SH', Value: ['ACC-998877'] },
    '00080060': { vr: 'CS', Value: ['CT'] },
    '00080080': { vr: 'LO', Value: ['St Elsewhere Hospital'] },
    '00081140': {
      vr: 'SQ',
      Value: [
        {
          '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
          '00081155': { vr: 'UI', Value: [REF_UID] },
        },
      ],
    },
    '00090010': { vr: 'LO', Value: ['ACME PRIVATE'] },
    '00091001': { vr: 'LO', Value: ['Jane Doe private copy'] },
    '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Doe^Jane' }] },
    '00100020': { vr: 'LO', Value: ['PAT-12345'] },
    '00100030': { vr: 'DA', Value: ['19600229'] },
    '00101002': {
      vr: 'SQ',
      Value: [{ '00100020': { vr: 'LO', Value: ['OTHER-ID-1'] } }],
    },
    '0020000D': { vr: 'UI', Value: [STUDY_UID] },
    '00280010': { vr: 'US', Value: [2] },
    '0040A730': {
      vr: 'SQ',
      Value: [
        {
          '0040A010': { vr: 'CS', Value: ['CONTAINS'] },
          '0040A040': { vr: 'CS', Value: ['PNAME'] },
          '0040A123': { vr: 'PN', Value: [{ Alphabetic: 'Nurse^Nested' }] },
          '0040A121': { vr: 'DA', Value: ['20210317'] },
          '00291010': { vr: 'LO', Value: ['private in item'] },
        },
      ],
    },
  };
}

describe('deidentifyDataset (PS3.15 E.1 basic profile)', () => {
  it('transcribes Table E.1-1 with one row per attribute', () => {
    const tags = basicProfile.map((r) => r.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(basicProfile.length).toBeGreaterThan(500);
    expect(basicProfile.find((r) => r.tag === '00100010')).toEqual({
      tag: '00100010',
      name: "Patient's Name",
      action: 'Z',
    });
    expect(basicProfile.find((r) => r.tag === '0020000D')?.action).toBe('U');
  });

  it('empties, removes and replaces by the table, inside sequences too, and drops private tags', async () => {
    const key = await importCollaborationKey('center-shared-secret');
    const out = await deidentifyDataset(sample(), { key, dates: 'remove' });
    expect(out['00100010'].Value).toEqual([]);
    expect(out['00080050'].Value).toEqual([]);
    expect(out['00080020'].Value).toEqual([]);
    expect(out['00100030'].Value).toEqual([]);
    expect(out['00080080'].Value).toEqual([]); // X/Z/D resolved to Z
    expect(out['00080021']).toBeUndefined(); // X/D resolved to X
    expect(out['00101002']).toBeUndefined(); // Other Patient IDs Sequence: X
    expect(out['00090010']).toBeUndefined();
    expect(out['00091001']).toBeUndefined();
    const item = (out['0040A730'].Value as DcmjsDataset[])[0];
    expect(item['0040A123'].Value).toEqual([{ Alphabetic: 'ANONYMIZED' }]);
    expect(item['0040A121'].Value).toEqual(['19000101']);
    expect(item['00291010']).toBeUndefined();
    expect(item['0040A040'].Value).toEqual(['PNAME']);
    expect(out['00080060'].Value).toEqual(['CT']);
    expect(out['00280010'].Value).toEqual([2]);
    expect(out['00120062'].Value).toEqual(['YES']);
    const codes = (out['00120064'].Value as DcmjsDataset[]).map((c) => c['00080100'].Value?.[0]);
    expect(codes).toEqual(['113100']);
    expect(JSON.stringify(out)).not.toMatch(
      /Doe|Jane|PAT-12345|ACC-998877|Elsewhere|19600229|20210315|OTHER-ID/,
    );
  });

  it('maps UIDs to 2.25 pseudonyms: same key same UID, other key other UID, standard UIDs kept', async () => {
    const key = await importCollaborationKey('center-shared-secret');
    const other = await importCollaborationKey('another-secret');
    const a = await deidentifyDataset(sample(), { key, dates: 'remove' });
    const b = await deidentifyDataset(sample(), { key, dates: 'remove' });
    const c = await deidentifyDataset(sample(), { key: other, dates: 'remove' });
    const study = a['0020000D'].Value?.[0] as string;
    expect(study).toMatch(/^2\.25\.[1-9]\d*$/);
    expect(study.length).toBeLessThanOrEqual(64);
    expect(study).toBe(await pseudonymousUid(key, STUDY_UID));
    expect(b['0020000D'].Value).toEqual([study]);
    expect(c['0020000D'].Value?.[0]).not.toBe(study);
    const ref = (a['00081140'].Value as DcmjsDataset[])[0];
    expect(ref['00081155'].Value).toEqual([await pseudonymousUid(key, REF_UID)]);
    expect(ref['00081150'].Value).toEqual(['1.2.840.10008.5.1.4.1.1.2']);
    expect(a['00080016'].Value).toEqual(['1.2.840.10008.5.1.4.1.1.2']);
    expect(a['00100020'].Value).toEqual([await pseudonymousKey(key, 'patient', 'PAT-12345')]);
    const meta = await deidentifyMeta(
      { '00020003': { vr: 'UI', Value: [SOP_UID] }, '00020016': { vr: 'AE', Value: ['CT01'] } },
      { key, dates: 'remove' },
    );
    expect(meta['00020003'].Value).toEqual(a['00080018'].Value);
    expect(meta['00020016']).toBeUndefined();
  });

  it('shifts dates by one keyed offset per patient when asked, keeping intervals', async () => {
    const key = await importCollaborationKey('center-shared-secret');
    const out = await deidentifyDataset(sample(), { key, dates: 'shift' });
    const study = out['00080020'].Value?.[0] as string;
    const birth = out['00100030'].Value?.[0] as string;
    expect(study).toMatch(/^\d{8}$/);
    expect(study).not.toBe('20210315');
    const days = (s: string) =>
      Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8)) / 86_400_000;
    expect(days(study) - days(birth)).toBe(days('20210315') - days('19600229'));
    expect(out['00080021'].Value?.[0]).toBe(
      new Date((days(study) + 1) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''),
    );
    const codes = (out['00120064'].Value as DcmjsDataset[]).map((c) => c['00080100'].Value?.[0]);
    expect(codes).toEqual(['113100', '113107']);
  });

  it('writes a readable Part 10 file whose bytes hold none of the identifying values', async () => {
    const key = await importCollaborationKey('center-shared-secret');
    const meta: DcmjsDataset = {
      '00020001': { vr: 'OB', Value: [new Uint8Array([0, 1]).buffer] },
      '00020002': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
      '00020003': { vr: 'UI', Value: [SOP_UID] },
      '00020010': { vr: 'UI', Value: ['1.2.840.10008.1.2.1'] },
      '00020012': { vr: 'UI', Value: ['1.2.826.0.1.3680043.8.498.1'] },
    };
    const dict = new dcmjs.data.DicomDict(meta);
    dict.dict = sample();
    const input = new Uint8Array(dict.write());
    expect(new TextDecoder('latin1').decode(input)).toContain('Doe^Jane');
    const { bytes, counts } = await deidentifyFile(input, { key, dates: 'remove' });
    const text = new TextDecoder('latin1').decode(bytes);
    for (const secret of [
      'Doe^Jane',
      'PAT-12345',
      'ACC-998877',
      'Elsewhere',
      '20210315',
      STUDY_UID,
      SOP_UID,
      REF_UID,
      'Nurse',
      'ACME',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(counts.privateRemoved).toBe(3);
    const back = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer);
    expect(back.meta['00020003'].Value).toEqual([await pseudonymousUid(key, SOP_UID)]);
    expect(back.dict['00120062'].Value).toEqual(['YES']);
  });
});
