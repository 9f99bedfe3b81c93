// Segmented Palette Color LUT Data (PS3.3 C.7.9.2): a table written as segments of 16-bit
// words. Discrete (opcode 0, n, then n values), linear (1, n, y: n entries ramping from the
// previous segment's last value to y) and indirect (2, n, offset as two words, low first: the
// n segments that start offset bytes into the data, expanded again). Expanded once per frame
// decode into the plain table the palette lookup uses; entries past the descriptor's count are
// dropped, missing ones stay 0.
import type { LutLocation } from './types.ts';

function words(bytes: Uint8Array, lut: LutLocation, littleEndian: boolean): Uint16Array {
  const count = lut.length >> 1;
  if (lut.offset + count * 2 > bytes.length) throw new Error('attempt to read past end of buffer');
  const view = new DataView(bytes.buffer, bytes.byteOffset + lut.offset, count * 2);
  const out = new Uint16Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getUint16(i * 2, littleEndian);
  return out;
}

/** Rounds halves to even, as NumPy's around does in pydicom's expansion. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

class Expander {
  readonly table: Uint16Array;
  private at = 0;

  constructor(
    private readonly data: Uint16Array,
    entries: number,
  ) {
    this.table = new Uint16Array(entries);
  }

  private put(v: number): void {
    if (this.at < this.table.length) this.table[this.at] = v;
    this.at++;
  }

  /** Expands segments from word `start`; `limit` segments at most (indirect), or to the end. */
  run(start: number, limit: number, depth: number): void {
    const d = this.data;
    let i = start;
    for (let s = 0; s < limit && i < d.length; s++) {
      const opcode = d[i];
      const n = d[i + 1] ?? 0;
      if (opcode === 0) {
        for (let k = 0; k < n && i + 2 + k < d.length; k++) this.put(d[i + 2 + k]);
        i += 2 + n;
      } else if (opcode === 1) {
        if (this.at === 0) throw new Error('a linear segment cannot start the segmented table');
        const y0 = this.table[Math.min(this.at, this.table.length) - 1];
        const y1 = d[i + 2] ?? y0;
        for (let k = 1; k <= n; k++) this.put(roundHalfEven(y0 + ((y1 - y0) * k) / n));
        i += 3;
      } else if (opcode === 2) {
        // Indirect segments may not point at other indirect segments (PS3.3); depth guards it.
        if (depth > 0) throw new Error('an indirect segment points at another indirect segment');
        const byteOffset = (d[i + 2] ?? 0) | ((d[i + 3] ?? 0) << 16);
        this.run(byteOffset >> 1, n, depth + 1);
        i += 4;
      } else {
        throw new Error(`segmented lookup table has an unknown segment type ${opcode}`);
      }
    }
  }
}

/** The plain table (descriptor's number of entries) of a segmented palette channel. */
export function expandSegmentedLut(
  bytes: Uint8Array,
  lut: LutLocation,
  littleEndian: boolean,
): Uint16Array {
  const e = new Expander(words(bytes, lut, littleEndian), lut.entries);
  e.run(0, Infinity, 0);
  return e.table;
}
