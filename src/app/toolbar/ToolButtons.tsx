import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import type { Tool } from '../store/viewerSlice.ts';

const tools: { tool: Tool; key: string }[] = [
  { tool: 'wl', key: 'W' },
  { tool: 'zoom', key: 'Z' },
  { tool: 'pan', key: 'P' },
];

export function ToolButtons() {
  const { t } = useTranslation('toolbar');
  const tool = useStore((s) => s.tool);
  const setTool = useStore((s) => s.setTool);
  const active = useStore((s) => s.active);
  const toggleInvert = useStore((s) => s.toggleInvert);
  const resetView = useStore((s) => s.resetView);
  return (
    <div className="button-group" role="group" aria-label={t('tools.label')}>
      {tools.map((each) => (
        <button
          key={each.tool}
          type="button"
          aria-pressed={tool === each.tool}
          title={t('tools.toolTitle', { tool: t(`tools.${each.tool}`), key: each.key })}
          onClick={() => setTool(each.tool)}
        >
          {t(`tools.${each.tool}`)}
        </button>
      ))}
      {/* Icons keep the row short; the names stay for screen readers and tooltips. */}
      <button
        type="button"
        className="icon"
        aria-label={t('tools.invert')}
        title={t('tools.invertTitle')}
        onClick={() => toggleInvert(active)}
      >
        ◐
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('tools.reset')}
        title={t('tools.resetTitle')}
        onClick={() => resetView(active)}
      >
        ↺
      </button>
    </div>
  );
}
