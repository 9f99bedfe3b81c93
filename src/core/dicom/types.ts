// Shapes shared by the parser, the index, the decoder, the workers and the UI.
// They are plain data so they cross worker boundaries by structured clone.

/** Stable error codes a user can meet when loading files. */
export type LoadErrorCode =
  | 'not-dicom'
  | 'truncated'
  | 'no-pixel-data'
  | 'unsupported-transfer-syntax'
  | 'invalid-header'
  | 'decode-failed'
  | 'read-failed'
  /** A frame's decode ran past its time budget and was stopped (a codec spinning on damage). */
  | 'decode-timeout'
  /** A size the header states is past a configured limit (src/core/dicom/limits.ts). */
  | 'limit-exceeded'
  /** A Deflated data set inflates past the configured limit. */
  | 'inflate-limit'
  /** Rescale values, or the modality values they give, are infinite or not a number. */
  | 'non-finite-values'
  /** The compressed frame is not what the header says: another codec, or another size. */
  | 'codestream-mismatch'
  /** Another file already loaded holds the same SOP Instance UID: the instance is shown once. */
  | 'duplicate-instance';

/** One failed file: which file, a stable code, and the reason in plain words. */
export interface LoadError {
  code: LoadErrorCode;
  file: string;
  reason: string;
  /** The values the reason names (the limit, the size found), when there are any. */
  params?: { [name: string]: string | number | boolean };
}

export type Vec3 = [number, number, number];

/** Header facts of one DICOM instance (one file), parsed once, kept in the index. */
export interface InstanceMeta {
  /** Where the bytes came from: a path, a File's relative path, or a zip member. */
  file: string;
  sizeBytes: number;
  sopInstanceUID: string;
  sopClassUID: string;
  studyInstanceUID: string;
  seriesInstanceUID: string;
  /**
   * True when the file has no Series Instance UID and the one above was derived from study +
   * modality + frame of reference + image size (core/dicom/seriesFallback.ts).
   */
  seriesUidDerived?: true;
  patientName: string;
  patientID: string;
  studyDate: string;
  studyDescription: string;
  seriesDescription: string;
  seriesNumber: number | null;
  instanceNumber: number | null;
  accessionNumber: string;
  modality: string;
  /** Frame of Reference UID (0020,0052): masks from RTSTRUCT/SEG must share it. */
  frameOfReferenceUID?: string;
  transferSyntaxUID: string;
  rows: number;
  columns: number;
  frames: number;
  samplesPerPixel: number;
  photometricInterpretation: string;
  planarConfiguration: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  /** The file's own window presets (Window Center/Width, with explanations when given). */
  windows: { center: number; width: number; explanation: string }[];
  imagePositionPatient: Vec3 | null;
  imageOrientationPatient: [number, number, number, number, number, number] | null;
  /** Row spacing then column spacing, mm. */
  pixelSpacingMm: [number, number] | null;
  sliceThicknessMm: number | null;
  /**
   * Where the pixels are in the file and the few header facts decoding needs, so decoding
   * never reads the header again. Absent when the file's bytes are not what the offsets point
   * into (deflated data sets) or the meta was made elsewhere; decoding then parses the header.
   */
  pixelLayout?: PixelLayout;
}

/** Where one instance's pixels (and lookup tables) are, as byte offsets into its file. */
export interface PixelLayout {
  /** Byte order of the data set's binary values (pixel samples and lookup tables). */
  littleEndian: boolean;
  pixels: NativePixels | EncapsulatedPixels;
  /** Modality LUT Sequence (0028,3000), when the file has one instead of a rescale. */
  modalityLut: LutLocation | null;
  /** Red, green and blue palette tables of PALETTE COLOR images. */
  palette: [LutLocation, LutLocation, LutLocation] | null;
  /** Retired overlays live in the unused high bits of native samples. */
  embeddedOverlay: boolean;
}

/** Uncompressed frames back to back from `offset` (1-bit frames without padding). */
export interface NativePixels {
  kind: 'native';
  offset: number;
  length: number;
  /** Big endian OW holds 8-bit samples in swapped byte pairs. */
  swapBytePairs: boolean;
  /**
   * IEEE floats from Float Pixel Data (7FE0,0008; 32-bit) or Double Float Pixel Data
   * (7FE0,0009; 64-bit, read into 32-bit values), as parametric maps store them; absent for
   * integer Pixel Data (7FE0,0010).
   */
  float?: 'float32' | 'float64';
}

/**
 * Compressed frames: for each frame, its fragments as [offset, length, offset, length, …];
 * a string says why that frame cannot be found in the pixel data.
 */
export interface EncapsulatedPixels {
  kind: 'encapsulated';
  frames: (number[] | string)[];
}

/** A lookup table's descriptor values and where its 16-bit (or 8-bit) entries are. */
export interface LutLocation {
  entries: number;
  firstMapped: number;
  bits: number;
  offset: number;
  length: number;
  /** Segmented Palette Color LUT Data (0028,1221–1223): segments to expand, not entries. */
  segmented?: true;
}

/** One decoded frame in modality values (grey: rescaled, e.g. HU; colour: RGB, interleaved). */
export interface DecodedFrame {
  rows: number;
  columns: number;
  /** 1 for grey, 3 for colour (always RGB, interleaved, after YBR/palette conversion). */
  samplesPerPixel: 1 | 3;
  values: Float32Array;
  min: number;
  max: number;
  /** True when the image should be displayed inverted (MONOCHROME1). */
  invert: boolean;
  /**
   * Something the reader should know about how the frame was decoded, e.g. that its
   * codestream is JPEG-LS although the transfer syntax says JPEG 2000.
   */
  note?: string;
}

export interface SeriesNode {
  seriesInstanceUID: string;
  seriesNumber: number | null;
  seriesDescription: string;
  modality: string;
  /** Instances in display order (along the slice normal, else by InstanceNumber). */
  instances: InstanceMeta[];
}

export interface StudyNode {
  studyInstanceUID: string;
  studyDate: string;
  studyDescription: string;
  accessionNumber: string;
  series: SeriesNode[];
}

export interface PatientNode {
  patientID: string;
  patientName: string;
  studies: StudyNode[];
}
