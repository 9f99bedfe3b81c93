// The Bundles tab's "store on a PACS": this page's results as one TID 1500 report per study,
// made in the report worker, stored by STOW-RS through the page's own proxy. Identified reports
// go into the source study of the hospital's PACS; pseudonymised ones (the collaboration key's
// case keys and UIDs) into the pseudonymised study of a de-identified research PACS. Each study
// is one outcome: stored, or the Problem that stopped it; the other studies still go.
import type { SourceImage } from '../../core/bundle/sr/measurementReport.ts';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { storeInstances } from '../../core/dicomweb/stow.ts';
import { problemOf, ProblemError, type Problem } from '../../core/result.ts';
import { localFeaturesFromAnalysis } from '../bundles/fromAnalysisResults.ts';
import { localPredictions } from '../predictions/seriesPredictions.ts';
import { reportWorker } from '../services/workers.ts';
import { useStore } from '../store/store.ts';
import { collaborationSecret } from './collaborationSecret.ts';
import { pacsClient } from './pacsClient.ts';
import type { PacsConfig } from './pacsServers.ts';

export interface StowOptions {
  readonly server: PacsConfig;
  /** The pseudonymised report (research PACS); the identified one without. */
  readonly pseudonymised?: { readonly reportDates: ReportDates };
  readonly signal?: AbortSignal;
}

export type StowOutcome =
  | { readonly study: string; readonly into: string; readonly stored: true; readonly url: string }
  | {
      readonly study: string;
      readonly into: string;
      readonly stored: false;
      readonly problem: Problem;
    };

export async function stowReports(options: StowOptions): Promise<StowOutcome[]> {
  const s = useStore.getState();
  const features = [
    ...Object.values(s.localFeatures),
    ...localFeaturesFromAnalysis(Object.values(s.results), s.seriesByUid, s.stacks),
  ];
  const predictions = localPredictions(s.predictions, s.stacks);
  if (features.length === 0 && predictions.length === 0)
    throw new ProblemError(
      'stow-no-results',
      'there are no results to report: run an analysis, classify images or compute whole-image features first',
    );
  const secret = options.pseudonymised ? collaborationSecret() : undefined;
  // The images of series analysed without a prediction: the report lists its evidence.
  const seriesImages: Record<string, SourceImage[]> = {};
  for (const f of features)
    seriesImages[f.seriesUid] ??= (s.seriesByUid[f.seriesUid]?.instances ?? []).map((i) => ({
      sopClassUid: i.sopClassUID,
      sopInstanceUid: i.sopInstanceUID,
      seriesInstanceUid: f.seriesUid,
    }));
  const made = await reportWorker.call(options.signal, 'reports', {
    features,
    predictions,
    seriesImages,
    ...(secret && options.pseudonymised
      ? { pseudonymised: { secret, reportDates: options.pseudonymised.reportDates } }
      : {}),
  });
  if (!made.ok) throw new ProblemError(made.error.code, made.error.reason, made.error.params);
  const client = pacsClient(options.server);
  const out: StowOutcome[] = [];
  for (const report of made.value) {
    const study = report.sourceStudyInstanceUid;
    const into = report.studyInstanceUid;
    try {
      const stored = await storeInstances(client, [report.bytes], into, options.signal);
      out.push({
        study,
        into,
        stored: true,
        url: stored.retrieveUrls[0] ?? stored.stored[0] ?? '',
      });
    } catch (e) {
      out.push({ study, into, stored: false, problem: problemOf(e, 'dicomweb-failed') });
    }
  }
  return out;
}
