// The Study view: three centers' bundles (made here, unsigned, imported at the user's word) become
// one study; the center effect is plain before ComBat and gone after, with the figures the core
// computes from the same manifests, and the chosen feature's boxes per center line up after.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paramsHash } from '../src/core/bundle/paramsHash.ts';
import type { FeatureResult } from '../src/core/bundle/types.ts';
import { verifyBundle } from '../src/core/bundle/verifyBundle.ts';
import { writeBundle } from '../src/core/bundle/writeBundle.ts';
import { seededRandom } from '../src/core/models/classifiers/random.ts';
import { studyView } from '../src/core/models/study/studyView.ts';
import { expect, test } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'consilium-study-'));
const params = { discretisation: { method: 'FBN', bins: 32 }, roi: 'whole-image' };
const CENTERS = [
  { name: 'North', cases: 20, shift: 0, scale: 1 },
  { name: 'South', cases: 24, shift: 8, scale: 2 },
  { name: 'West', cases: 18, shift: -6, scale: 0.6 },
];

async function centerBundles() {
  const random = seededRandom(3);
  const normal = () => {
    const u = 1 - random.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
  };
  const hash = await paramsHash(params);
  const files: string[] = [];
  const bytesOf: Uint8Array[] = [];
  for (const [k, c] of CENTERS.entries()) {
    const features: FeatureResult[] = Array.from({ length: c.cases }, (_, i) => ({
      caseKey: (k * 1000 + i).toString(16).padStart(32, '0'),
      roi: 'whole-image',
      params,
      paramsHash: hash,
      label: i % 2 ? 'malignant' : 'benign',
      features: ['Mean', 'Energy', 'Contrast', 'Entropy'].map((name, g) => ({
        name,
        code: `F00${g}`,
        value: 20 * (g + 1) + (i % 2) * 3 + c.shift + c.scale * 2 * normal(),
      })),
    }));
    const bytes = await writeBundle({
      center: c.name,
      software: { name: 'consilium', version: 'test' },
      results: { features, predictions: [], edges: [] },
    });
    const path = join(dir, `${c.name}.zip`);
    writeFileSync(path, bytes);
    files.push(path);
    bytesOf.push(bytes);
  }
  return { files, bytesOf };
}

test('the Study view shows the center effect before ComBat and none after', async ({ page }) => {
  const { files, bytesOf } = await centerBundles();
  const manifests = [];
  for (const b of bytesOf) {
    const v = await verifyBundle(b, { trustedKeys: [] });
    if (!v.ok) throw new Error(v.error.reason);
    manifests.push(v.bundle.manifest);
  }
  const expected = studyView(manifests, { method: 'parametric', covariate: 'label' });

  await page.goto('/');
  await page.getByRole('tab', { name: 'Bundles' }).click();
  const library = page.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  for (const [i, file] of files.entries()) {
    await page.getByLabel('Import bundle').setInputFiles(file);
    await page.getByTestId('trust-prompt').getByRole('button', { name: 'Import unsigned' }).click();
    await expect(library).toHaveCount(i + 1);
  }
  await page.getByRole('button', { name: 'Study…' }).click();
  const view = page.getByRole('dialog', { name: 'Study across centers' });
  await expect(view.getByTestId('study')).toHaveAttribute('data-features', '4');
  await expect(view).toContainText('North (20 cases), South (24 cases), West (18 cases)');
  const before = view.getByTestId('effect-before');
  await expect(before).toHaveAttribute('data-significant', '4');
  // North sits between the others, which a linear one-vs-rest model separates less well.
  expect(Number(await before.getAttribute('data-auc'))).toBeCloseTo(
    expected.before!.centerAuc.meanAuc,
    12,
  );
  expect(expected.before!.centerAuc.meanAuc).toBeGreaterThan(0.8);

  await view.getByLabel('Harmonization').selectOption('parametric');
  await view.getByLabel("Preserve the label's effect").check();
  const after = view.getByTestId('effect-after');
  await expect(after).toHaveAttribute('data-significant', String(expected.after!.significant));
  expect(expected.after!.significant).toBe(0);
  expect(Number(await after.getAttribute('data-auc'))).toBeCloseTo(
    expected.after!.centerAuc.meanAuc,
    12,
  );
  expect(expected.after!.centerAuc.meanAuc).toBeLessThan(0.75);

  // The chosen feature per center: medians spread before, together after, as the core computes.
  await view.getByLabel('Feature shown').selectOption('F001');
  const boxes = view.getByRole('img', { name: 'Feature per center before and after ComBat' });
  for (const [k, c] of expected.distributions[1].entries()) {
    const g = (when: string) => boxes.locator(`g[data-center="${c.center}"][data-when="${when}"]`);
    await expect(g('before')).toHaveAttribute('data-median', String(c.before.median));
    await expect(g('after')).toHaveAttribute('data-median', String(c.after!.median));
    expect(CENTERS[k].name).toBe(c.center);
  }
  const medians = (when: 'before' | 'after') =>
    expected.distributions[1].map((c) => c[when]!.median);
  const spread = (v: number[]) => Math.max(...v) - Math.min(...v);
  expect(spread(medians('after'))).toBeLessThan(spread(medians('before')) / 4);
});
