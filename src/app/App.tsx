import { ErrorList } from './browser/ErrorList.tsx';
import { LoadProgress } from './browser/LoadProgress.tsx';
import { StudyBrowser } from './browser/StudyBrowser.tsx';
import { HelpDialog } from './help/HelpDialog.tsx';
import { useDropZone } from './ingest/useDropZone.ts';
import { SidePanel } from './panels/SidePanel.tsx';
import { usePersistedAnalysis } from './persist/usePersistedAnalysis.ts';
import { usePersistedLabels } from './persist/usePersistedLabels.ts';
import { usePersistedPredictions } from './persist/usePersistedPredictions.ts';
import { useShortcuts } from './shortcuts/useShortcuts.ts';
import { StartPage } from './start/StartPage.tsx';
import { useStore } from './store/store.ts';
import { Toolbar } from './toolbar/Toolbar.tsx';
import { ViewportGrid } from './viewer/ViewportGrid.tsx';

export function App() {
  const dragging = useDropZone();
  useShortcuts();
  usePersistedLabels();
  usePersistedPredictions();
  usePersistedAnalysis();
  // The Cases tab's table needs room: the side panel widens while it is open.
  const wide = useStore((s) => s.sideTab === 'cases');
  const hasStudies = useStore((s) => s.patients.length > 0);
  const helpOpen = useStore((s) => s.helpOpen);
  return (
    <div className={`app${dragging ? ' dragging' : ''}${wide ? ' wide-side' : ''}`}>
      <Toolbar />
      <aside className="left-panel">
        <LoadProgress />
        <StudyBrowser />
        <ErrorList />
      </aside>
      <main className="viewer">{hasStudies ? <ViewportGrid /> : <StartPage />}</main>
      <SidePanel />
      {helpOpen && <HelpDialog />}
    </div>
  );
}
