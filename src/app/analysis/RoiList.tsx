import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { positionKey } from '../viewer/useStackFrame.ts';
import { formatShape } from './formatShape.ts';

/** The ROIs of the active series: select, copy to every slice, remove from a slice, delete. */
export function RoiList() {
  const { t } = useTranslation('analysis');
  const seriesUID = useStore((s) => s.viewports[s.active].seriesUID);
  const rois = useStore(useShallow((s) => s.rois.filter((r) => r.seriesUID === seriesUID)));
  const selected = useStore((s) => s.selectedRoi);
  const position = useStore(selectActivePosition);
  const stack = useStore((s) => (seriesUID ? s.stacks[seriesUID] : undefined));
  const { selectRoi, deleteRoi, setRoiShape, copyRoiToSlices } = useStore.getState();
  const here = position ? positionKey(position) : '';
  return (
    <fieldset>
      <legend>{t('roi.legend')}</legend>
      {rois.length === 0 && <p className="muted">{t('roi.none')}</p>}
      <ul className="roi-list" aria-label={t('roi.list')}>
        {rois.map((r) => {
          const shape = r.shapes[here];
          const slices = Object.keys(r.shapes).length;
          return (
            <li key={r.id} className={r.id === selected ? 'selected' : ''}>
              <label className="row">
                <input
                  type="radio"
                  name="roi"
                  checked={r.id === selected}
                  onChange={() => selectRoi(r.id)}
                />
                <strong>{r.name}</strong>
                <span>{t('roi.slices', { count: slices })}</span>
              </label>
              <div data-testid="roi-shape">{shape ? formatShape(shape, t) : t('roi.notHere')}</div>
              <div className="row">
                <button
                  type="button"
                  disabled={!shape || !stack}
                  onClick={() => stack && copyRoiToSlices(r.id, here, stack.map(positionKey))}
                >
                  {t('roi.copyAll')}
                </button>
                <button
                  type="button"
                  disabled={!shape}
                  onClick={() => setRoiShape(r.id, here, null)}
                >
                  {t('roi.removeHere')}
                </button>
                <button type="button" onClick={() => deleteRoi(r.id)}>
                  {t('roi.delete')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
