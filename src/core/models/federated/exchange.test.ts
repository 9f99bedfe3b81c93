// Two centers and a coordinator exchanging signed files as the workbench does: the final model
// equals the CLI loop's on the same cases, an answer signed by an untrusted key or for another
// round is left out with its reason, and the final model comes as ONNX with a card that holds
// the centers' held-out metrics.
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../bundle/types.ts';
import { generateSigningKeys, keyFingerprint } from '../../crypto/keys.ts';
import { parseCard } from '../../inference/card.ts';
import { studyTable } from '../study/studyTable.ts';
import { studyDataOfTable } from '../training/studyData.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';
import { centerAnswer, coordinatorAnswer, type FileText } from './exchange.ts';
import { type FederationSettings } from './federation.ts';
import { federateInProcess } from './testing/federateInProcess.ts';
import { splitCenter } from './session.ts';

const CODES = ['AAAA', 'BBBB', 'CCCC'];
const sim = simulatedStudy([40, 36], CODES.length, 2, 9, 0.4);
const manifests: Manifest[] = sim.centerNames.map(
  (center, c) =>
    ({
      center: { name: center },
      results: {
        features: Array.from(sim.y.keys())
          .filter((i) => sim.centers[i] === c)
          .map((i) => ({
            caseKey: i.toString(16).padStart(32, '0'),
            roi: 'whole',
            params: {},
            paramsHash: 'h',
            label: sim.y[i] ? 'malignant' : 'benign',
            features: CODES.map((code, j) => ({
              code,
              name: `Feature ${code}`,
              value: sim.x.data[i * CODES.length + j],
            })),
          })),
        predictions: [],
        edges: [],
      },
    }) as unknown as Manifest,
);
const terms = { rounds: 2, C: 1, localSteps: 1, trees: 10, seed: 0, holdout: 0.25 };
const start = { federation: 'two', family: 'logreg-l2' as const, terms };

describe('a federation through signed files', () => {
  it('ends with the CLI loop’s model, refusing untrusted and wrong-round answers', async () => {
    const keys = await generateSigningKeys();
    const stranger = await generateSigningKeys();
    const trusted = [await keyFingerprint(keys.publicKey)];
    const center = (k: number, message: FileText | null) =>
      centerAnswer(
        {
          manifests: [manifests[k]],
          center: { name: sim.centerNames[k], number: k + 1 },
          message,
          start,
          trusted,
        },
        keys,
      );
    let previous: FileText | null = null;
    let stale: FileText | null = null;
    const models: FileText[] = [];
    for (let step = 0; step < 5; step++) {
      const answers = [];
      for (let k = 0; k < 2; k++) answers.push((await center(k, previous)).answer);
      const extra = step === 3 && stale ? [stale] : [];
      const untrusted =
        step === 0 ? [(await centerAnswer({ ...(await req0()), trusted }, stranger)).answer] : [];
      const r = await coordinatorAnswer(
        { previous, answers: [...answers, ...extra, ...untrusted], trusted, name: 'fed' },
        keys,
      );
      expect(r.accepted.map((a) => a.from)).toEqual(sim.centerNames);
      if (step === 0) expect(r.refused.map((p) => p.code)).toEqual(['update-untrusted']);
      if (step === 3) expect(r.refused.map((p) => p.code)).toEqual(['update-wrong-round']);
      if (step === 2) stale = answers[0];
      if (step === 4) {
        expect(r.validation!.perCenter).toHaveLength(2);
        const card = parseCard(JSON.parse(JSON.stringify(r.model!.card)), 'card');
        expect((card.metrics as { val?: { perCenter: unknown[] } }).val?.perCenter).toHaveLength(2);
        expect(card.output.labels).toEqual(['benign', 'malignant']);
        expect(
          (card.input as { features: { ibsi: string }[] }).features.map((f) => f.ibsi),
        ).toEqual(CODES);
        expect(r.model!.onnx.length).toBeGreaterThan(100);
        break;
      }
      previous = r.next!;
      models.push(previous);
    }
    // The CLI's loop on the same split cases.
    const data = manifests.map((m, k) => {
      const table = studyTable([{ center: m.center.name, manifest: m }]);
      const d = studyDataOfTable(table);
      const name = sim.centerNames[k];
      return splitCenter({ name, number: k + 1, features: [], x: d.x, y: d.y }, terms).data;
    });
    const s: FederationSettings = {
      federation: 'two',
      family: 'logreg-l2',
      features: CODES.map((c) => `Feature ${c} [${c}]`),
      C: 1,
      localSteps: 1,
    };
    const global = federateInProcess(s, data, 2);
    const final = JSON.parse(models[models.length - 1].text).update;
    expect(final.round).toBe(3);
    expect(final.linear.weights).toEqual(global.linear!.weights);
    expect(final.linear.intercept).toBe(global.linear!.intercept);

    async function req0() {
      return {
        manifests: [manifests[0]],
        center: { name: 'Elsewhere', number: 3 },
        message: null,
        start,
      };
    }
  });
});
