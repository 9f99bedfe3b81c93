// Measuring tools. One measurement, then back to W/L; Shift+click (or the lock) keeps the tool
// on for a series of measurements, as PACS viewers do.
import { useTranslation } from 'react-i18next';
import type { MeasureKind } from '../../core/measure/types.ts';
import { useStore } from '../store/store.ts';
import {
  activeStudyMeasurements,
  saveMeasurementsSr,
} from '../viewer/measure/saveMeasurementsSr.ts';

const tools: MeasureKind[] = ['length', 'angle', 'ellipse', 'rectangle', 'probe'];

export function MeasureButtons() {
  const { t } = useTranslation('toolbar');
  const tool = useStore((s) => s.tool);
  const locked = useStore((s) => s.measureLocked);
  const setTool = useStore((s) => s.setTool);
  const setLocked = useStore((s) => s.setMeasureLocked);
  const setRoiTool = useStore((s) => s.setRoiTool);
  const count = useStore(activeStudyMeasurements);
  return (
    <div className="button-group" role="group" aria-label={t('measure.label')}>
      {tools.map((each) => (
        <button
          key={each}
          type="button"
          aria-pressed={tool === each}
          title={t('measure.shiftKeeps', { title: t(`measure.${each}Title`) })}
          onClick={(e) => {
            if (tool === each && !e.shiftKey) {
              setTool('wl');
              return;
            }
            setRoiTool(null); // one tool owns the left button
            setTool(each);
            if (e.shiftKey) setLocked(true);
          }}
        >
          {t(`measure.${each}`)}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={locked}
        aria-label={t('measure.lockLabel')}
        title={locked ? t('measure.lockedTitle') : t('measure.unlockedTitle')}
        onClick={() => setLocked(!locked)}
      >
        {t('measure.lock')}
      </button>
      <button
        type="button"
        disabled={count === 0}
        title={t('measure.srTitle', { count })}
        onClick={() => saveMeasurementsSr(useStore.getState())}
      >
        {t('measure.sr')}
      </button>
    </div>
  );
}
