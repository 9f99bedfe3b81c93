// What a filter request is, once parsed: one discriminated union, every length in millimetres
// as the user gave it (converted to voxels against the image's spacing when applied).

export type Boundary = 'zero' | 'nearest' | 'periodic' | 'mirror';
export const boundaries: readonly Boundary[] = ['zero', 'nearest', 'periodic', 'mirror'];

export type Pooling = 'max' | 'average' | 'min';
export const poolings: readonly Pooling[] = ['max', 'average', 'min'];

export type WaveletName = 'haar' | 'db1' | 'db2' | 'db3' | 'coif1';

interface Common {
  boundary: Boundary;
  /** 2: per axial slice (the planes of fixed z); 3: the volume. */
  dims: 2 | 3;
  /** Pool the responses of the kernel's right-angle rotations (24 in 3D, 4 in 2D). */
  rotationInvariant: boolean;
  pooling: Pooling;
}

export interface MeanSpec extends Common {
  filter: 'mean';
  /** Kernel support M in voxels (odd). */
  support: number;
}

export interface LogSpec extends Common {
  filter: 'log';
  sigmaMm: number;
  /** The kernel is cut at this many σ (IBSI: 4). */
  truncate: number;
}

export interface LawsSpec extends Common {
  filter: 'laws';
  /** 1D kernel names from x to z, e.g. E5L5S5 (3D) or L5S5 (2D). */
  kernel: string;
  /** Energy map: mean |response| over (2δ+1)^d voxels; null for the plain response. */
  energyDelta: number | null;
}

export type GaborResponse = 'modulus' | 'real' | 'imaginary';

export interface GaborSpec extends Common {
  filter: 'gabor';
  sigmaMm: number;
  lambdaMm: number;
  gamma: number;
  thetaDeg: number;
  /** With rotation invariance, θ runs from 0 below 360° in these steps. */
  thetaStepDeg: number;
  /** axial: the 2D filter on every axial slice; orthogonal: averaged over the three planes. */
  planes: 'axial' | 'orthogonal';
  response: GaborResponse;
  truncate: number;
}

export interface WaveletSpec extends Common {
  filter: 'wavelet';
  wavelet: WaveletName;
  level: number;
  /** L or H per axis from x to z (LHL), or per in-plane axis in 2D (LH). */
  response: string;
}

export interface SimoncelliSpec extends Common {
  filter: 'simoncelli';
  level: number;
}

export interface RieszLogSpec extends Common {
  filter: 'riesz-log';
  sigmaMm: number;
  truncate: number;
  order: readonly [number, number, number];
}

export interface RieszSimoncelliSpec extends Common {
  filter: 'riesz-simoncelli';
  level: number;
  order: readonly [number, number, number];
}

export type FilterSpec =
  | MeanSpec
  | LogSpec
  | LawsSpec
  | GaborSpec
  | WaveletSpec
  | SimoncelliSpec
  | RieszLogSpec
  | RieszSimoncelliSpec;

export type FilterName = FilterSpec['filter'];
export const filterNames: readonly FilterName[] = [
  'mean',
  'log',
  'laws',
  'gabor',
  'wavelet',
  'simoncelli',
  'riesz-log',
  'riesz-simoncelli',
];
