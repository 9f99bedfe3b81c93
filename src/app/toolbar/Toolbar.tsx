import { useTranslation } from 'react-i18next';
import { RoiToolButtons } from '../analysis/RoiToolButtons.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useStore } from '../store/store.ts';
import { LayoutButtons } from './LayoutButtons.tsx';
import { MeasureButtons } from './MeasureButtons.tsx';
import { OpenButtons } from './OpenButtons.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { ToolButtons } from './ToolButtons.tsx';
import './toolbar.css';

export function Toolbar() {
  const { t } = useTranslation('toolbar');
  const openHelp = useStore((s) => s.setHelpOpen);
  return (
    <header className="toolbar" aria-label={t('label')}>
      <h1 className="brand">Consilium</h1>
      <OpenButtons />
      <LayoutButtons />
      <ToolButtons />
      <MeasureButtons />
      <RoiToolButtons />
      <PresetMenu />
      <LanguageSwitch />
      <button
        type="button"
        className="help-button"
        title={t('help')}
        aria-label={t('help')}
        onClick={() => openHelp(true)}
      >
        ?
      </button>
    </header>
  );
}
