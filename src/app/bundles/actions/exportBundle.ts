// Export: the worker pseudonymises this center's results and writes the bundle; the page offers
// it as a download and keeps it in the library, so the center's own results join comparisons.
import * as db from '../../persist/db.ts';
import { useStore } from '../../store/store.ts';
import { localFeaturesFromAnalysis } from '../fromAnalysisResults.ts';
import { localMeasurements } from '../fromMeasurements.ts';
import { localPredictions } from '../../predictions/seriesPredictions.ts';
import type { ReportDates } from '../../../core/bundle/sr/studyReport.ts';
import { secretFileBytes, typedSecretBytes } from '../../../core/crypto/secret.ts';
import { ProblemError, type Problem } from '../../../core/result.ts';
import { bundleWorker } from '../../services/workers.ts';
import { download } from './download.ts';
import { ensureSigningKey } from './keys.ts';
import { refreshLibrary } from './library.ts';

export interface ExportOptions {
  readonly center: string;
  readonly sign: boolean;
  /** Encrypt the whole bundle under this passphrase (AES-GCM, PBKDF2) when given. */
  readonly passphrase?: string;
  /** Study dates in the per-study DICOM SR of the predictions: removed or shifted. */
  readonly reportDates?: ReportDates;
}

/**
 * Why an export stopped: a code (translated in problems.bundles.json) and, where a worker step
 * failed, that step's own Problem.
 */
export class ExportProblem extends ProblemError {
  constructor(
    code: string,
    reason: string,
    readonly inner?: Problem,
  ) {
    super(code, reason);
  }
}

export async function exportBundle(options: ExportOptions): Promise<string> {
  const s = useStore.getState();
  const center = options.center.trim();
  if (!center) throw new ExportProblem('export-no-center', 'Enter the name of your center.');
  if (!s.collaborationKey)
    throw new ExportProblem(
      'export-no-key',
      'Enter the collaboration key shared with your partners.',
    );
  // Whole-image features computed here, plus whatever the Analysis tab has produced.
  const features = [
    ...Object.values(s.localFeatures),
    ...localFeaturesFromAnalysis(Object.values(s.results), s.seriesByUid, s.stacks),
  ];
  // Predictions of the Predictions tab: one per series and model (the series aggregate).
  const predictions = localPredictions(s.predictions, s.stacks);
  if (features.length === 0 && predictions.length === 0)
    throw new ExportProblem(
      'export-no-results',
      'There are no results yet: run an analysis, classify images or compute whole-image features first.',
    );
  const signing = options.sign ? await ensureSigningKey() : undefined;
  const { secret } = s.collaborationKey;
  const written = await bundleWorker.call(undefined, 'exportBundle', {
    center,
    // The one rule for secrets (core/crypto/secret.ts), as `consilium analyze --key-file` applies it.
    secret: typeof secret === 'string' ? typedSecretBytes(secret) : secretFileBytes(secret),
    features,
    predictions,
    // The reader's measurements go into their studies' SRs (TID 1500 measurement groups).
    measurements: localMeasurements(s.measurements, s.stacks),
    labels: s.labels,
    reportDates: options.reportDates ?? 'remove',
    ...(signing
      ? { signWith: { privateKey: signing.privateKey, publicKey: signing.publicKey } }
      : {}),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
  if (!written.ok)
    throw new ExportProblem(
      'export-write-failed',
      'The bundle could not be written',
      written.error,
    );
  const bytes = written.value;
  const fileName = `${center.replace(/[^\w.-]+/g, '_')}-${new Date().toISOString().slice(0, 10)}.zip`;
  download(fileName, bytes, 'application/zip');
  const own = await bundleWorker.call(
    undefined,
    'verify',
    bytes,
    signing ? [signing.fingerprint] : [],
    options.passphrase,
  );
  if (!own.ok)
    throw new ExportProblem(
      'export-verify-failed',
      'The written bundle does not verify',
      own.error,
    );
  await db.putBundle({
    summary: own.value.summary,
    fileName,
    origin: 'exported',
    importedAt: new Date().toISOString(),
    manifest: own.value.manifest,
    bytes,
  });
  await refreshLibrary();
  return fileName;
}
