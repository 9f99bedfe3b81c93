// Measurements a reader draws on one image, in image coordinates (x right, y down; pixel (i, j)
// covers [i, i+1) × [j, j+1)), and what they measure.

export type MeasureKind = 'length' | 'angle' | 'ellipse' | 'rectangle' | 'probe';

export type Point = readonly [x: number, y: number];

/** The pixels a measurement reads: one decoded frame in modality values. */
export interface MeasureImage {
  readonly columns: number;
  readonly rows: number;
  /** 1: grey modality values (HU for CT); 3: RGB interleaved. */
  readonly samplesPerPixel: 1 | 3;
  readonly values: Float32Array;
  /** Pixel Spacing (0028,0030): row spacing (between rows, along y) then column spacing, mm. */
  readonly spacingMm: readonly [number, number] | null;
  readonly modality: string;
}

export type LengthUnit = 'mm' | 'px';

export interface LengthResult {
  readonly kind: 'length';
  readonly length: number;
  readonly unit: LengthUnit;
}

export interface AngleResult {
  readonly kind: 'angle';
  /** The angle at the second point, in degrees [0, 180]. */
  readonly degrees: number;
}

export interface RoiResult {
  readonly kind: 'ellipse' | 'rectangle';
  /** Pixels whose centre lies inside the shape (the rule ROI analysis uses). */
  readonly pixels: number;
  readonly mean: number;
  /** Population standard deviation (divided by n), as OHIF and cornerstone-tools report it. */
  readonly sd: number;
  readonly min: number;
  readonly max: number;
  /** The drawn shape's own area (not the pixel count), mm² with spacing, else px². */
  readonly area: number;
  readonly areaUnit: 'mm2' | 'px2';
  /** 'HU' for CT grey images, '' for other modality values. */
  readonly valueUnit: 'HU' | '';
}

export interface ProbeResult {
  readonly kind: 'probe';
  /** The pixel read (column, row); null outside the image. */
  readonly pixel: readonly [number, number] | null;
  /** Modality value (grey) or [R, G, B]; null outside the image. */
  readonly value: number | readonly [number, number, number] | null;
  readonly valueUnit: 'HU' | '';
}

export type MeasureResult = LengthResult | AngleResult | RoiResult | ProbeResult;
