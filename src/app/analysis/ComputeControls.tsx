import { useTranslation } from 'react-i18next';
import { computeNote } from './computeNote.ts';
import { useStore } from '../store/store.ts';
import type { ComputeOn } from '../../core/analysis/gpu/gpuChoice.ts';

// Labels are analysis:compute.<id>.
const choices: ComputeOn[] = ['auto', 'gpu', 'cpu'];

/** Where GLCM counting and the edge kernels run; results are the same either way. */
export function ComputeControls() {
  const { t } = useTranslation('analysis');
  const computeOn = useStore((s) => s.computeOn);
  const computedOn = useStore((s) => s.computedOn);
  const setComputeOn = useStore((s) => s.setComputeOn);
  return (
    <fieldset>
      <legend>{t('compute.legend')}</legend>
      <div className="row" role="radiogroup" aria-label={t('compute.on')}>
        {t('compute.onColon')}
        {choices.map((c) => (
          <label key={c}>
            <input
              type="radio"
              name="compute-on"
              checked={computeOn === c}
              onChange={() => setComputeOn(c)}
            />
            {t(`compute.${c}`)}
          </label>
        ))}
      </div>
      <output data-testid="computed-on" data-device={computedOn?.device ?? ''}>
        {computedOn
          ? t('compute.ranOn', { device: computedOn.device, note: computeNote(computedOn.note, t) })
          : ''}
      </output>
    </fieldset>
  );
}
