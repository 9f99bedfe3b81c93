import { useStore } from '../store/store.ts';
import type { ComputeOn } from '../../core/analysis/gpu/gpuChoice.ts';

const choices: { id: ComputeOn; label: string }[] = [
  { id: 'auto', label: 'Auto' },
  { id: 'gpu', label: 'GPU' },
  { id: 'cpu', label: 'CPU' },
];

/** Where GLCM counting and the edge kernels run; results are the same either way. */
export function ComputeControls() {
  const computeOn = useStore((s) => s.computeOn);
  const computedOn = useStore((s) => s.computedOn);
  const setComputeOn = useStore((s) => s.setComputeOn);
  return (
    <fieldset>
      <legend>Compute</legend>
      <div className="row" role="radiogroup" aria-label="Compute on">
        Compute on:
        {choices.map((c) => (
          <label key={c.id}>
            <input
              type="radio"
              name="compute-on"
              checked={computeOn === c.id}
              onChange={() => setComputeOn(c.id)}
            />
            {c.label}
          </label>
        ))}
      </div>
      <output data-testid="computed-on" data-device={computedOn?.device ?? ''}>
        {computedOn ? `Last job ran on the ${computedOn.device} (${computedOn.note})` : ''}
      </output>
    </fieldset>
  );
}
