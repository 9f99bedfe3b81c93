import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx';
import { BundlesPanel } from '../bundles/BundlesPanel.tsx';
import { CasesPanel } from '../cases/CasesPanel.tsx';
import { CohortPanel } from '../cohort/CohortPanel.tsx';
import { CohortTabLabel } from '../cohort/CohortTabLabel.tsx';
import { useStore } from '../store/store.ts';
import type { SideTab } from '../store/uiSlice.ts';
import { PredictionsPanel } from './PredictionsPanel.tsx';
import { TagBrowser } from './TagBrowser.tsx';

// Analysis and Predictions panels join this list when they land.
// Each tab's label is panels:tab.<id>, or its own (an area with its own namespace).
const tabs: { id: SideTab; label?: () => ReactNode; render: () => ReactNode }[] = [
  { id: 'tags', render: () => <TagBrowser /> },
  { id: 'analysis', render: () => <AnalysisPanel /> },
  { id: 'predictions', render: () => <PredictionsPanel /> },
  { id: 'cases', render: () => <CasesPanel /> },
  { id: 'bundles', render: () => <BundlesPanel /> },
  { id: 'cohort', label: () => <CohortTabLabel />, render: () => <CohortPanel /> },
];

export function SidePanel() {
  const { t } = useTranslation('panels');
  const current = useStore((s) => s.sideTab);
  const setTab = useStore((s) => s.setSideTab);
  const tab = tabs.find((each) => each.id === current) ?? tabs[0];
  return (
    <aside className="side-panel">
      <div role="tablist" className="tabs">
        {tabs.map((each) => (
          <button
            key={each.id}
            role="tab"
            type="button"
            aria-selected={each.id === tab.id}
            onClick={() => setTab(each.id)}
          >
            {each.label ? each.label() : t(`tab.${each.id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="tab-body">
        {tab.render()}
      </div>
    </aside>
  );
}
