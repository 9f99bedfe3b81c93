import type { InstanceMeta } from '../../core/dicom/types.ts';
import type { AppliedDisplay } from './imageView.ts';
import { orientationLabels } from './orientationLabels.ts';

interface Props {
  meta: InstanceMeta;
  index: number;
  count: number;
  frame: number;
  applied: AppliedDisplay | null;
}

function formatDate(da: string): string {
  return /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da;
}

/** The four corners radiologists expect: who, what, where in the stack, and how it is shown. */
export function ViewportOverlay({ meta, index, count, frame, applied }: Props) {
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
        <div>{meta.patientName.replace(/\^/g, ' ') || 'Anonymous'}</div>
        <div>{meta.patientID}</div>
        <div>{meta.studyDescription}</div>
        <div>{formatDate(meta.studyDate)}</div>
      </div>
      <div className="corner top-right">
        <div>{meta.seriesDescription}</div>
        <div>
          {meta.modality} Se {meta.seriesNumber ?? '–'}
        </div>
        <div>
          {meta.columns}×{meta.rows}
        </div>
      </div>
      <div className="corner bottom-left">
        <div data-testid="slice-label">
          Im {index + 1}/{count}
          {meta.frames > 1 ? ` (frame ${frame + 1})` : ''}
        </div>
        {position && <div>Z {position[2].toFixed(1)} mm</div>}
        {meta.sliceThicknessMm !== null && <div>Thk {meta.sliceThicknessMm} mm</div>}
      </div>
      <div className="corner bottom-right">
        {applied && (
          <>
            <div data-testid="wl-label">
              W {Math.round(applied.voi.width)} L {Math.round(applied.voi.center)}
            </div>
            <div>Zoom {Math.round(applied.scale * 100)}%</div>
            {applied.invert && <div>Inverted</div>}
          </>
        )}
      </div>
    </div>
  );
}
