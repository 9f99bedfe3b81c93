// What a measurement says on the image, in the units a reader expects.
import type { MeasureResult } from '../../../core/measure/types.ts';

function num(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

/** Pixel values are integers on most images; others (PET, parametric maps) get decimals. */
function pixelValue(v: number): string {
  return Number.isInteger(v) ? String(v) : num(v, 2);
}

export function measureLabel(r: MeasureResult): string[] {
  switch (r.kind) {
    case 'length':
      return [`${num(r.length, r.unit === 'mm' ? 2 : 1)} ${r.unit}`];
    case 'angle':
      return [`${num(r.degrees, 1)}°`];
    case 'probe': {
      if (r.value === null || !r.pixel) return ['outside the image'];
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
        `Mean ${num(r.mean, 1)}${unit} SD ${num(r.sd, 1)}`,
        `Min ${pixelValue(r.min)} Max ${pixelValue(r.max)}`,
        `Area ${area} (${r.pixels} px)`,
      ];
    }
  }
}
