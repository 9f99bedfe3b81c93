// The model card as typed data, mirroring docs/model-card.schema.json (version 1.0.0).
// Cards are validated against the schema (see card.ts) before anything trusts these types.

export type Dim = number | string;

export interface ImageInput {
  kind: 'image';
  tensorName: string;
  /** [batch name, channels, height, width]. */
  shape: [string, 1 | 3, number, number];
  layout: 'NCHW';
  dtype: 'float32';
}

export interface FeatureSpec {
  /** Name as the analysis core reports it, e.g. "glcm.joint_maximum". */
  name: string;
  /** IBSI four-character identifier, e.g. "GYBY". */
  ibsi: string;
  family?: string;
}

export interface FeatureInput {
  kind: 'features';
  tensorName: string;
  /** [batch name, number of features]. */
  shape: [string, number];
  dtype: 'float32';
  features: FeatureSpec[];
}

export type Intensity =
  | { method: 'minmax' }
  | { method: 'percentile'; lowPercent: number; highPercent: number }
  | { method: 'window'; center: number; width: number }
  | { method: 'voi'; fallback?: 'minmax' }
  | { method: 'fixed'; min: number; max: number };

export type Interpolation = 'area' | 'bilinear' | 'nearest';

export interface Preprocessing {
  modalities?: string[];
  photometricInterpretations?: string[];
  channels: 'luma' | 'rgb';
  invertMonochrome1?: boolean;
  crop: 'none' | 'center-square';
  intensity: Intensity;
  resize: { width: number; height: number; interpolation: Interpolation };
  normalize: { mean: number[]; std: number[] };
}

export type Activation = 'softmax' | 'sigmoid' | 'none';

export interface ModelCard {
  schemaVersion: '1.0.0';
  name: string;
  version: string;
  description?: string;
  model: { file: string; sha256: string; format: 'onnx'; opset?: number };
  intendedUse: { summary: string; users?: string; limitations: string[] };
  input: ImageInput | FeatureInput;
  preprocessing?: Preprocessing;
  output: { tensorName: string; labels: string[]; activation: Activation; positiveLabel?: string };
  training: { dataset: string; [key: string]: unknown };
  metrics: {
    split: string;
    accuracy: number;
    auc: number;
    threshold?: number;
    [key: string]: unknown;
  };
}

/** A card whose input is an image: preprocessing is then required by the schema. */
export type ImageModelCard = ModelCard & { input: ImageInput; preprocessing: Preprocessing };
export type FeatureModelCard = ModelCard & { input: FeatureInput };

export function isImageCard(card: ModelCard): card is ImageModelCard {
  return card.input.kind === 'image' && card.preprocessing !== undefined;
}
