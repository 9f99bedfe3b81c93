import dcmjs, { type DcmjsDataset } from 'dcmjs';
import {
  deidentifyDataset,
  deidentifyMeta,
  emptyCounts,
  type DeidCounts,
  type DeidOptions,
} from './deidentifyDataset';
import { checkInflatedSize, DEFLATED_SYNTAX, readMetaGroup, withGroupLength } from './part10';
import { ProblemError } from '../result.ts';

/** The pseudonymous UIDs a de-identified file carries, which name it. */
export interface DeidentifiedUids {
  readonly study: string;
  readonly series: string;
  readonly instance: string;
}

export interface DeidFileResult {
  readonly bytes: Uint8Array;
  readonly counts: DeidCounts;
  readonly uids: DeidentifiedUids;
  /** "study/series/instance.dcm" from the pseudonymous UIDs: no original identifier in it. */
  readonly path: string;
}

const EXPLICIT_LE = '1.2.840.10008.1.2.1';

function uidOf(ds: DcmjsDataset, tag: string): string {
  const v = ds[tag]?.Value?.[0];
  return typeof v === 'string' ? v.replace(/\0+$/, '').trim() : '';
}

/** Where a de-identified file goes in a folder or zip of them. */
export function deidentifiedPath(uids: DeidentifiedUids): string {
  const safe = (uid: string, none: string) => (/^[\d.]+$/.test(uid) ? uid : none);
  return `${safe(uids.study, 'no-study-uid')}/${safe(uids.series, 'no-series-uid')}/${uids.instance}.dcm`;
}

function readPart10(bytes: Uint8Array, maxInflatedBytes: number | undefined, file?: string) {
  const meta = readMetaGroup(bytes, file);
  if (meta.transferSyntaxUid === DEFLATED_SYNTAX)
    checkInflatedSize(bytes, meta.end, maxInflatedBytes, file);
  try {
    return dcmjs.data.DicomMessage.readFile(withGroupLength(bytes, meta).slice().buffer);
  } catch (err) {
    // dcmjs throws strings, Errors and RangeErrors (a stack overflow on absurd nesting) alike.
    const reason = `This file could not be read as DICOM for de-identification: ${err instanceof Error ? err.message : String(err)}`;
    throw new ProblemError('deid-unreadable', reason, file === undefined ? {} : { file });
  }
}

/**
 * De-identify one Part 10 file. Throws a ProblemError (code deid-unreadable, deid-too-large,
 * deid-too-deep or deid-no-uid; params.file) the caller can show, when it cannot.
 */
export async function deidentifyFile(
  bytes: Uint8Array,
  options: DeidOptions,
  file?: string,
): Promise<DeidFileResult> {
  const parsed = readPart10(bytes, options.maxInflatedBytes, file);
  const counts = emptyCounts();
  const meta = await deidentifyMeta(parsed.meta, options);
  // dcmjs inflates a deflated data set on read but writes it back plain, so say so in the header.
  if (meta['00020010']?.Value?.[0] === DEFLATED_SYNTAX)
    meta['00020010'] = { vr: 'UI', Value: [EXPLICIT_LE] };
  const dict = new dcmjs.data.DicomDict(meta);
  dict.dict = await deidentifyDataset(parsed.dict, options, counts);
  const uids = {
    study: uidOf(dict.dict, '0020000D'),
    series: uidOf(dict.dict, '0020000E'),
    instance: uidOf(dict.dict, '00080018') || uidOf(meta, '00020003'),
  };
  if (!/^[\d.]+$/.test(uids.instance))
    throw new ProblemError(
      'deid-no-uid',
      'This file has no SOP Instance UID, so its de-identified copy could not be named.',
      file === undefined ? {} : { file },
    );
  let written: ArrayBuffer;
  try {
    written = dict.write();
  } catch (err) {
    const reason = `The de-identified file could not be written: ${err instanceof Error ? err.message : String(err)}`;
    throw new ProblemError('deid-write-failed', reason, file === undefined ? {} : { file });
  }
  return { bytes: new Uint8Array(written), counts, uids, path: deidentifiedPath(uids) };
}
