// Training from bundles as the workbench does it: the same validation figures as crossValidate
// on the same table, a card that validates and records the bundles' feature settings, progress
// after every fold, and plain refusals of unlabelled or one-class studies.
import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../analysis/params.ts';
import { paramsHash } from '../../bundle/paramsHash.ts';
import type { JsonValue, Manifest } from '../../bundle/types.ts';
import { parseCard } from '../../inference/card.ts';
import { recordableSettings } from '../featureModel/recordedSettings.ts';
import { studyTable } from '../study/studyTable.ts';
import { crossValidate } from '../validation/crossValidate.ts';
import { leaveOneCenterOut } from '../validation/folds.ts';
import { simulatedStudy } from '../validation/testing/simulatedStudy.ts';
import { studyDataOfTable } from './studyData.ts';
import { trainStudy } from './trainStudy.ts';

const CODES = ['AAAA', 'BBBB', 'CCCC', 'DDDD'];
const sim = simulatedStudy([30, 25, 35], CODES.length, 2, 5);

async function manifests(labelled = true): Promise<Manifest[]> {
  const params = JSON.parse(JSON.stringify({ ...defaultParams, roi: { kind: 'whole' } })) as Record<
    string,
    JsonValue
  >;
  const hash = await paramsHash(params);
  return sim.centerNames.map((center, c) => {
    const features = [];
    for (let i = 0; i < sim.y.length; i++) {
      if (sim.centers[i] !== c) continue;
      features.push({
        caseKey: i.toString(16).padStart(32, '0'),
        roi: 'whole',
        params,
        paramsHash: hash,
        ...(labelled || i > 3 ? { label: sim.y[i] ? 'malignant' : 'benign' } : {}),
        features: CODES.map((code, j) => ({
          code,
          name: `Feature ${code}`,
          value: sim.x.data[i * CODES.length + j],
        })),
      });
    }
    return {
      center: { name: center },
      results: { features, predictions: [], edges: [] },
    } as unknown as Manifest;
  });
}

const spec = { family: 'logreg-l2' as const, seed: 0 };

describe('trainStudy', () => {
  it('validates leave-one-center-out as crossValidate does and writes a card with the settings', async () => {
    const ms = await manifests();
    const steps: number[] = [];
    const run = await trainStudy(
      ms,
      { spec, validation: { kind: 'loco' }, name: 'study-model', producer: 'test' },
      (done) => steps.push(done),
    );
    expect(steps).toEqual([0, 1, 2, 3, 4]);
    const data = studyDataOfTable(
      studyTable(ms.map((m) => ({ center: m.center.name, manifest: m }))),
    );
    const expected = crossValidate(data, spec, leaveOneCenterOut(data.centers));
    expect(run.validation).toEqual(expected);
    expect(run.validation!.perCenter.map((c) => c.center)).toEqual([
      'center-1',
      'center-2',
      'center-3',
    ]);
    expect(run.validation!.overall.aucCi).not.toBeNull();
    const card = parseCard(JSON.parse(JSON.stringify(run.card)), 'card');
    expect(card.training.featureSettings).toEqual(recordableSettings(defaultParams));
    expect(card.model.file).toBe('study-model.onnx');
    expect(run.labels).toEqual(['benign', 'malignant']);
  });

  it('notes harmonized inputs on the card and hands back the ComBat fit', async () => {
    const run = await trainStudy(await manifests(), {
      spec,
      validation: null,
      harmonize: { method: 'parametric' },
      name: 'harmonized',
      producer: 'test',
    });
    expect(run.combat?.method).toBe('parametric');
    expect(run.card.intendedUse.limitations.join(' ')).toContain('ComBat-harmonized');
  });

  it('refuses cases without a label', async () => {
    await expect(
      trainStudy(await manifests(false), { spec, validation: null, name: 'x', producer: 't' }),
    ).rejects.toMatchObject({ code: 'label-missing' });
  });
});
