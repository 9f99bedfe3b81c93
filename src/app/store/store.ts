// One store, one slice per concern (zustand's slices pattern). It holds ids and metadata only:
// pixel data lives in the frame cache (app/pixels), never here.
import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysisSlice.ts';
import { createBundleSlice, type BundleSlice } from './bundleSlice.ts';
import { createErrorsSlice, type ErrorsSlice } from './errorsSlice.ts';
import { createLabelsSlice, type LabelsSlice } from './labelsSlice.ts';
import { createMasksSlice, type MasksSlice } from './masksSlice.ts';
import { createMeasurementsSlice, type MeasurementsSlice } from './measurementsSlice.ts';
import { createPredictionsSlice, type PredictionsSlice } from './predictionsSlice.ts';
import { createStudiesSlice, type StudiesSlice } from './studiesSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createViewerSlice, type ViewerSlice } from './viewerSlice.ts';

export type AppState = StudiesSlice &
  ErrorsSlice &
  ViewerSlice &
  UiSlice &
  BundleSlice &
  LabelsSlice &
  PredictionsSlice &
  AnalysisSlice &
  MasksSlice &
  MeasurementsSlice;

export const useStore = create<AppState>()((...a) => ({
  ...createStudiesSlice(...a),
  ...createErrorsSlice(...a),
  ...createViewerSlice(...a),
  ...createUiSlice(...a),
  ...createAnalysisSlice(...a),
  ...createBundleSlice(...a),
  ...createLabelsSlice(...a),
  ...createPredictionsSlice(...a),
  ...createMasksSlice(...a),
  ...createMeasurementsSlice(...a),
}));
