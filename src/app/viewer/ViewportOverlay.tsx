import { useTranslation } from 'react-i18next';
import type { InstanceMeta } from '../../core/dicom/types.ts';
import { formatDicomDate } from '../i18n/format.ts';
import type { AppliedDisplay } from './imageView.ts';
import { orientationLabels } from './orientationLabels.ts';

interface Props {
  meta: InstanceMeta;
  index: number;
  count: number;
  frame: number;
  applied: AppliedDisplay | null;
}

/** The four corners radiologists expect: who, what, where in the stack, and how it is shown. */
export function ViewportOverlay({ meta, index, count, frame, applied }: Props) {
  const { t, i18n } = useTranslation('viewer');
  const position = meta.imagePositionPatient;
  const edges = orientationLabels(meta.imageOrientationPatient);
  return (
    <div className="overlay" aria-hidden="true">
      {edges && (
        <>
          <div className="edge edge-top">{edges.top}</div>
          <div className="edge edge-bottom">{edges.bottom}</div>
          <div className="edge edge-left" data-testid="edge-left">
            {edges.left}
          </div>
          <div className="edge edge-right">{edges.right}</div>
        </>
      )}
      <div className="corner top-left">
        <div>{meta.patientName.replace(/\^/g, ' ') || t('overlay.anonymous')}</div>
        <div>{meta.patientID}</div>
        <div>{meta.studyDescription}</div>
        <div>{formatDicomDate(meta.studyDate, i18n.language)}</div>
      </div>
      <div className="corner top-right">
        <div>{meta.seriesDescription}</div>
        <div>
          {meta.modality} {t('overlay.series', { number: meta.seriesNumber ?? '–' })}
        </div>
        <div>
          {meta.columns}×{meta.rows}
        </div>
      </div>
      <div className="corner bottom-left">
        <div data-testid="slice-label">
          {t('overlay.image', { index: index + 1, count })}
          {meta.frames > 1 ? ` ${t('overlay.frame', { frame: frame + 1 })}` : ''}
        </div>
        {position && <div>{t('overlay.z', { z: position[2].toFixed(1) })}</div>}
        {meta.sliceThicknessMm !== null && (
          <div>{t('overlay.thickness', { mm: meta.sliceThicknessMm })}</div>
        )}
      </div>
      <div className="corner bottom-right">
        {applied && (
          <>
            <div data-testid="wl-label">
              {t('overlay.window', {
                width: Math.round(applied.voi.width),
                center: Math.round(applied.voi.center),
              })}
            </div>
            <div>{t('overlay.zoom', { percent: Math.round(applied.scale * 100) })}</div>
            {applied.invert && <div>{t('overlay.inverted')}</div>}
          </>
        )}
      </div>
    </div>
  );
}
