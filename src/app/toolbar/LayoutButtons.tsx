import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import type { Layout } from '../store/viewerSlice.ts';

const layouts: Layout[] = ['1x1', '1x2', '2x2'];

export function LayoutButtons() {
  const { t } = useTranslation('toolbar');
  const layout = useStore((s) => s.layout);
  const setLayout = useStore((s) => s.setLayout);
  const linked = useStore((s) => s.linked);
  const setLinked = useStore((s) => s.setLinked);
  return (
    <div className="button-group" role="group" aria-label={t('layout.label')}>
      {layouts.map((l) => (
        <button key={l} type="button" aria-pressed={layout === l} onClick={() => setLayout(l)}>
          {l.replace('x', '×')}
        </button>
      ))}
      <button
        type="button"
        aria-pressed={linked}
        title={t('layout.linkTitle')}
        onClick={() => setLinked(!linked)}
      >
        {t('layout.link')}
      </button>
    </div>
  );
}
