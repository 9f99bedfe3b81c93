import type { DataSet, Element } from './dicomParserTypes.ts';
import { formatTag } from './parse.ts';
import { readDataSet } from './readDataSet.ts';
import { tagNames } from './tagNames.ts';

/** One row of the tag browser; `depth` > 0 for elements inside sequence items. */
export interface TagRow {
  tag: string;
  vr: string;
  name?: string;
  value: string;
  depth: number;
}

const textVRs = new Set([
  'AE',
  'AS',
  'CS',
  'DA',
  'DS',
  'DT',
  'IS',
  'LO',
  'LT',
  'PN',
  'SH',
  'ST',
  'TM',
  'UC',
  'UI',
  'UR',
  'UT',
]);
const maxShown = 16;

function numbers(
  ds: DataSet,
  el: Element,
  size: number,
  read: (i: number) => number | undefined,
): string {
  const count = Math.floor(el.length / size);
  const shown = Array.from({ length: Math.min(count, maxShown) }, (_, i) => read(i));
  return shown.join('\\') + (count > maxShown ? `\\… (${count} values)` : '');
}

function valueOf(ds: DataSet, el: Element): string {
  const vr = el.vr ?? '';
  if (el.items) return `${el.items.length} item(s)`;
  if (el.fragments) return `encapsulated, ${el.fragments.length} fragment(s)`;
  if (textVRs.has(vr) || (vr === '' && el.length <= 64 && isText(ds, el)))
    return (ds.string(el.tag) ?? '').trim();
  if (vr === 'US') return numbers(ds, el, 2, (i) => ds.uint16(el.tag, i));
  if (vr === 'SS') return numbers(ds, el, 2, (i) => ds.int16(el.tag, i));
  if (vr === 'UL') return numbers(ds, el, 4, (i) => ds.uint32(el.tag, i));
  if (vr === 'SL') return numbers(ds, el, 4, (i) => ds.int32(el.tag, i));
  if (vr === 'FL') return numbers(ds, el, 4, (i) => ds.float(el.tag, i));
  if (vr === 'FD') return numbers(ds, el, 8, (i) => ds.double(el.tag, i));
  if (vr === 'AT') return ds.attributeTag(el.tag) ?? '';
  return `${el.length} bytes`;
}

function isText(ds: DataSet, el: Element): boolean {
  for (let i = el.dataOffset; i < el.dataOffset + el.length; i++) {
    const b = ds.byteArray[i];
    if (b !== 0 && (b < 0x20 || b > 0x7e)) return false;
  }
  return true;
}

function rows(ds: DataSet, depth: number, out: TagRow[]): void {
  for (const el of Object.values(ds.elements).sort((a, b) => a.tag.localeCompare(b.tag))) {
    if (el.tag.startsWith('xfffe')) continue;
    const name = tagNames[el.tag];
    out.push({
      tag: formatTag(el.tag),
      vr: el.vr ?? '',
      ...(name ? { name } : {}),
      value: valueOf(ds, el),
      depth,
    });
    for (const item of el.items ?? []) if (item.dataSet) rows(item.dataSet, depth + 1, out);
  }
}

/** Every element of a file, in tag order, sequences flattened with their depth, for display. */
export function dumpTags(bytes: Uint8Array): TagRow[] {
  const raw = readDataSet(bytes);
  if ('notDicom' in raw) return [];
  const out: TagRow[] = [];
  rows(raw.dataSet, 0, out);
  return out;
}
