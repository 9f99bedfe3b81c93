import { confusionMatrix, type ConfusionMatrix } from '../stats/confusion';
import { delongInterval, type AucInterval } from '../stats/delong';
import { kappaFromMatrix, percentAgreement } from '../stats/kappa';
import { roc } from '../stats/roc';
import type { Manifest, PredictionResult } from './types';

/** One source of predictions: a center running one model (name, version and file hash). */
export interface Rater {
  readonly id: string;
  readonly center: string;
  readonly model: string;
  readonly predictions: ReadonlyMap<string, PredictionResult>;
}

export interface LabelAgreement {
  readonly a: string;
  readonly b: string;
  readonly n: number;
  readonly percentAgreement: number;
  readonly kappa: number;
  readonly confusion: ConfusionMatrix;
}

export interface RaterRoc {
  readonly rater: string;
  readonly positiveLabel: string;
  readonly positives: number;
  readonly negatives: number;
  readonly auc: number;
  /** DeLong 95% interval; absent with fewer than two cases of either class. */
  readonly ci?: AucInterval;
}

export function ratersOf(centers: readonly { id: string; manifest: Manifest }[]): Rater[] {
  const raters = new Map<string, Rater>();
  for (const { id, manifest } of centers) {
    for (const p of manifest.results.predictions) {
      const model = `${p.model.name}@${p.model.version}#${p.model.sha256.slice(0, 12)}`;
      const raterId = `${id} / ${model}`;
      let r = raters.get(raterId);
      if (!r) raters.set(raterId, (r = { id: raterId, center: id, model, predictions: new Map() }));
      (r.predictions as Map<string, PredictionResult>).set(p.caseKey, p);
    }
  }
  return [...raters.values()].sort((x, y) => (x.id < y.id ? -1 : 1));
}

/** Pairwise agreement of predicted labels on the cases both raters saw. */
export function labelAgreement(raters: readonly Rater[]): LabelAgreement[] {
  const out: LabelAgreement[] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const shared = [...raters[i].predictions.keys()]
        .filter((k) => raters[j].predictions.has(k))
        .sort();
      if (shared.length === 0) continue;
      const a = shared.map((k) => raters[i].predictions.get(k)!.predicted);
      const b = shared.map((k) => raters[j].predictions.get(k)!.predicted);
      const confusion = confusionMatrix(a, b);
      out.push({
        a: raters[i].id,
        b: raters[j].id,
        n: shared.length,
        percentAgreement: percentAgreement(confusion),
        kappa: kappaFromMatrix(confusion),
        confusion,
      });
    }
  }
  return out;
}

/** ROC of each rater's probability for the positive label against the ground truth it carries. */
export function raterRocs(raters: readonly Rater[], positiveLabel?: string): RaterRoc[] {
  const out: RaterRoc[] = [];
  for (const r of raters) {
    const withTruth = [...r.predictions.values()].filter((p) => p.label !== undefined);
    if (withTruth.length === 0) continue;
    const positive = positiveLabel ?? Object.keys(withTruth[0].probabilities).sort().at(-1)!;
    const scores = withTruth.map((p) => p.probabilities[positive] ?? 0);
    const truth = withTruth.map((p) => p.label === positive);
    const positives = truth.filter(Boolean).length;
    const negatives = truth.length - positives;
    if (positives === 0 || negatives === 0) continue;
    const curve = roc(scores, truth);
    const ci = positives >= 2 && negatives >= 2 ? delongInterval(scores, truth) : undefined;
    out.push({
      rater: r.id,
      positiveLabel: positive,
      positives,
      negatives,
      auc: curve.auc,
      ...(ci ? { ci } : {}),
    });
  }
  return out;
}
