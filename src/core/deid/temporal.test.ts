// A file written here with every date, time and date-time attribute of the standard (those Table
// E.1-1 lists and those it does not), at the top level and two sequence levels down, through the
// de-identifier in both date modes: no original time of day, date or UTC offset survives, and in
// shift mode every date moves by the patient's keyed offset.
import dcmjs, { type DcmjsDataset } from 'dcmjs';
import { describe, expect, it } from 'vitest';
import { importCollaborationKey } from '../crypto/hmac';
import { concatBytes, elementBytes, encodeText } from '../dicom/demo/explicitLeWriter';
import { writeDicom, type TestElement } from '../dicom/testing/writeDicom';
import { profileAction } from './actions';
import { shiftDate, type DateHandling } from './dates';
import { deidentifyFile } from './deidentifyFile';
import { dateOffsetDays } from './pseudonym';

const DATE = '20210315';
const TIME = '101523.123456';
const DATETIME = `${DATE}101523.123456+0100`;
const PATIENT_ID = 'PAT-77';
const VALUE: Record<string, string> = { DA: DATE, TM: TIME, DT: DATETIME };
// Kept by the profile, so their items are walked: Radiopharmaceutical Information Sequence and,
// inside it, Radionuclide Code Sequence (a PET file's start times live there).
const OUTER_SEQUENCE = 0x00540016;
const INNER_SEQUENCE = 0x00540300;

interface Attribute {
  readonly tag: number;
  readonly key: string;
  readonly vr: string;
  readonly name: string;
}

/** Every standard DA, TM and DT attribute dcmjs's dictionary knows. */
function temporalAttributes(): Attribute[] {
  const out: Attribute[] = [];
  for (const e of Object.values(dcmjs.data.DicomMetaDictionary.nameMap)) {
    const key = e.tag.replace(/[(),]/g, '');
    if (!/^[0-9A-F]{8}$/.test(key) || !(e.vr in VALUE)) continue;
    // Group 0002 belongs in the file meta, and 0000 elements are group lengths.
    if (key.startsWith('0002') || key.endsWith('0000')) continue;
    out.push({ tag: parseInt(key, 16), key, vr: e.vr, name: e.name });
  }
  return out.sort((a, b) => a.tag - b.tag);
}

function elementOf(a: Attribute): Uint8Array {
  return elementBytes(a.tag, a.vr, encodeText(a.vr, VALUE[a.vr]));
}

/** One sequence item (explicit length) holding `content`. */
function item(content: Uint8Array): Uint8Array {
  const header = new Uint8Array(8);
  const view = new DataView(header.buffer);
  view.setUint16(0, 0xfffe, true);
  view.setUint16(2, 0xe000, true);
  view.setUint32(4, content.length, true);
  return concatBytes([header, content]);
}

function sortedElements(attrs: Attribute[], extra: Uint8Array[] = []): Uint8Array {
  const all = [...attrs.map((a) => ({ tag: a.tag, bytes: elementOf(a) }))];
  return concatBytes([...all.sort((a, b) => a.tag - b.tag).map((e) => e.bytes), ...extra]);
}

function fileWithEverything(attrs: Attribute[]): Uint8Array {
  const inner = elementBytes(INNER_SEQUENCE, 'SQ', item(sortedElements(attrs)));
  // The inner sequence (0054,0300) sorts after every temporal tag of groups below 0054 and
  // before the rest, so the item is written in tag order.
  const low = attrs.filter((a) => a.tag < INNER_SEQUENCE);
  const high = attrs.filter((a) => a.tag > INNER_SEQUENCE);
  const outerItem = concatBytes([sortedElements(low), inner, sortedElements(high)]);
  const elements: TestElement[] = [
    { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.128' },
    { tag: [0x0008, 0x0018], vr: 'UI', value: '1.2.826.0.1.3680043.8.498.77' },
    { tag: [0x0010, 0x0020], vr: 'LO', value: PATIENT_ID },
    { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.8.498.78' },
    { tag: [0x0020, 0x000e], vr: 'UI', value: '1.2.826.0.1.3680043.8.498.79' },
    { tag: [OUTER_SEQUENCE >>> 16, OUTER_SEQUENCE & 0xffff], vr: 'SQ', value: item(outerItem) },
    ...attrs.map((a): TestElement => ({
      tag: [a.tag >>> 16, a.tag & 0xffff],
      vr: a.vr,
      value: VALUE[a.vr],
    })),
  ];
  return writeDicom(elements);
}

interface Found {
  readonly path: string;
  readonly vr: string;
  readonly values: readonly unknown[];
}

function temporalIn(ds: DcmjsDataset, prefix = ''): Found[] {
  const out: Found[] = [];
  for (const [tag, el] of Object.entries(ds)) {
    if (el.vr === 'SQ')
      ((el.Value ?? []) as DcmjsDataset[]).forEach((it, k) =>
        out.push(...temporalIn(it, `${prefix}${tag}[${k}].`)),
      );
    else if (el.vr in VALUE)
      out.push({ path: `${prefix}${tag}`, vr: el.vr, values: el.Value ?? [] });
  }
  return out;
}

describe('dates and times through the de-identifier', async () => {
  const key = await importCollaborationKey('temporal-test-key');
  const attrs = temporalAttributes();
  const input = fileWithEverything(attrs);
  const offset = await dateOffsetDays(key, PATIENT_ID, 3650);
  const shiftedDate = shiftDate(DATE, offset);

  it('writes the test file with every temporal attribute at three depths', () => {
    expect(attrs.length).toBeGreaterThan(150);
    expect(attrs.filter((a) => profileAction(a.key)).length).toBeGreaterThan(140);
    expect(attrs.filter((a) => !profileAction(a.key)).length).toBeGreaterThan(5);
    expect(profileAction('00540016')).toBeUndefined();
    expect(profileAction('00540300')).toBeUndefined();
    // writeDicom leaves out the meta group length dcmjs wants (deidentifyFile adds it).
    const read = dcmjs.data.DicomMessage.readFile(input.slice().buffer, { ignoreErrors: true });
    const found = temporalIn(read.dict);
    expect(found).toHaveLength(attrs.length * 3);
    expect(read.dict['00080013'].Value).toEqual([TIME]);
    expect(new TextDecoder('latin1').decode(input)).toContain(TIME);
  });

  for (const dates of ['shift', 'remove'] as DateHandling[])
    it(`${dates}: no original time, date or UTC offset is left, at any depth`, async () => {
      const { bytes } = await deidentifyFile(input, { key, dates });
      const text = new TextDecoder('latin1').decode(bytes);
      for (const original of ['101523', DATE, '+0100']) expect(text).not.toContain(original);
      const out = dcmjs.data.DicomMessage.readFile(bytes.slice().buffer).dict;
      // The issue's own example: Instance Creation Time (X/Z/D) is emptied, in both modes.
      expect(out['00080013'].Value?.join('')).toBe('');
      const found = temporalIn(out);
      for (const f of found) {
        const v = f.values.map(String);
        if (f.vr === 'TM') expect(['', '000000']).toEqual(expect.arrayContaining(v));
        else if (dates === 'shift') expect(v, f.path).toEqual([shiftedDate]);
        else expect(['', '19000101', '19000101000000']).toEqual(expect.arrayContaining(v));
      }
      const paths = new Set(found.map((f) => f.path));
      const times = attrs.filter((a) => a.vr === 'TM');
      const datesAndDateTimes = attrs.filter((a) => a.vr !== 'TM');
      if (dates === 'shift') {
        // Every date and date-time is still there, shifted, at all three depths.
        for (const a of datesAndDateTimes)
          for (const p of [a.key, `00540016[0].${a.key}`, `00540016[0].00540300[0].${a.key}`])
            expect(paths.has(p), p).toBe(true);
        expect(shiftedDate).not.toBe(DATE);
        expect(offset).toBeLessThan(0);
      }
      expect(times.length).toBeGreaterThan(40);
      expect(out['00280303'].Value).toEqual([dates === 'shift' ? 'MODIFIED' : 'REMOVED']);
    });
});
