// Small frames encoded with the codec packages' own encoders (CharLS, OpenJPEG, OpenJPH), so
// the seeds reach each WASM decoder with a valid codestream. libjpeg-turbo's encoder build fails
// on small frames, and JPEG lossless has no encoder here: those decoders get corpus seeds only.
import { createRequire } from 'node:module';
import { imageHeader, type TestElement } from '../../../src/core/dicom/testing/writeDicom';

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorTransform: boolean;
}

interface Encoder {
  getDecodedBuffer(info: FrameInfo): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
  setDecompositions?(levels: number): void;
}

type Factory<K extends string> = (options: object) => Promise<Record<K, new () => Encoder>>;

// The packages' full (encoder) builds, loaded untyped: the app declares only their decoders.
const require = createRequire(import.meta.url);
const charls = require('@cornerstonejs/codec-charls/wasmjs') as Factory<'JpegLSEncoder'>;
const openjpeg = require('@cornerstonejs/codec-openjpeg/wasmjs') as Factory<'J2KEncoder'>;
const openjph = require('@cornerstonejs/codec-openjph/wasmjs') as Factory<'HTJ2KEncoder'>;

export interface CodecSeed {
  readonly transferSyntax: string;
  readonly header: TestElement[];
  readonly frame: Uint8Array;
}

// A fresh options object per module: Emscripten adopts it as the module object itself.
const quiet = () => ({ print: () => {}, printErr: () => {} });
const SIZE = 16;

function encode(encoder: Encoder, info: FrameInfo): Uint8Array {
  const buffer = encoder.getDecodedBuffer(info);
  for (let i = 0; i < buffer.length; i++) buffer[i] = (i * 29 + (i >> 5) * 7) & 0xff;
  encoder.encode();
  const out = encoder.getEncodedBuffer().slice();
  encoder.delete();
  return out;
}

function colourHeader(): TestElement[] {
  return [
    ...imageHeader(SIZE, SIZE, 8, false).filter((e) => e.tag[1] !== 0x0002 && e.tag[1] !== 0x0004),
    { tag: [0x0028, 0x0002], vr: 'US', value: [3] },
    { tag: [0x0028, 0x0004], vr: 'CS', value: 'RGB' },
    { tag: [0x0028, 0x0006], vr: 'US', value: [0] },
  ];
}

export async function codecFrames(): Promise<CodecSeed[]> {
  const grey = {
    width: SIZE,
    height: SIZE,
    bitsPerSample: 16,
    componentCount: 1,
    isSigned: false,
    isUsingColorTransform: false,
  };
  const rgb = { ...grey, bitsPerSample: 8, componentCount: 3 };
  const { JpegLSEncoder } = await charls(quiet());
  const { J2KEncoder } = await openjpeg(quiet());
  const { HTJ2KEncoder } = await openjph(quiet());
  const j2k = () => {
    const e = new J2KEncoder();
    e.setDecompositions?.(2);
    return e;
  };
  const header16 = imageHeader(SIZE, SIZE, 16, false);
  return [
    {
      transferSyntax: '1.2.840.10008.1.2.4.80',
      header: header16,
      frame: encode(new JpegLSEncoder(), grey),
    },
    {
      transferSyntax: '1.2.840.10008.1.2.4.80',
      header: colourHeader(),
      frame: encode(new JpegLSEncoder(), rgb),
    },
    { transferSyntax: '1.2.840.10008.1.2.4.90', header: header16, frame: encode(j2k(), grey) },
    {
      transferSyntax: '1.2.840.10008.1.2.4.201',
      header: header16,
      frame: encode(new HTJ2KEncoder(), grey),
    },
  ];
}
