import { BitReader, HuffmanTable } from './bitReader.ts';
import { zigZag } from './idct.ts';

/** One image component with its coefficient blocks (natural order, not yet dequantised). */
export interface Component {
  id: number;
  h: number;
  v: number;
  quantTable: number;
  blocksPerLine: number;
  blocksPerColumn: number;
  /** Blocks allocated per line, padded to whole MCUs. */
  blocksPerLineAlloc: number;
  coefficients: Int32Array;
  dcTable?: HuffmanTable;
  acTable?: HuffmanTable;
  pred: number;
}

export interface ScanParams {
  components: Component[];
  mcusPerLine: number;
  mcusPerColumn: number;
  progressive: boolean;
  start: number;
  end: number;
  high: number;
  low: number;
  restartInterval: number;
}

type BlockDecoder = (c: Component, offset: number) => void;

/** Decodes one scan (T.81 Annex F and G) into the components' coefficients; returns the end. */
export function decodeScan(data: Uint8Array, at: number, scan: ScanParams): number {
  const reader = new BitReader(data, at);
  const { start: ss, end: se, high: ah, low: al } = scan;
  let eobRun = 0;

  const sequential: BlockDecoder = (c, o) => {
    const t = c.dcTable!.decode(reader);
    c.pred += reader.signed(t);
    c.coefficients[o] = c.pred;
    for (let k = 1; k < 64;) {
      const rs = c.acTable!.decode(reader);
      const r = rs >> 4;
      const s = rs & 15;
      if (s === 0) {
        if (r !== 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) break;
      c.coefficients[o + zigZag[k]] = reader.signed(s);
      k++;
    }
  };
  const dcFirst: BlockDecoder = (c, o) => {
    const t = c.dcTable!.decode(reader);
    c.pred += reader.signed(t);
    c.coefficients[o] = c.pred * (1 << al);
  };
  const dcRefine: BlockDecoder = (c, o) => {
    if (reader.bit()) c.coefficients[o] |= 1 << al;
  };
  const acFirst: BlockDecoder = (c, o) => {
    if (eobRun > 0) {
      eobRun--;
      return;
    }
    for (let k = ss; k <= se; k++) {
      const rs = c.acTable!.decode(reader);
      const r = rs >> 4;
      const s = rs & 15;
      if (s === 0) {
        if (r < 15) {
          eobRun = (1 << r) - 1 + (r ? reader.bits(r) : 0);
          break;
        }
        k += 15;
        continue;
      }
      k += r;
      if (k > 63) break;
      c.coefficients[o + zigZag[k]] = reader.signed(s) * (1 << al);
    }
  };
  const refineBit = (c: Component, index: number, p1: number): void => {
    const value = c.coefficients[index];
    if (reader.bit() && (value & p1) === 0)
      c.coefficients[index] = value >= 0 ? value + p1 : value - p1;
  };
  const acRefine: BlockDecoder = (c, o) => {
    const p1 = 1 << al;
    let k = ss;
    if (eobRun <= 0) {
      for (; k <= se; k++) {
        const rs = c.acTable!.decode(reader);
        let r = rs >> 4;
        let value = 0;
        if (rs & 15) {
          value = reader.bit() ? p1 : -p1;
        } else if (r !== 15) {
          eobRun = (1 << r) + (r ? reader.bits(r) : 0);
          break;
        }
        // Correct the coefficients already known, until `r` zero ones have been passed.
        for (; k <= se; k++) {
          const index = o + zigZag[k];
          if (c.coefficients[index] !== 0) refineBit(c, index, p1);
          else if (--r < 0) break;
        }
        if (value !== 0 && k <= se) c.coefficients[o + zigZag[k]] = value;
      }
    }
    if (eobRun > 0) {
      for (; k <= se; k++) {
        const index = o + zigZag[k];
        if (c.coefficients[index] !== 0) refineBit(c, index, p1);
      }
      eobRun--;
    }
  };

  const decodeBlock: BlockDecoder = !scan.progressive
    ? sequential
    : ss === 0
      ? ah === 0
        ? dcFirst
        : dcRefine
      : ah === 0
        ? acFirst
        : acRefine;

  const single = scan.components.length === 1;
  const first = scan.components[0];
  const total = single
    ? first.blocksPerLine * first.blocksPerColumn
    : scan.mcusPerLine * scan.mcusPerColumn;
  const restart = scan.restartInterval || total;
  for (let mcu = 0; mcu < total; mcu++) {
    if (mcu > 0 && mcu % restart === 0) {
      reader.restart();
      eobRun = 0;
      for (const c of scan.components) c.pred = 0;
    }
    if (single) {
      // A non-interleaved scan walks the component's own blocks, MCU padding excluded.
      const row = Math.floor(mcu / first.blocksPerLine);
      const col = mcu % first.blocksPerLine;
      decodeBlock(first, (row * first.blocksPerLineAlloc + col) * 64);
      continue;
    }
    const mcuRow = Math.floor(mcu / scan.mcusPerLine);
    const mcuCol = mcu % scan.mcusPerLine;
    for (const c of scan.components) {
      for (let y = 0; y < c.v; y++) {
        for (let x = 0; x < c.h; x++) {
          const row = mcuRow * c.v + y;
          const col = mcuCol * c.h + x;
          decodeBlock(c, (row * c.blocksPerLineAlloc + col) * 64);
        }
      }
    }
  }
  return reader.pos;
}
