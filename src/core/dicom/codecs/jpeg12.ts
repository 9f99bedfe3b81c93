import type { CodecFrame, CodecImageInfo } from './codecFrame.ts';
import { HuffmanTable } from './jpeg12/bitReader.ts';
import { inverseDct, zigZag } from './jpeg12/idct.ts';
import { decodeScan, type Component } from './jpeg12/scan.ts';

interface Frame {
  precision: number;
  width: number;
  height: number;
  progressive: boolean;
  components: Component[];
  mcusPerLine: number;
  mcusPerColumn: number;
}

function readFrame(data: Uint8Array, at: number, progressive: boolean): Frame {
  const precision = data[at];
  const height = (data[at + 1] << 8) | data[at + 2];
  const width = (data[at + 3] << 8) | data[at + 4];
  const count = data[at + 5];
  const raw = [];
  for (let i = 0; i < count; i++) {
    const p = at + 6 + i * 3;
    raw.push({ id: data[p], h: data[p + 1] >> 4, v: data[p + 1] & 15, quantTable: data[p + 2] });
  }
  const hMax = Math.max(...raw.map((c) => c.h));
  const vMax = Math.max(...raw.map((c) => c.v));
  const mcusPerLine = Math.ceil(width / (8 * hMax));
  const mcusPerColumn = Math.ceil(height / (8 * vMax));
  const components = raw.map((c) => {
    const blocksPerLineAlloc = mcusPerLine * c.h;
    return {
      ...c,
      blocksPerLine: Math.ceil(Math.ceil((width * c.h) / hMax) / 8),
      blocksPerColumn: Math.ceil(Math.ceil((height * c.v) / vMax) / 8),
      blocksPerLineAlloc,
      coefficients: new Int32Array(blocksPerLineAlloc * mcusPerColumn * c.v * 64),
      pred: 0,
    };
  });
  return { precision, width, height, progressive, components, mcusPerLine, mcusPerColumn };
}

/** Dequantises, transforms and crops one component into a plane of samples. */
function componentPlane(
  frame: Frame,
  c: Component,
  table: Uint16Array,
): { plane: Uint16Array; width: number } {
  const width = c.blocksPerLineAlloc * 8;
  const plane = new Uint16Array(width * (c.coefficients.length / 64 / c.blocksPerLineAlloc) * 8);
  const block = new Float64Array(64);
  const samples = new Float64Array(64);
  for (let b = 0; b < c.coefficients.length / 64; b++) {
    for (let i = 0; i < 64; i++) block[i] = c.coefficients[b * 64 + i] * table[i];
    inverseDct(block, samples, frame.precision);
    const x0 = (b % c.blocksPerLineAlloc) * 8;
    const y0 = Math.floor(b / c.blocksPerLineAlloc) * 8;
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) plane[(y0 + y) * width + x0 + x] = samples[y * 8 + x];
  }
  return { plane, width };
}

/**
 * 12-bit (and 8-bit) DCT JPEG: sequential Huffman (processes 1, 2/4) and progressive
 * (spectral selection and successive approximation, processes 6/8 and 10/12), written from
 * ITU-T T.81 because libjpeg-turbo's WASM build only handles 8-bit samples.
 */
export async function decodeJpeg12(data: Uint8Array, info: CodecImageInfo): Promise<CodecFrame> {
  const quant: Uint16Array[] = [];
  const dc: HuffmanTable[] = [];
  const ac: HuffmanTable[] = [];
  let frame: Frame | undefined;
  let restartInterval = 0;
  let pos = 2;
  while (pos + 4 <= data.length) {
    if (data[pos] !== 0xff) {
      pos++;
      continue;
    }
    const marker = data[pos + 1];
    if (marker === 0xd9) break;
    if (marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = (data[pos + 2] << 8) | data[pos + 3];
    const body = pos + 4;
    const next = pos + 2 + length;
    if (marker === 0xdb) {
      for (let p = body; p < next;) {
        const wide = data[p] >> 4;
        const table = new Uint16Array(64);
        for (let k = 0; k < 64; k++) {
          table[zigZag[k]] = wide
            ? (data[p + 1 + k * 2] << 8) | data[p + 2 + k * 2]
            : data[p + 1 + k];
        }
        quant[data[p] & 15] = table;
        p += 1 + (wide ? 128 : 64);
      }
    } else if (marker === 0xc4) {
      for (let p = body; p < next;) {
        const counts = data.subarray(p + 1, p + 17);
        const total = counts.reduce((a, b) => a + b, 0);
        const table = new HuffmanTable(counts, data.subarray(p + 17, p + 17 + total));
        (data[p] >> 4 ? ac : dc)[data[p] & 15] = table;
        p += 17 + total;
      }
    } else if (marker === 0xdd) {
      restartInterval = (data[body] << 8) | data[body + 1];
    } else if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      frame = readFrame(data, body, marker === 0xc2);
    } else if (
      marker >= 0xc3 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc
    ) {
      throw new Error(
        `JPEG process with marker FF${marker.toString(16).toUpperCase()} is not supported`,
      );
    } else if (marker === 0xda) {
      if (!frame) throw new Error('JPEG scan before the frame header');
      const count = data[body];
      const components: Component[] = [];
      for (let i = 0; i < count; i++) {
        const id = data[body + 1 + i * 2];
        const tables = data[body + 2 + i * 2];
        const c = frame.components.find((k) => k.id === id);
        if (!c) throw new Error(`JPEG scan names unknown component ${id}`);
        c.dcTable = dc[tables >> 4];
        c.acTable = ac[tables & 15];
        c.pred = 0;
        components.push(c);
      }
      const s = body + 1 + count * 2;
      pos = decodeScan(data, next, {
        components,
        mcusPerLine: frame.mcusPerLine,
        mcusPerColumn: frame.mcusPerColumn,
        progressive: frame.progressive,
        start: data[s],
        end: data[s + 1],
        high: data[s + 2] >> 4,
        low: data[s + 2] & 15,
        restartInterval,
      });
      continue;
    }
    pos = next;
  }
  if (!frame) throw new Error('no JPEG frame header found');
  return { samples: assemble(frame, quant, info), rgb: false };
}

/** Crops and interleaves the component planes, upsampling subsampled ones by repetition. */
function assemble(
  frame: Frame,
  quant: Uint16Array[],
  info: CodecImageInfo,
): Uint16Array | Int16Array {
  const { width, height, components } = frame;
  const hMax = Math.max(...components.map((c) => c.h));
  const vMax = Math.max(...components.map((c) => c.v));
  const n = components.length;
  const out =
    info.pixelRepresentation === 1
      ? new Int16Array(width * height * n)
      : new Uint16Array(width * height * n);
  components.forEach((c, ci) => {
    const table = quant[c.quantTable];
    if (!table) throw new Error('JPEG quantisation table missing');
    const { plane, width: stride } = componentPlane(frame, c, table);
    for (let y = 0; y < height; y++) {
      const sy = Math.floor((y * c.v) / vMax);
      for (let x = 0; x < width; x++) {
        out[(y * width + x) * n + ci] = plane[sy * stride + Math.floor((x * c.h) / hMax)];
      }
    }
  });
  return out;
}
