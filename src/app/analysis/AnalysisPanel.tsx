import '../styles/analysis.css';
import { ComputeControls } from './ComputeControls.tsx';
import { EdgeControls } from './EdgeControls.tsx';
import { FiltersSection } from './filters/FiltersSection.tsx';
import { ParamsForm } from './ParamsForm.tsx';
import { ProcessingForm } from './ProcessingForm.tsx';
import { ResultsView } from './ResultsView.tsx';
import { RoiList } from './RoiList.tsx';
import { RunControls } from './RunControls.tsx';
import { SettingsFileControls } from './SettingsFileControls.tsx';

/** The Analysis tab: ROIs, feature parameters, run controls, edge overlay and results. */
export function AnalysisPanel() {
  return (
    <div className="analysis-panel">
      <RoiList />
      <ParamsForm />
      <ProcessingForm />
      <SettingsFileControls />
      <ComputeControls />
      <RunControls />
      <EdgeControls />
      <FiltersSection />
      <ResultsView />
    </div>
  );
}
