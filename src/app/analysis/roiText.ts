// The whole-image ROI's name is data (stored results, exports and the CLI all say "Whole image",
// and a filtered run appends its filter: "Whole image [log:…]"); the page says it in its language.
import type { TFunction } from 'i18next';

export const wholeImageRoiName = 'Whole image';

/** A result's ROI name as the page shows it: the whole image's in the language, others as drawn. */
export function roiText(t: TFunction, roiName: string): string {
  if (roiName !== wholeImageRoiName && !roiName.startsWith(`${wholeImageRoiName} [`))
    return roiName;
  return t('analysis:shape.whole') + roiName.slice(wholeImageRoiName.length);
}
