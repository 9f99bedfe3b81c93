// Byte-level mutations of a seed input, drawn by fast-check from a seeded PRNG: the same seed and
// run index always give the same mutated bytes, and a failing plan shrinks to fewer, smaller edits.
import fc from 'fast-check';

/** A length or count field a target knows about (a zip size, a DICOM element length, …). */
export interface Field {
  readonly offset: number;
  readonly width: 1 | 2 | 4;
  readonly littleEndian: boolean;
}

/** What to write into a field or word: a boundary value, or the old value nudged or scaled. */
export type WordValue =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'delta'; readonly delta: number }
  | { readonly kind: 'scale'; readonly factor: number };

// Positions are fractions of the current length, so one plan means the same thing on any seed.
export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'byte'; readonly at: number; readonly value: number }
  | {
      readonly op: 'word';
      readonly at: number;
      readonly width: 2 | 4;
      readonly littleEndian: boolean;
      readonly value: WordValue;
    }
  | { readonly op: 'field'; readonly field: number; readonly value: WordValue }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | {
      readonly op: 'splice';
      readonly other: number;
      readonly from: number;
      readonly length: number;
      readonly at: number;
    };

export interface BytePlan {
  readonly seed: number;
  readonly mutations: readonly Mutation[];
}

// Values at which size arithmetic tends to break: zero, sign bits, all ones, the PBKDF2 bounds.
const BOUNDARIES = [
  0, 1, 2, 3, 4, 7, 8, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x10000, 0xffffff,
  0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 310_000, 10_000_000,
];

// Uniform, without fast-check's bias towards small and extreme values: a biased position would
// put nearly every edit in the first bytes of a file (the DICOM preamble, the zip's first header).
const position = fc.noBias(fc.integer({ min: 0, max: 0xffffffff })).map((n) => n / 2 ** 32);

/** A uniform index, taken modulo the number of things it picks from. */
export const index = fc.noBias(fc.nat());

const wordValue: fc.Arbitrary<WordValue> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...BOUNDARIES).map((value) => ({ kind: 'const' as const, value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: -16, max: 16 })
      .map((delta) => ({ kind: 'delta' as const, delta })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(2, 16, 256, 0.5)
      .map((factor) => ({ kind: 'scale' as const, factor })),
  },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: position,
      bit: fc.integer({ min: 0, max: 7 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('byte' as const),
      at: position,
      value: fc.constantFrom(0, 1, 0x7f, 0x80, 0xff, 0x20, 0x5c, 0x2f, 0x3d, 0x22, 0x7b, 0x2e),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('word' as const),
      at: position,
      width: fc.constantFrom(2 as const, 4 as const),
      littleEndian: fc.boolean(),
      value: wordValue,
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ op: fc.constant('field' as const), field: index, value: wordValue }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('repeat' as const),
      at: position,
      length: fc.integer({ min: 1, max: 32 }),
      times: fc.integer({ min: 2, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('splice' as const),
      other: index,
      from: position,
      length: fc.integer({ min: 1, max: 256 }),
      at: position,
    }),
  },
);

/** One to eight mutations of one seed; a plan with no mutations replays the seed itself. */
export const bytePlan: fc.Arbitrary<BytePlan> = fc.record({
  seed: index,
  mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
});

function readWord(b: Uint8Array, f: Field): number {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (f.width === 1) return b[f.offset];
  return f.width === 2
    ? v.getUint16(f.offset, f.littleEndian)
    : v.getUint32(f.offset, f.littleEndian);
}

function writeWord(b: Uint8Array, f: Field, value: WordValue): void {
  if (f.offset + f.width > b.length) return;
  const old = readWord(b, f);
  const raw =
    value.kind === 'const'
      ? value.value
      : value.kind === 'delta'
        ? old + value.delta
        : Math.floor(old * value.factor);
  const max = 2 ** (8 * f.width);
  const n = ((raw % max) + max) % max;
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (f.width === 1) b[f.offset] = n;
  else if (f.width === 2) v.setUint16(f.offset, n, f.littleEndian);
  else v.setUint32(f.offset, n, f.littleEndian);
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Applies the mutations in order; `fields` says where the target's length fields are. */
export function applyMutations(
  seed: Uint8Array,
  mutations: readonly Mutation[],
  others: readonly Uint8Array[],
  fields: (bytes: Uint8Array) => readonly Field[],
  maxBytes: number,
): Uint8Array {
  let b: Uint8Array = seed.slice();
  for (const m of mutations) {
    const at = (p: number) => Math.floor(p * b.length);
    switch (m.op) {
      case 'flip':
        if (b.length) b[at(m.at)] ^= 1 << m.bit;
        break;
      case 'byte':
        if (b.length) b[at(m.at)] = m.value;
        break;
      case 'word':
        writeWord(b, { offset: at(m.at), width: m.width, littleEndian: m.littleEndian }, m.value);
        break;
      case 'field': {
        const fs = fields(b);
        if (fs.length) writeWord(b, fs[m.field % fs.length], m.value);
        break;
      }
      case 'insert':
        b = join(b.subarray(0, at(m.at)), m.bytes, b.subarray(at(m.at)));
        break;
      case 'delete':
        b = join(b.subarray(0, at(m.at)), b.subarray(at(m.at) + m.length));
        break;
      case 'truncate':
        b = b.slice(0, at(m.at));
        break;
      case 'repeat': {
        const piece = b.subarray(at(m.at), at(m.at) + m.length);
        b = join(
          b.subarray(0, at(m.at)),
          ...Array<Uint8Array>(m.times).fill(piece),
          b.subarray(at(m.at)),
        );
        break;
      }
      case 'splice': {
        const other = others.length ? others[m.other % others.length] : b;
        const from = Math.floor(m.from * other.length);
        b = join(
          b.subarray(0, at(m.at)),
          other.subarray(from, from + m.length),
          b.subarray(at(m.at)),
        );
        break;
      }
    }
    if (b.length > maxBytes) b = b.slice(0, maxBytes);
  }
  return b;
}
