import { RoiToolButtons } from '../analysis/RoiToolButtons.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { useStore } from '../store/store.ts';
import { LayoutButtons } from './LayoutButtons.tsx';
import { MeasureButtons } from './MeasureButtons.tsx';
import { OpenButtons } from './OpenButtons.tsx';
import { PresetMenu } from './PresetMenu.tsx';
import { ToolButtons } from './ToolButtons.tsx';

export function Toolbar() {
  const openHelp = useStore((s) => s.setHelpOpen);
  return (
    <header className="toolbar">
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
        title="Keyboard shortcuts (?)"
        onClick={() => openHelp(true)}
      >
        ?
      </button>
    </header>
  );
}
