/** How the pixel data of a transfer syntax is stored, which decides the decoder. */
export type PixelEncoding =
  | 'native'
  | 'rle'
  | 'jpeg-baseline'
  | 'jpeg-extended'
  | 'jpeg-lossless'
  | 'jpeg-ls'
  | 'jpeg2000'
  | 'htj2k';

interface SyntaxInfo {
  name: string;
  encoding: PixelEncoding;
  /** Lossy syntaxes are compared against references with a tolerance, lossless ones exactly. */
  lossy: boolean;
}

export const ImplicitVRLittleEndian = '1.2.840.10008.1.2';
export const ExplicitVRLittleEndian = '1.2.840.10008.1.2.1';
export const DeflatedExplicitVRLittleEndian = '1.2.840.10008.1.2.1.99';
export const ExplicitVRBigEndian = '1.2.840.10008.1.2.2';

const syntaxes: Record<string, SyntaxInfo> = {
  [ImplicitVRLittleEndian]: { name: 'Implicit VR Little Endian', encoding: 'native', lossy: false },
  [ExplicitVRLittleEndian]: { name: 'Explicit VR Little Endian', encoding: 'native', lossy: false },
  [DeflatedExplicitVRLittleEndian]: {
    name: 'Deflated Explicit VR Little Endian',
    encoding: 'native',
    lossy: false,
  },
  [ExplicitVRBigEndian]: { name: 'Explicit VR Big Endian', encoding: 'native', lossy: false },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encoding: 'rle', lossy: false },
  '1.2.840.10008.1.2.4.50': {
    name: 'JPEG Baseline (Process 1)',
    encoding: 'jpeg-baseline',
    lossy: true,
  },
  '1.2.840.10008.1.2.4.51': {
    name: 'JPEG Extended (Process 2 and 4)',
    encoding: 'jpeg-extended',
    lossy: true,
  },
  '1.2.840.10008.1.2.4.53': {
    name: 'JPEG Spectral Selection (Process 6 and 8, retired)',
    encoding: 'jpeg-extended',
    lossy: true,
  },
  '1.2.840.10008.1.2.4.55': {
    name: 'JPEG Full Progression (Process 10 and 12, retired)',
    encoding: 'jpeg-extended',
    lossy: true,
  },
  '1.2.840.10008.1.2.4.57': {
    name: 'JPEG Lossless (Process 14)',
    encoding: 'jpeg-lossless',
    lossy: false,
  },
  '1.2.840.10008.1.2.4.70': {
    name: 'JPEG Lossless, First-Order Prediction (Process 14, SV1)',
    encoding: 'jpeg-lossless',
    lossy: false,
  },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', encoding: 'jpeg-ls', lossy: false },
  '1.2.840.10008.1.2.4.81': {
    name: 'JPEG-LS Near-Lossless',
    encoding: 'jpeg-ls',
    lossy: true,
  },
  '1.2.840.10008.1.2.4.90': {
    name: 'JPEG 2000 Lossless Only',
    encoding: 'jpeg2000',
    lossy: false,
  },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', encoding: 'jpeg2000', lossy: true },
  '1.2.840.10008.1.2.4.201': {
    name: 'HTJ2K Lossless Only',
    encoding: 'htj2k',
    lossy: false,
  },
  '1.2.840.10008.1.2.4.202': {
    name: 'HTJ2K Lossless RPCL',
    encoding: 'htj2k',
    lossy: false,
  },
  '1.2.840.10008.1.2.4.203': { name: 'HTJ2K', encoding: 'htj2k', lossy: true },
};

/** Facts about a transfer syntax, or undefined when Consilium cannot read it. */
export function transferSyntaxInfo(uid: string): SyntaxInfo | undefined {
  return syntaxes[uid];
}

// Syntaxes met in the wild that Consilium does not decode; named so the error can say which.
const unsupportedNames: Record<string, string> = {
  '1.2.840.10008.1.2.4.92': 'JPEG 2000 Part 2 Multi-component (Lossless Only)',
  '1.2.840.10008.1.2.4.93': 'JPEG 2000 Part 2 Multi-component',
  '1.2.840.10008.1.2.4.94': 'JPIP Referenced',
  '1.2.840.10008.1.2.4.95': 'JPIP Referenced Deflate',
  '1.2.840.10008.1.2.4.100': 'MPEG2 Main Profile',
  '1.2.840.10008.1.2.4.101': 'MPEG2 High Profile',
  '1.2.840.10008.1.2.4.102': 'MPEG-4 AVC/H.264 High Profile',
  '1.2.840.10008.1.2.4.103': 'MPEG-4 AVC/H.264 BD-compatible High Profile',
  '1.2.840.10008.1.2.4.104': 'MPEG-4 AVC/H.264 High Profile for 2D Video',
  '1.2.840.10008.1.2.4.105': 'MPEG-4 AVC/H.264 High Profile for 3D Video',
  '1.2.840.10008.1.2.4.106': 'MPEG-4 AVC/H.264 Stereo High Profile',
  '1.2.840.10008.1.2.4.107': 'HEVC/H.265 Main Profile',
  '1.2.840.10008.1.2.4.108': 'HEVC/H.265 Main 10 Profile',
  '1.2.840.10008.1.2.4.110': 'JPEG XL Lossless',
  '1.2.840.10008.1.2.4.111': 'JPEG XL JPEG Recompression',
  '1.2.840.10008.1.2.4.112': 'JPEG XL',
  '1.2.840.10008.1.2.6.1': 'RFC 2557 MIME encapsulation',
};

/** A name for messages: the standard name when known, else the UID itself. */
export function transferSyntaxName(uid: string): string {
  return syntaxes[uid]?.name ?? unsupportedNames[uid] ?? uid;
}
