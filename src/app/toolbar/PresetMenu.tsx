import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { presetsFor } from '../viewer/presets.ts';

/** Window presets for the active viewport: the file's own, then the CT ones. */
export function PresetMenu() {
  const meta = useStore((s) => selectActivePosition(s)?.instance);
  const active = useStore((s) => s.active);
  const setVoi = useStore((s) => s.setVoi);
  const presets = presetsFor(meta);
  return (
    <select
      aria-label="Window preset"
      value=""
      disabled={presets.length === 0}
      onChange={(e) => {
        const p = presets[Number(e.target.value)];
        if (p) setVoi(active, { center: p.center, width: p.width });
      }}
    >
      <option value="">Window preset…</option>
      {presets.map((p, i) => (
        <option key={`${p.name}-${i}`} value={i}>
          {p.name} (W {p.width} L {p.center})
        </option>
      ))}
    </select>
  );
}
