import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import type { CryptoKeyHandle } from '../crypto/subtle';
import { ProblemError } from '../result.ts';
import { isPrivateTag, resolveAction } from './actions';
import { shiftDate, shiftDateTime, type DateHandling } from './dates';
import { dateOffsetDays, MAX_SHIFT_DAYS, pseudonymousKey, pseudonymousUid } from './pseudonym';
import { isTemporal, temporalAction } from './temporal';

export type { DateHandling } from './dates';

export interface DeidOptions {
  /** HMAC key shared by the collaborating centers (see importCollaborationKey). */
  readonly key: CryptoKeyHandle;
  /**
   * 'remove' applies the table to dates; 'shift' moves dates by a keyed per-patient offset of
   * whole days. Times are removed either way (temporal.ts).
   */
  readonly dates: DateHandling;
  /** Largest shift in days for 'shift' (default ten years). */
  readonly maxShiftDays?: number;
  /** Largest inflated size of a Deflated data set (deidentifyFile; default part10.ts's). */
  readonly maxInflatedBytes?: number;
}

export interface DeidCounts {
  privateRemoved: number;
  removed: number;
  emptied: number;
  replaced: number;
  uidsReplaced: number;
  datesShifted: number;
}

interface Context {
  readonly options: DeidOptions;
  readonly offsetDays: number;
  readonly counts: DeidCounts;
  readonly depth: number;
}

const DUMMY = 'ANONYMIZED';
const PATIENT_ID = '00100020';
const STANDARD_UID_ROOT = '1.2.840.10008.';
const TEXT_DUMMY: Record<string, unknown> = {
  DA: '19000101',
  TM: '000000',
  DT: '19000101000000',
  AS: '000Y',
  DS: 0,
  IS: 0,
  FL: 0,
  FD: 0,
  SL: 0,
  SS: 0,
  UL: 0,
  US: 0,
  PN: { Alphabetic: DUMMY },
};
const BINARY_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'UN']);
// Real objects nest a few levels (an SR content tree a few more); deeper is hostile input.
const MAX_SEQUENCE_DEPTH = 64;

function firstString(el: DcmjsElement | undefined): string {
  const v = el?.Value?.[0];
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'Alphabetic' in v)
    return String((v as { Alphabetic: unknown }).Alphabetic);
  return '';
}

async function mapUids(el: DcmjsElement, ctx: Context, all: boolean): Promise<DcmjsElement> {
  const values: unknown[] = [];
  for (const v of el.Value ?? []) {
    const uid = typeof v === 'string' ? v.replace(/\0+$/, '').trim() : '';
    // Standard UIDs (SOP classes, transfer syntaxes, coding schemes) identify nobody.
    if (!uid || (!all && uid.startsWith(STANDARD_UID_ROOT))) values.push(uid);
    else {
      values.push(await pseudonymousUid(ctx.options.key, uid));
      ctx.counts.uidsReplaced++;
    }
  }
  return { vr: el.vr, Value: values };
}

async function mapItems(el: DcmjsElement, ctx: Context): Promise<DcmjsElement> {
  const items: DcmjsDataset[] = [];
  const inner = { ...ctx, depth: ctx.depth + 1 };
  for (const item of (el.Value ?? []) as DcmjsDataset[]) items.push(await walk(item, inner));
  return { vr: 'SQ', Value: items };
}

function shifted(el: DcmjsElement, ctx: Context): DcmjsElement {
  const shift = el.vr === 'DA' ? shiftDate : shiftDateTime;
  ctx.counts.datesShifted++;
  return { vr: el.vr, Value: (el.Value ?? []).map((v) => shift(String(v ?? ''), ctx.offsetDays)) };
}

async function dummy(
  tag: string,
  el: DcmjsElement,
  ctx: Context,
): Promise<DcmjsElement | undefined> {
  if (el.vr === 'SQ') return mapItems(el, ctx);
  if (el.vr === 'UI') return mapUids(el, ctx, true);
  ctx.counts.replaced++;
  // A consistent pseudonym keeps one patient's instances together after de-identification.
  if (tag === PATIENT_ID)
    return {
      vr: el.vr,
      Value: [await pseudonymousKey(ctx.options.key, 'patient', firstString(el))],
    };
  if (BINARY_VRS.has(el.vr)) return { vr: el.vr, Value: [] };
  return { vr: el.vr, Value: [TEXT_DUMMY[el.vr] ?? DUMMY] };
}

/** A DA, DT or TM: shifted (dates only), or removed, emptied or replaced; never kept. */
function temporal(tag: string, el: DcmjsElement, ctx: Context): DcmjsElement | undefined {
  switch (temporalAction(tag, el.vr, ctx.options.dates)) {
    case 'shift':
      return shifted(el, ctx);
    case 'remove':
      ctx.counts.removed++;
      return undefined;
    case 'empty':
      ctx.counts.emptied++;
      return { vr: el.vr, Value: [] };
    case 'dummy':
      ctx.counts.replaced++;
      return { vr: el.vr, Value: [TEXT_DUMMY[el.vr]] };
  }
}

async function transform(
  tag: string,
  el: DcmjsElement,
  ctx: Context,
): Promise<DcmjsElement | undefined> {
  if (isTemporal(el.vr)) return temporal(tag, el, ctx);
  const action = resolveAction(tag);
  switch (action) {
    case 'remove':
      ctx.counts.removed++;
      return undefined;
    case 'empty':
      ctx.counts.emptied++;
      return { vr: el.vr, Value: [] };
    case 'dummy':
      return dummy(tag, el, ctx);
    case 'uid':
      return mapUids(el, ctx, true);
    case 'references':
      return mapItems(el, ctx);
    case 'keep':
      if (el.vr === 'SQ') return mapItems(el, ctx);
      // Beyond the table: any non-standard UID could link back to the source, so map it too.
      if (el.vr === 'UI') return mapUids(el, ctx, false);
      return el;
  }
}

async function walk(dataset: DcmjsDataset, ctx: Context): Promise<DcmjsDataset> {
  if (ctx.depth > MAX_SEQUENCE_DEPTH)
    throw new ProblemError(
      'deid-too-deep',
      `Sequences are nested more than ${MAX_SEQUENCE_DEPTH} deep, which no real object needs.`,
      { limit: MAX_SEQUENCE_DEPTH },
    );
  const out: DcmjsDataset = {};
  for (const tag of Object.keys(dataset).sort()) {
    if (isPrivateTag(tag)) {
      ctx.counts.privateRemoved++;
      continue;
    }
    const el = await transform(tag, dataset[tag], ctx);
    if (el) out[tag] = el;
  }
  return out;
}

/** (0012,0062)-(0012,0064): what was done, for de-identified objects we write ourselves too. */
export function profileRecord(options: Pick<DeidOptions, 'dates'>): DcmjsDataset {
  const code = (value: string, meaning: string): DcmjsDataset => ({
    '00080100': { vr: 'SH', Value: [value] },
    '00080102': { vr: 'SH', Value: ['DCM'] },
    '00080104': { vr: 'LO', Value: [meaning] },
  });
  const codes = [code('113100', 'Basic Application Confidentiality Profile')];
  // LO holds 64 characters: one value per step.
  const method = ['PS3.15 E.1 Basic Profile', 'UIDs by HMAC-SHA-256'];
  if (options.dates === 'shift') {
    codes.push(code('113107', 'Retain Longitudinal Temporal Information Modified Dates Option'));
    method.push('dates shifted by a keyed per-patient offset of whole days');
  }
  method.push('times removed');
  return {
    '00120062': { vr: 'CS', Value: ['YES'] },
    '00120063': { vr: 'LO', Value: method },
    '00120064': { vr: 'SQ', Value: codes },
    // Longitudinal Temporal Information Modified (SOP Common), as PS3.15 E.2 and E.3.6 ask.
    '00280303': { vr: 'CS', Value: [options.dates === 'shift' ? 'MODIFIED' : 'REMOVED'] },
  };
}

export function emptyCounts(): DeidCounts {
  return {
    privateRemoved: 0,
    removed: 0,
    emptied: 0,
    replaced: 0,
    uidsReplaced: 0,
    datesShifted: 0,
  };
}

/** De-identify a dcmjs data set (tag-keyed) by PS3.15 Table E.1-1; the input is left untouched. */
export async function deidentifyDataset(
  dataset: DcmjsDataset,
  options: DeidOptions,
  counts: DeidCounts = emptyCounts(),
): Promise<DcmjsDataset> {
  const identity =
    firstString(dataset[PATIENT_ID]) ||
    firstString(dataset['00100010']) ||
    firstString(dataset['0020000D']);
  const offsetDays =
    options.dates === 'shift'
      ? await dateOffsetDays(options.key, identity, options.maxShiftDays ?? MAX_SHIFT_DAYS)
      : 0;
  const out = await walk(dataset, { options, offsetDays, counts, depth: 0 });
  return { ...out, ...profileRecord(options) };
}

/** The file meta group: new Media Storage SOP Instance UID, no source AE title or private info. */
export async function deidentifyMeta(
  meta: DcmjsDataset,
  options: DeidOptions,
): Promise<DcmjsDataset> {
  const out: DcmjsDataset = {};
  for (const tag of Object.keys(meta).sort()) {
    const el = meta[tag];
    if (
      tag === '00020016' ||
      tag === '00020017' ||
      tag === '00020018' ||
      tag === '00020100' ||
      tag === '00020102'
    )
      continue;
    if (tag === '00020003')
      out[tag] = { vr: 'UI', Value: [await pseudonymousUid(options.key, firstString(el))] };
    else out[tag] = el;
  }
  return out;
}
