import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import { roiTools } from './roiShortcuts.ts';

/** Toolbar buttons for the ROI tools; pressing the active one again goes back to the viewer tool. */
export function RoiToolButtons() {
  const { t } = useTranslation('analysis');
  const tool = useStore((s) => s.roiTool);
  const setTool = useStore((s) => s.setRoiTool);
  return (
    <div className="button-group" role="group" aria-label={t('roiTools')}>
      {roiTools.map((each) => (
        <button
          key={each.tool}
          type="button"
          aria-pressed={tool === each.tool}
          title={t('roiToolTitle', { tool: t(`tool.${each.tool}`), key: each.key })}
          onClick={() => setTool(tool === each.tool ? null : each.tool)}
        >
          {t(`tool.${each.tool}`)}
        </button>
      ))}
    </div>
  );
}
