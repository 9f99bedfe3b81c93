/** Entropy-coded bits of a JPEG scan: skips stuffed zero bytes, stops (feeding zeros) at markers. */
export class BitReader {
  pos: number;
  private buffer = 0;
  private count = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  bit(): number {
    if (this.count === 0) {
      let byte = this.data[this.pos] ?? 0;
      if (byte === 0xff) {
        const next = this.data[this.pos + 1];
        if (next === 0) this.pos += 2;
        else byte = 0; // a marker: leave it for the caller
      } else {
        this.pos++;
      }
      this.buffer = byte;
      this.count = 8;
    }
    this.count--;
    return (this.buffer >> this.count) & 1;
  }

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = (v << 1) | this.bit();
    return v;
  }

  /** A magnitude category `n` value read as a signed difference (T.81 F.2.2.1 EXTEND). */
  signed(n: number): number {
    if (n === 0) return 0;
    const v = this.bits(n);
    return v < 1 << (n - 1) ? v - (1 << n) + 1 : v;
  }

  /** Drops the partial byte and steps over an RSTn marker. */
  restart(): void {
    this.count = 0;
    const d = this.data;
    while (
      this.pos + 1 < d.length &&
      !(d[this.pos] === 0xff && d[this.pos + 1] >= 0xd0 && d[this.pos + 1] <= 0xd7)
    ) {
      this.pos++;
    }
    this.pos += 2;
  }
}

/** A canonical Huffman table (T.81 Annex C), decoded bit by bit (F.2.2.3). */
export class HuffmanTable {
  private readonly maxCode = new Int32Array(18).fill(-1);
  private readonly valPtr = new Int32Array(17);
  private readonly minCode = new Int32Array(17);

  constructor(
    counts: Uint8Array,
    private readonly values: Uint8Array,
  ) {
    let code = 0;
    let k = 0;
    for (let length = 1; length <= 16; length++) {
      const n = counts[length - 1];
      this.valPtr[length] = k;
      this.minCode[length] = code;
      code += n;
      k += n;
      this.maxCode[length] = n ? code - 1 : -1;
      code <<= 1;
    }
  }

  decode(reader: BitReader): number {
    let code = 0;
    for (let length = 1; length <= 16; length++) {
      code = (code << 1) | reader.bit();
      if (this.maxCode[length] >= 0 && code <= this.maxCode[length]) {
        return this.values[this.valPtr[length] + code - this.minCode[length]];
      }
    }
    throw new Error('corrupt Huffman code in JPEG data');
  }
}
