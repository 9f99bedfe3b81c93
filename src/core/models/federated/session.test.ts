// A federation run by hand (each message through JSON, as files travel) gives the same model as
// the CLI's loop over federation.ts, refuses answers made for another step or under other terms,
// and validates the final model on each center's held-out cases.
import { describe, expect, it } from 'vitest';
import { takeLabels, takeRows } from '../classifiers/matrix.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';
import {
  centerPlatt,
  coordinatorPlatt,
  PLATT_ROUNDS,
  type FederationSettings,
} from './federation.ts';
import { noiseSigma } from './privacy.ts';
import { federateInProcess } from './testing/federateInProcess.ts';
import {
  aggregateValidation,
  coordinatorStep,
  participantStep,
  screenAnswers,
  splitCenter,
  type LocalCenter,
} from './session.ts';
import type { FederatedFamily, FederationTerms, ModelUpdate } from './update.ts';

const study = simulatedStudy([50, 40], 5, 2, 11, 0.3);
const features = Array.from({ length: 5 }, (_, j) => `f${j} [F00${j}]`);
const centers: LocalCenter[] = study.centerNames.map((name, c) => {
  const idx = Array.from(study.centers.keys()).filter((i) => study.centers[i] === c);
  return { name, number: c + 1, features, x: takeRows(study.x, idx), y: takeLabels(study.y, idx) };
});
const terms: FederationTerms = {
  rounds: 3,
  C: 1,
  localSteps: 2,
  trees: 10,
  seed: 0,
  holdout: 0.25,
};
const start = { federation: 'hand', family: 'logreg-l2' as const, terms };
const mail = (u: ModelUpdate) => JSON.parse(JSON.stringify(u)) as ModelUpdate;
/** The CLI loop's settings for the same terms as the hand-run federation's. */
const loopSettings = (
  family: FederatedFamily,
  more: Partial<FederationSettings> = {},
): FederationSettings => ({
  federation: 'hand',
  family,
  features,
  C: 1,
  localSteps: 2,
  trees: 10,
  seed: 0,
  ...more,
});

function byHand(t = terms, family: FederatedFamily = 'logreg-l2') {
  let sent: ModelUpdate | null = null;
  const steps: ModelUpdate[] = [];
  for (;;) {
    const answers = centers.map((c) =>
      mail(participantStep(c, sent, { ...start, family, terms: t })),
    );
    if (sent && answers[0].stage === 'validation') return { final: sent, answers, steps };
    const screened = screenAnswers(
      sent,
      answers.map((u, k) => ({ file: `c${k}`, update: u })),
    );
    expect(screened.refused).toEqual([]);
    sent = mail(coordinatorStep(sent, screened.accepted));
    steps.push(sent);
  }
}

describe('a federation by hand', () => {
  it('ends with the model the CLI loop computes', () => {
    const { final, steps } = byHand();
    // round 0: scaler; curvature → round 1; rounds 1..3 → round 4, the final model.
    expect(steps.map((s) => [s.round, s.stage ?? ''])).toEqual([
      [0, 'scaler'],
      [1, ''],
      [2, ''],
      [3, ''],
      [4, ''],
    ]);
    const s = loopSettings('logreg-l2');
    const data = centers.map((c) => splitCenter(c, terms).data);
    const global = federateInProcess(s, data, 3);
    expect(final.linear!.intercept).toBe(global.linear!.intercept);
    expect(final.linear!.weights).toEqual(global.linear!.weights);
  });

  it("aggregates the centers' held-out metrics of the final model", () => {
    const { answers } = byHand();
    const v = aggregateValidation(answers);
    expect(v.perCenter.map((c) => c.center)).toEqual(study.centerNames);
    expect(v.cases).toBe(answers.reduce((t, a) => t + a.validation!.cases, 0));
    expect(answers.map((a) => a.cases)).toEqual([50, 40]);
    expect(v.cases).toBeGreaterThan(15);
    expect(v.caseWeightedAuc).toBeGreaterThan(0.5);
  });

  it('merges a forest in one round', () => {
    const { final } = byHand({ ...terms, trees: 6 }, 'forest');
    expect(final.trees!.length).toBe(6);
  });

  it('leaves out an answer for another step or made under other terms, saying which', () => {
    const stats = centers.map((c) => mail(participantStep(c, null, start)));
    const scaler = mail(coordinatorStep(null, stats));
    const other = mail(participantStep(centers[1], null, { ...start, terms: { ...terms, C: 2 } }));
    const curvature = mail(participantStep(centers[0], scaler));
    const r = screenAnswers(scaler, [
      { file: 'a.json', update: curvature },
      { file: 'b.json', update: stats[1] },
      { file: 'c.json', update: { ...other, stage: 'curvature' } },
    ]);
    expect(r.accepted).toEqual([curvature]);
    expect(r.refused.map((p) => [p.params.file, p.code])).toEqual([
      ['b.json', 'update-wrong-stage'],
      ['c.json', 'update-wrong-terms'],
    ]);
    expect(r.refused[1].reason).toContain('C 2');
  });

  it('runs a linear SVM by hand: its Newton rounds, then Platt’s, to the CLI loop’s model', () => {
    const t = { ...terms, rounds: 6 };
    const { final, steps, answers } = byHand(t, 'svm-linear');
    // scaler, round 1, six Newton rounds → round 7, eight Platt rounds → round 15, the final model.
    expect(steps.map((s) => s.round)).toEqual([0, ...Array.from({ length: 15 }, (_, r) => r + 1)]);
    expect(final.round).toBe(t.rounds + PLATT_ROUNDS + 1);
    const s = loopSettings('svm-linear', { rounds: 6 });
    const data = centers.map((c) => splitCenter(c, t).data);
    let global = federateInProcess(s, data, 6);
    for (let k = 0; k < PLATT_ROUNDS; k++)
      global = coordinatorPlatt(
        s,
        global,
        data.map((c) => centerPlatt(s, c, global)),
      );
    expect(final.linear).toEqual(global.linear);
    expect(final.sigmoid).toEqual(global.sigmoid);
    expect(final.sigmoid!.a).toBeLessThan(0);
    expect(answers.every((a) => a.validation!.auc! > 0.5)).toBe(true);
  });

  it('without held-out cases a center reports counts only', () => {
    const { answers } = byHand({ ...terms, rounds: 1, holdout: 0 });
    expect(answers.map((a) => [a.cases, a.validation])).toEqual([
      [50, undefined],
      [40, undefined],
    ]);
    expect(aggregateValidation(answers).caseWeightedAuc).toBeNull();
  });

  it('in a private federation, answers carry noise; one without it is left out', () => {
    const t = { ...terms, privacy: { epsilon: 4, delta: 1e-5, clip: 0.05 } };
    const begin = { ...start, terms: t };
    const scaler = mail(
      coordinatorStep(
        null,
        centers.map((c) => mail(participantStep(c, null, begin))),
      ),
    );
    const round1 = mail(
      coordinatorStep(
        scaler,
        centers.map((c) => mail(participantStep(c, scaler))),
      ),
    );
    const answers = centers.map((c) => mail(participantStep(c, round1)));
    expect(answers.every((a) => a.privacy?.sigma === noiseSigma(t.privacy))).toBe(true);
    const { privacy: _p, ...bare } = answers[1];
    const r = screenAnswers(round1, [
      { file: 'a.json', update: answers[0] },
      { file: 'b.json', update: bare },
    ]);
    expect(r.accepted).toEqual([answers[0]]);
    expect(r.refused.map((p) => p.code)).toEqual(['update-not-private']);
    expect(() => participantStep(centers[0], null, { ...begin, family: 'forest' })).toThrow(
      expect.objectContaining({ code: 'federation-privacy' }) as Error,
    );
  });

  it('refuses answers and messages made from features computed with other settings', () => {
    const settings = (bins: number) =>
      ({ params: { discretisation: { method: 'FBN', bins } } }) as never;
    const t = { ...terms, featureSettings: settings(32) };
    const withSettings = (c: LocalCenter, bins: number) => ({
      ...c,
      featureSettings: settings(bins),
    });
    const stats = [
      mail(participantStep(withSettings(centers[0], 32), null, { ...start, terms: t })),
      mail(participantStep(withSettings(centers[1], 32), null, { ...start, terms: t })),
      mail(
        participantStep(withSettings({ ...centers[1], name: 'Other' }, 64), null, {
          ...start,
          terms: { ...t, featureSettings: settings(64) },
        }),
      ),
    ];
    const r = screenAnswers(
      null,
      stats.map((u, k) => ({ file: `s${k}`, update: u })),
    );
    expect(r.refused.map((p) => [p.params.from, p.code])).toEqual([
      ['Other', 'update-feature-settings'],
    ]);
    const scaler = mail(coordinatorStep(null, r.accepted));
    expect(() => participantStep(withSettings(centers[0], 64), scaler)).toThrow(
      expect.objectContaining({ code: 'federation-feature-settings' }) as Error,
    );
    expect(participantStep(withSettings(centers[0], 32), scaler).stage).toBe('curvature');
  });

  it("refuses a coordinator's message whose labels differ from the center's", () => {
    const t = { ...terms, labels: ['benign', 'malignant'] as [string, string] };
    const stats = centers.map((c) => mail(participantStep(c, null, { ...start, terms: t })));
    const scaler = mail(coordinatorStep(null, stats));
    expect(() => participantStep({ ...centers[0], labels: ['no', 'yes'] }, scaler)).toThrow(
      expect.objectContaining({ code: 'federation-labels' }) as Error,
    );
  });
});
