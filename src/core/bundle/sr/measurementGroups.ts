// A reader's measurements (core/measure) as TID 1410 Planar ROI measurement groups in the TID 1500
// report: the drawn region as an SCOORD selected from its image, then its values (TID 1419) —
// a length, an angle, an area with the mean, SD, min and max of the pixels (HU on CT), or a
// probed pixel's value.
import type { DcmjsDataset } from 'dcmjs';
import type { MeasureKind, MeasureResult, Point } from '../../measure/types';
import { codeValue, container, num, text, uidRef, type Code } from './contentItems';
import type { SourceImage } from './measurementReport';

export interface ReportMeasurement {
  readonly kind: MeasureKind;
  /** Tracking Unique Identifier: the measurement's own UID, the same in every report. */
  readonly trackingUid: string;
  readonly image: SourceImage;
  /** 1-based frame of a multi-frame image; absent for a single-frame image. */
  readonly frameNumber?: number;
  /** Image coordinates: (0, 0) the top left corner of the top left pixel, as SCOORD uses. */
  readonly points: readonly Point[];
  readonly result: MeasureResult;
}

const DCM = (value: string, meaning: string): Code => ({ value, scheme: 'DCM', meaning });
const SCT = (value: string, meaning: string): Code => ({ value, scheme: 'SCT', meaning });
const UCUM = (value: string, meaning: string): Code => ({ value, scheme: 'UCUM', meaning });

const HU = UCUM("[hnsf'U]", 'Hounsfield unit');
const ATTENUATION = DCM('112031', 'Attenuation Coefficient');
const PIXEL_VALUE: Code = { value: 'PIXVAL', scheme: '99CNSLM', meaning: 'Modality pixel value' };
const NO_UNITS = UCUM('1', 'no units');
const DERIVATION = DCM('121401', 'Derivation');

function selectedFrom(m: ReportMeasurement): DcmjsDataset {
  return {
    '0040A010': { vr: 'CS', Value: ['SELECTED FROM'] },
    '0040A040': { vr: 'CS', Value: ['IMAGE'] },
    '00081199': {
      vr: 'SQ',
      Value: [
        {
          '00081150': { vr: 'UI', Value: [m.image.sopClassUid] },
          '00081155': { vr: 'UI', Value: [m.image.sopInstanceUid] },
          ...(m.frameNumber ? { '00081160': { vr: 'IS', Value: [m.frameNumber] } } : {}),
        },
      ],
    },
  };
}

/** The region as SCOORD graphic data: type and column\row pairs. */
function graphic(m: ReportMeasurement): { type: string; data: number[] } {
  const flat = (ps: readonly Point[]) => ps.flatMap((p) => [p[0], p[1]]);
  const [a, b] = m.points;
  switch (m.kind) {
    case 'probe':
      return { type: 'POINT', data: flat([a]) };
    case 'rectangle':
      return { type: 'POLYLINE', data: flat([a, [b[0], a[1]], b, [a[0], b[1]], a]) };
    case 'ellipse': {
      // Major axis end points first, then the minor axis (PS3.3 C.18.6.1.2).
      const cx = (a[0] + b[0]) / 2;
      const cy = (a[1] + b[1]) / 2;
      const rx = Math.abs(b[0] - a[0]) / 2;
      const ry = Math.abs(b[1] - a[1]) / 2;
      const h: Point[] = [
        [cx - rx, cy],
        [cx + rx, cy],
      ];
      const v: Point[] = [
        [cx, cy - ry],
        [cx, cy + ry],
      ];
      return { type: 'ELLIPSE', data: flat(rx >= ry ? [...h, ...v] : [...v, ...h]) };
    }
    default:
      return { type: 'POLYLINE', data: flat(m.points) };
  }
}

function region(m: ReportMeasurement): DcmjsDataset {
  const g = graphic(m);
  return {
    '0040A010': { vr: 'CS', Value: ['CONTAINS'] },
    '0040A040': { vr: 'CS', Value: ['SCOORD'] },
    '0040A043': {
      vr: 'SQ',
      Value: [
        {
          '00080100': { vr: 'SH', Value: ['111030'] },
          '00080102': { vr: 'SH', Value: ['DCM'] },
          '00080104': { vr: 'LO', Value: ['Image Region'] },
        },
      ],
    },
    '00700022': { vr: 'FL', Value: g.data },
    '00700023': { vr: 'CS', Value: [g.type] },
    '0040A730': { vr: 'SQ', Value: [selectedFrom(m)] },
  };
}

function withDerivation(item: DcmjsDataset, derivation: Code): DcmjsDataset {
  return {
    ...item,
    '0040A730': { vr: 'SQ', Value: [codeValue('HAS CONCEPT MOD', DERIVATION, derivation)] },
  };
}

function values(r: MeasureResult): DcmjsDataset[] {
  const valueConcept = 'valueUnit' in r && r.valueUnit === 'HU' ? ATTENUATION : PIXEL_VALUE;
  const valueUnit = 'valueUnit' in r && r.valueUnit === 'HU' ? HU : NO_UNITS;
  switch (r.kind) {
    case 'length':
      return [
        num(
          'CONTAINS',
          SCT('410668003', 'Length'),
          r.length,
          r.unit === 'mm' ? UCUM('mm', 'millimeter') : UCUM('{pixels}', 'pixels'),
        ),
      ];
    case 'angle':
      return [num('CONTAINS', SCT('1483009', 'Angle'), r.degrees, UCUM('deg', 'degree'))];
    case 'probe':
      // A colour pixel has no one modality value; its region alone is reported.
      return typeof r.value === 'number' ? [num('CONTAINS', valueConcept, r.value, valueUnit)] : [];
    default: {
      if (r.pixels === 0) return [];
      const stat = (v: number, d: Code) =>
        withDerivation(num('CONTAINS', valueConcept, v, valueUnit), d);
      return [
        num(
          'CONTAINS',
          SCT('42798000', 'Area'),
          r.area,
          r.areaUnit === 'mm2' ? UCUM('mm2', 'square millimeter') : UCUM('{pixels}', 'pixels'),
        ),
        stat(r.mean, SCT('373098007', 'Mean')),
        stat(r.sd, SCT('386136009', 'Standard Deviation')),
        stat(r.min, SCT('255605001', 'Minimum')),
        stat(r.max, SCT('56851009', 'Maximum')),
      ];
    }
  }
}

export function measurementGroup(m: ReportMeasurement, index: number): DcmjsDataset {
  return container(
    'CONTAINS',
    DCM('125007', 'Measurement Group'),
    [
      text('HAS OBS CONTEXT', DCM('112039', 'Tracking Identifier'), `${m.kind} #${index + 1}`),
      uidRef('HAS OBS CONTEXT', DCM('112040', 'Tracking Unique Identifier'), m.trackingUid),
      region(m),
      ...values(m.result),
    ],
    '1410',
  );
}
