import { useTranslation } from 'react-i18next';
import { selectActivePosition } from '../store/selectors.ts';
import { useStore } from '../store/store.ts';
import { presetsFor } from '../viewer/presets.ts';

/** Window presets for the active viewport: the file's own, then the CT ones. */
export function PresetMenu() {
  const { t } = useTranslation('toolbar');
  const meta = useStore((s) => selectActivePosition(s)?.instance);
  const active = useStore((s) => s.active);
  const setVoi = useStore((s) => s.setVoi);
  const presets = presetsFor(meta);
  return (
    <select
      aria-label={t('preset.label')}
      title={t('preset.label')}
      value=""
      disabled={presets.length === 0}
      onChange={(e) => {
        const p = presets[Number(e.target.value)];
        if (p) setVoi(active, { center: p.center, width: p.width });
      }}
    >
      <option value="">{t('preset.choose')}</option>
      {presets.map((p, i) => (
        <option key={`${p.name}-${i}`} value={i}>
          {t('preset.option', {
            name: p.key ? t(`preset.names.${p.key}`, { n: p.n }) : p.name,
            width: p.width,
            center: p.center,
          })}
        </option>
      ))}
    </select>
  );
}
