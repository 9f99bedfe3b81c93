// A walk over a data set's element headers, without recursion and without building anything,
// that counts how deep sequences nest and how many items they hold. dicom-parser reads nested
// sequences recursively, so a few hundred kilobytes of nested items exhaust the call stack (or,
// in a worker with a small stack, fail sooner); the walk refuses such a file before dicom-parser
// sees it. It reads the structure the way dicom-parser does; where it cannot follow the bytes it
// stops and leaves the verdict to dicom-parser.
import { DicomProblem } from './loadError.ts';
import type { DicomLimits } from './limits.ts';
import { longLengthVRs } from './vr.ts';

const undefinedLength = 0xffffffff;

interface Container {
  kind: 'dataset' | 'sequence' | 'item';
  /** Where it ends; Infinity until its delimiter is met. */
  end: number;
  /** Items of an UN sequence of undefined length are implicit VR, as dicom-parser reads them. */
  explicit: boolean;
}

class Reader {
  constructor(
    readonly bytes: Uint8Array,
    readonly littleEndian: boolean,
  ) {}
  u16(at: number): number {
    const b = this.bytes;
    return this.littleEndian ? b[at] | (b[at + 1] << 8) : (b[at] << 8) | b[at + 1];
  }
  u32(at: number): number {
    const b = this.bytes;
    return this.littleEndian
      ? (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0
      : ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
  }
}

/** Past the end of a non-sequence element of undefined length: after its item delimiter. */
function skipToItemDelimiter(r: Reader, at: number): number {
  const last = r.bytes.length - 8;
  let pos = at;
  while (pos <= last) {
    const group = r.u16(pos);
    pos += 2;
    if (group !== 0xfffe) continue;
    const element = r.u16(pos);
    pos += 2;
    if (element === 0xe00d) return pos + 4;
  }
  return r.bytes.length;
}

/** Past the end of encapsulated pixel data: the offset table, the fragments, the delimiter. */
function skipFragments(r: Reader, at: number): number {
  let pos = at;
  while (pos + 8 <= r.bytes.length) {
    const group = r.u16(pos);
    const element = r.u16(pos + 2);
    const length = r.u32(pos + 4);
    pos += 8;
    if (group !== 0xfffe || element === 0xe0dd) return pos + (group === 0xfffe ? length : 0);
    pos += length;
  }
  return r.bytes.length;
}

function tooDeep(limits: DicomLimits): DicomProblem {
  return new DicomProblem(
    'limit-exceeded',
    `its sequences are nested more than ${limits.maxSequenceDepth} deep (the limit); no real DICOM object nests so deep`,
    { limit: 'maxSequenceDepth', max: limits.maxSequenceDepth },
  );
}

function tooManyItems(limits: DicomLimits): DicomProblem {
  return new DicomProblem(
    'limit-exceeded',
    `its sequences hold more than ${limits.maxSequenceItems} items (the limit)`,
    { limit: 'maxSequenceItems', max: limits.maxSequenceItems },
  );
}

/**
 * Checks sequence depth and item count of the data set starting at `start`. Returns the
 * problem when a limit is passed, else undefined (also when the bytes stop making sense:
 * dicom-parser then says what is wrong).
 */
export function sequenceLimitProblem(
  bytes: Uint8Array,
  start: number,
  explicit: boolean,
  littleEndian: boolean,
  limits: DicomLimits,
): DicomProblem | undefined {
  const r = new Reader(bytes, littleEndian);
  const stack: Container[] = [{ kind: 'dataset', end: bytes.length, explicit }];
  let depth = 0;
  let items = 0;
  let pos = start;
  for (;;) {
    const top = stack[stack.length - 1];
    if (pos >= top.end || pos + 8 > bytes.length) {
      if (stack.length === 1 || pos + 8 > bytes.length) return undefined;
      stack.pop();
      if (top.kind === 'sequence') depth--;
      continue;
    }
    const group = r.u16(pos);
    const element = r.u16(pos + 2);
    if (top.kind === 'sequence') {
      const length = r.u32(pos + 4);
      pos += 8;
      if (group === 0xfffe && element === 0xe0dd) {
        stack.pop();
        depth--;
        continue;
      }
      if (group !== 0xfffe || element !== 0xe000) return undefined;
      if (++items > limits.maxSequenceItems) return tooManyItems(limits);
      const end = length === undefinedLength ? Infinity : pos + length;
      stack.push({ kind: 'item', end, explicit: top.explicit });
      continue;
    }
    if (group === 0xfffe) {
      // An item delimiter ends an item of undefined length; anything else here is damage.
      if (element !== 0xe00d || top.kind !== 'item') return undefined;
      pos += 8;
      stack.pop();
      continue;
    }
    let vr = '';
    let length: number;
    let value: number;
    if (top.explicit) {
      vr = String.fromCharCode(bytes[pos + 4], bytes[pos + 5]);
      if (longLengthVRs.has(vr)) {
        if (pos + 12 > bytes.length) return undefined;
        length = r.u32(pos + 8);
        value = pos + 12;
      } else {
        length = r.u16(pos + 6);
        value = pos + 8;
      }
    } else {
      length = r.u32(pos + 4);
      value = pos + 8;
    }
    let sequence: boolean;
    let explicitItems = top.explicit;
    if (top.explicit) {
      sequence = vr === 'SQ' || (vr === 'UN' && length === undefinedLength);
      if (vr === 'UN') explicitItems = false;
    } else {
      const startsItem =
        value + 4 <= bytes.length &&
        r.u16(value) === 0xfffe &&
        (r.u16(value + 2) === 0xe000 || r.u16(value + 2) === 0xe0dd);
      sequence = startsItem && (group % 2 === 0 || length === undefinedLength);
    }
    if (sequence) {
      if (++depth > limits.maxSequenceDepth) return tooDeep(limits);
      const end = length === undefinedLength ? Infinity : value + length;
      stack.push({ kind: 'sequence', end, explicit: explicitItems });
      pos = value;
      continue;
    }
    if (length !== undefinedLength) pos = value + length;
    else if (group === 0x7fe0 && element === 0x0010) pos = skipFragments(r, value);
    else pos = skipToItemDelimiter(r, value);
  }
}
