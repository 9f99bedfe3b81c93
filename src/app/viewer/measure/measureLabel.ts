// What a measurement says on the image, in the units a reader expects.
import type { TFunction } from 'i18next';
import type { MeasureResult } from '../../../core/measure/types.ts';
import { formatNumber } from '../../i18n/format.ts';

function num(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/** Pixel values are integers on most images; others (PET, parametric maps) get decimals. */
function pixelValue(v: number): string {
  return Number.isInteger(v) ? String(v) : num(v, 2);
}

export function measureLabel(r: MeasureResult, t: TFunction, locale = 'en'): string[] {
  switch (r.kind) {
    case 'length':
      return [`${num(r.length, r.unit === 'mm' ? 2 : 1)} ${r.unit}`];
    case 'angle':
      return [`${num(r.degrees, 1)}°`];
    case 'probe': {
      if (r.value === null || !r.pixel) return [t('viewer:measure.outside')];
      const unit = r.valueUnit ? ` ${r.valueUnit}` : '';
      const v =
        typeof r.value === 'number'
          ? `${pixelValue(r.value)}${unit}`
          : `R ${r.value[0]} G ${r.value[1]} B ${r.value[2]}`;
      return [`(${r.pixel[0]}, ${r.pixel[1]}) ${v}`];
    }
    default: {
      const unit = r.valueUnit ? ` ${r.valueUnit}` : '';
      const area = r.areaUnit === 'mm2' ? `${num(r.area, 2)} mm²` : `${num(r.area, 1)} px²`;
      return [
        t('viewer:measure.meanSd', { mean: `${num(r.mean, 1)}${unit}`, sd: num(r.sd, 1) }),
        t('viewer:measure.minMax', { min: pixelValue(r.min), max: pixelValue(r.max) }),
        t('viewer:measure.area', { area, pixels: formatNumber(r.pixels, locale, 21) }),
      ];
    }
  }
}
