import type { DcmjsDataset, DcmjsElement } from 'dcmjs';
import type { FeatureResult, PredictionResult } from '../types';
import { codeValue, container, image, num, text, uidRef, type Code } from './contentItems';
import { measurementGroup, type ReportMeasurement } from './measurementGroups';

// A DICOM SR "Imaging Measurement Report" (PS3.16 TID 1500) in a Comprehensive SR object: texture
// features as TID 1501 measurement groups coded in the IBSI scheme, classifier outputs as groups of
// probabilities plus the predicted class.

export interface SourceImage {
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
}

export interface ReportInput {
  /** Patient and study of the (de-identified) images the results come from. */
  readonly patient: { readonly id: string; readonly name?: string };
  readonly study: {
    readonly instanceUid: string;
    readonly date?: string;
    readonly time?: string;
    readonly accessionNumber?: string;
    readonly id?: string;
  };
  readonly images: readonly SourceImage[];
  readonly features: readonly FeatureResult[];
  readonly predictions: readonly PredictionResult[];
  /** A reader's measurements on the images (length, angle, ROI statistics, probes). */
  readonly measurements?: readonly ReportMeasurement[];
  readonly device: {
    readonly uid: string;
    readonly name: string;
    readonly manufacturer: string;
    readonly softwareVersion: string;
  };
  readonly seriesInstanceUid: string;
  readonly sopInstanceUid: string;
  /** YYYYMMDD and HHMMSS of the report itself. */
  readonly contentDate: string;
  readonly contentTime: string;
}

const DCM = (value: string, meaning: string): Code => ({ value, scheme: 'DCM', meaning });
const LOCAL = (value: string, meaning: string): Code => ({ value, scheme: '99CNSLM', meaning });
const NO_UNITS: Code = { value: '1', scheme: 'UCUM', meaning: 'no units' };
export const COMPREHENSIVE_SR = '1.2.840.10008.5.1.4.1.1.88.33';

const str = (vr: string, ...values: string[]): DcmjsElement => ({ vr, Value: values });
const seq = (...items: DcmjsDataset[]): DcmjsElement => ({ vr: 'SQ', Value: items });

function featureGroup(r: FeatureResult, index: number): DcmjsDataset {
  return container('CONTAINS', DCM('125007', 'Measurement Group'), [
    text('HAS OBS CONTEXT', DCM('112039', 'Tracking Identifier'), `${r.roi} #${index + 1}`),
    text('HAS OBS CONTEXT', LOCAL('PARAMS', 'Analysis parameters hash'), r.paramsHash),
    ...r.features
      .filter((f) => f.value !== null && Number.isFinite(f.value))
      .map((f) =>
        num(
          'CONTAINS',
          { value: f.code, scheme: 'IBSI', meaning: f.name },
          f.value as number,
          NO_UNITS,
        ),
      ),
  ]);
}

function predictionGroup(p: PredictionResult, index: number): DcmjsDataset {
  const model = `${p.model.name} ${p.model.version}`;
  return container('CONTAINS', DCM('125007', 'Measurement Group'), [
    text('HAS OBS CONTEXT', DCM('112039', 'Tracking Identifier'), `prediction #${index + 1}`),
    text(
      'HAS OBS CONTEXT',
      LOCAL('MODEL', 'Classifier model'),
      `${model} sha256:${p.model.sha256}`,
    ),
    codeValue(
      'CONTAINS',
      LOCAL('PREDICTED', 'Predicted class'),
      LOCAL(p.predicted.slice(0, 16), p.predicted),
    ),
    ...Object.keys(p.probabilities)
      .sort()
      .map((label) =>
        num(
          'CONTAINS',
          LOCAL(`P-${label}`.slice(0, 16), `Probability of ${label}`),
          p.probabilities[label],
          NO_UNITS,
        ),
      ),
  ]);
}

function contentTree(input: ReportInput): DcmjsDataset {
  return container(
    undefined,
    DCM('126000', 'Imaging Measurement Report'),
    [
      codeValue('HAS CONCEPT MOD', DCM('121049', 'Language of Content Item and Descendants'), {
        value: 'en-US',
        scheme: 'RFC5646',
        meaning: 'English (United States)',
      }),
      codeValue('HAS OBS CONTEXT', DCM('121005', 'Observer Type'), DCM('121007', 'Device')),
      uidRef('HAS OBS CONTEXT', DCM('121012', 'Device Observer UID'), input.device.uid),
      text('HAS OBS CONTEXT', DCM('121013', 'Device Observer Name'), input.device.name),
      codeValue('HAS CONCEPT MOD', DCM('121058', 'Procedure reported'), {
        value: '363679005',
        scheme: 'SCT',
        meaning: 'Imaging',
      }),
      container('CONTAINS', DCM('111028', 'Image Library'), [
        container(
          'CONTAINS',
          DCM('126200', 'Image Library Group'),
          input.images.map((i) => image('CONTAINS', undefined, i.sopClassUid, i.sopInstanceUid)),
        ),
      ]),
      container('CONTAINS', DCM('126010', 'Imaging Measurements'), [
        ...input.features.map(featureGroup),
        ...input.predictions.map(predictionGroup),
        ...(input.measurements ?? []).map(measurementGroup),
      ]),
    ],
    '1500',
  );
}

function evidence(input: ReportInput): DcmjsElement {
  const series = [...new Set(input.images.map((i) => i.seriesInstanceUid))].sort();
  return seq({
    '0020000D': str('UI', input.study.instanceUid),
    '00081115': seq(
      ...series.map((uid) => ({
        '0020000E': str('UI', uid),
        '00081199': seq(
          ...input.images
            .filter((i) => i.seriesInstanceUid === uid)
            .map((i) => ({
              '00081150': str('UI', i.sopClassUid),
              '00081155': str('UI', i.sopInstanceUid),
            })),
        ),
      })),
    ),
  });
}

/** The images list with every measured image in it (library and evidence name them all). */
function withMeasuredImages(input: ReportInput): ReportInput {
  const have = new Set(input.images.map((i) => i.sopInstanceUid));
  const extra: SourceImage[] = [];
  for (const m of input.measurements ?? [])
    if (!have.has(m.image.sopInstanceUid)) {
      have.add(m.image.sopInstanceUid);
      extra.push(m.image);
    }
  return extra.length ? { ...input, images: [...input.images, ...extra] } : input;
}

/** The complete Comprehensive SR data set (without file meta), tag-keyed for dcmjs. */
export function measurementReport(reportInput: ReportInput): DcmjsDataset {
  const input = withMeasuredImages(reportInput);
  const root = contentTree(input);
  return {
    '00080005': str('CS', 'ISO_IR 192'),
    '00080016': str('UI', COMPREHENSIVE_SR),
    '00080018': str('UI', input.sopInstanceUid),
    '00080020': str('DA', input.study.date ?? ''),
    '00080023': str('DA', input.contentDate),
    '00080030': str('TM', input.study.time ?? ''),
    '00080033': str('TM', input.contentTime),
    '00080050': str('SH', input.study.accessionNumber ?? ''),
    '00080060': str('CS', 'SR'),
    '00080070': str('LO', input.device.manufacturer),
    '00080090': { vr: 'PN', Value: [] },
    '00080110': seq(
      {
        '00080102': str('SH', 'IBSI'),
        '00080115': str('ST', 'Image Biomarker Standardisation Initiative'),
        '00080116': str('ST', 'IBSI'),
      },
      {
        '00080102': str('SH', '99CNSLM'),
        '00080115': str('ST', 'Consilium local codes'),
        '00080116': str('ST', 'Consilium'),
      },
    ),
    '00081111': seq(),
    '00100010': { vr: 'PN', Value: input.patient.name ? [{ Alphabetic: input.patient.name }] : [] },
    '00100020': str('LO', input.patient.id),
    '00100030': str('DA', ''),
    '00100040': str('CS', ''),
    '00181020': str('LO', input.device.softwareVersion),
    '0020000D': str('UI', input.study.instanceUid),
    '0020000E': str('UI', input.seriesInstanceUid),
    '00200010': str('SH', input.study.id ?? ''),
    '00200011': { vr: 'IS', Value: [990] },
    '00200013': { vr: 'IS', Value: [1] },
    '0040A375': evidence(input),
    '0040A491': str('CS', 'PARTIAL'),
    '0040A493': str('CS', 'UNVERIFIED'),
    '0040A372': seq(),
    ...root,
  };
}
