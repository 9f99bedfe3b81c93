import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';

export function SliceSlider({
  viewport,
  count,
  index,
}: {
  viewport: number;
  count: number;
  index: number;
}) {
  const { t } = useTranslation('viewer');
  const setIndex = useStore((s) => s.setIndex);
  return (
    <input
      className="slice-slider"
      type="range"
      min={0}
      max={count - 1}
      value={index}
      aria-label={t('slice')}
      onChange={(e) => setIndex(viewport, Number(e.target.value))}
    />
  );
}
