import type { ReactNode } from 'react';
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx';
import { BundlesPanel } from '../bundles/BundlesPanel.tsx';
import { CasesPanel } from '../cases/CasesPanel.tsx';
import { useStore } from '../store/store.ts';
import type { SideTab } from '../store/uiSlice.ts';
import { PredictionsPanel } from './PredictionsPanel.tsx';
import { TagBrowser } from './TagBrowser.tsx';

// Analysis and Predictions panels join this list when they land.
const tabs: { id: SideTab; label: string; render: () => ReactNode }[] = [
  { id: 'tags', label: 'Tags', render: () => <TagBrowser /> },
  { id: 'analysis', label: 'Analysis', render: () => <AnalysisPanel /> },
  { id: 'predictions', label: 'Predictions', render: () => <PredictionsPanel /> },
  { id: 'cases', label: 'Cases', render: () => <CasesPanel /> },
  { id: 'bundles', label: 'Bundles', render: () => <BundlesPanel /> },
];

export function SidePanel() {
  const current = useStore((s) => s.sideTab);
  const setTab = useStore((s) => s.setSideTab);
  const tab = tabs.find((t) => t.id === current) ?? tabs[0];
  return (
    <aside className="side-panel">
      <div role="tablist" className="tabs">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={t.id === tab.id}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-body">
        {tab.render()}
      </div>
    </aside>
  );
}
