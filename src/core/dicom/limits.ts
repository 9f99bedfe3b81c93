// How much a DICOM file may ask of the machine. Every size a header states is checked against
// what the file can hold and against these limits before anything is allocated, so a hostile
// or broken file ends in one error record, in bounded time and memory, in the CLI, the workers
// and the browser alike. The defaults are generous for real studies; callers may lower or
// raise any of them.

export interface DicomLimits {
  /** Rows (0028,0010) of one frame. */
  maxRows: number;
  /** Columns (0028,0011) of one frame. */
  maxColumns: number;
  /** Number of Frames (0028,0008) of one file. */
  maxFrames: number;
  /** Samples per Pixel (0028,0002): 1 for grey and palette, 3 for colour. */
  maxSamplesPerPixel: number;
  /** Bits Allocated (0028,0100) per sample. */
  maxBitsAllocated: number;
  /** Decoded values of one frame, in bytes (4 per sample: frames decode to Float32). */
  maxDecodedBytesPerFrame: number;
  /** Decoded values of every frame of one file together, in bytes. */
  maxDecodedBytesPerFile: number;
  /** The data set of a Deflated file once inflated, in bytes. */
  maxInflatedBytes: number;
  /** Sequences within sequences (a top-level sequence is depth 1). */
  maxSequenceDepth: number;
  /** Sequence items in the whole file, at every depth. */
  maxSequenceItems: number;
}

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/**
 * The defaults, and why they are enough:
 * - 16384 × 16384 pixels: digital radiographs and mammograms are under 5000 a side, scanned
 *   films under 10000; whole-slide images come as tiles, not one frame.
 * - 50,000 frames: enhanced CT/MR and cine loops have hundreds to a few thousand.
 * - 3 samples (RGB/YBR) and 32 bits allocated: what DICOM images use and Consilium decodes.
 * - 1 GiB decoded per frame (16384² grey), 16 GiB per file (e.g. 16,000 frames of 512²).
 * - 64 MiB inflated: Deflated data sets are rare and small (reports, single images, a short
 *   series at most); inflating stops as soon as this is passed, so a deflate bomb costs well
 *   under a second (fflate inflates ~200 MB/s) and 64 MiB.
 * - depth 64 and 1,000,000 items: real objects nest under 10 deep; an enhanced multi-frame file
 *   has a few dozen items per frame.
 */
export const defaultDicomLimits: Readonly<DicomLimits> = Object.freeze({
  maxRows: 16384,
  maxColumns: 16384,
  maxFrames: 50_000,
  maxSamplesPerPixel: 3,
  maxBitsAllocated: 32,
  maxDecodedBytesPerFrame: 1 * GiB,
  maxDecodedBytesPerFile: 16 * GiB,
  maxInflatedBytes: 64 * MiB,
  maxSequenceDepth: 64,
  maxSequenceItems: 1_000_000,
});

/** The defaults with the caller's overrides; an override that is not a positive number is ignored. */
export function resolveLimits(overrides: Partial<DicomLimits> = {}): DicomLimits {
  const out: DicomLimits = { ...defaultDicomLimits };
  for (const key of Object.keys(out) as (keyof DicomLimits)[]) {
    const v = overrides[key];
    if (typeof v === 'number' && v > 0) out[key] = v;
  }
  return out;
}

/** Bytes as people read them: "1.5 GiB", "640 MiB", "12 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${Number(v.toPrecision(3))} ${units[u]}`;
}
