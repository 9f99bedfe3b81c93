import { useTranslation } from 'react-i18next';
import { shortcuts } from '../shortcuts/shortcuts.ts';
import { useStore } from '../store/store.ts';
import { WorkflowHelp } from './WorkflowHelp.tsx';

export function HelpDialog() {
  const { t } = useTranslation('help');
  const close = useStore((s) => s.setHelpOpen);
  return (
    <div className="dialog-backdrop" onClick={() => close(false)}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('title')}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t('title')}</h2>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map((s) => (
              <tr key={s.label}>
                <td>
                  <kbd>{s.label}</kbd>
                </td>
                <td>{t(`shortcut.${s.does}`, s.doesParams)}</td>
              </tr>
            ))}
            <tr>
              <td>{t('mouse')}</td>
              <td>{t('mouseDoes')}</td>
            </tr>
          </tbody>
        </table>
        <WorkflowHelp />
        <button type="button" onClick={() => close(false)}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
