// Reads NumPy .npy arrays (the members of a .npz archive), so MedMNIST data can be evaluated with
// the project's own preprocessing. Only what MedMNIST uses: little-endian u1/f4/i8, C order.

export interface NpyArray {
  shape: number[];
  dtype: 'uint8' | 'float32' | 'int64';
  data: Uint8Array | Float32Array | BigInt64Array;
}

const DTYPES = { '|u1': 'uint8', '<u1': 'uint8', '<f4': 'float32', '<i8': 'int64' } as const;

export function parseNpy(bytes: Uint8Array): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (!magic.every((b, i) => bytes[i] === b)) throw new Error('not a .npy array');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = new TextDecoder('latin1').decode(bytes.subarray(start, start + headerLen));
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1] ?? '';
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  if (/'fortran_order':\s*True/.test(header))
    throw new Error('Fortran-ordered .npy is not supported');
  const dtype = DTYPES[descr as keyof typeof DTYPES];
  if (!dtype) throw new Error(`unsupported .npy dtype ${descr}`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLen;
  // Copy so the typed array is aligned and independent of the archive buffer.
  const body = bytes.slice(offset);
  const data =
    dtype === 'uint8'
      ? body.subarray(0, count)
      : dtype === 'float32'
        ? new Float32Array(body.buffer, 0, count)
        : new BigInt64Array(body.buffer, 0, count);
  return { shape, dtype, data };
}
