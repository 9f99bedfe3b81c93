// One settings file, two front doors: loaded into the workbench's Analysis tab (Load settings…)
// and given to `consilium features --params`, the same file gives the same feature table on the
// same CT and RTSTRUCT structure (GLCM counted on the GPU); Save settings… writes it back, and a
// wrong file is refused in plain words naming each key.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FeatureValue } from '../src/core/analysis/computeFeatures.ts';
import { readSettings } from '../src/core/analysis/paramsFile/readSettings.ts';
import { expect, expectFeatureTable, test } from './fixtures.ts';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '..', 'src', 'core', 'masks', 'fixtures');
const ctFiles = readdirSync(join(fixtures, 'ct')).map((f) => join(fixtures, 'ct', f));
const dir = mkdtempSync(join(tmpdir(), 'consilium-params-e2e-'));

// IBSI processing in-plane (the workbench's ROI spans the Ring's slices, the CLI's the whole
// series: the same in-plane grid either way), with every other kind of setting; no local
// intensity, whose 1 cm³ sphere would reach the slices outside the workbench's span.
const settingsFile = join(dir, 'ring.yaml');
writeFileSync(
  settingsFile,
  `# Ring structure, IBSI-style processing
resample: {spacingMm: [0.7, 0.7], interpolation: cubic, maskThreshold: 0.5}
resegment: [-100, null]
outliers: 3
discretisation: {kind: bin-width, binWidth: 10}
ivhDiscretisation: {kind: bin-width, binWidth: 5}
families: [morphology, intensity-statistics, intensity-histogram, intensity-volume-histogram, glcm, glrlm, glszm, gldzm, ngtdm, ngldm]
aggregation: 2.5d-merged
distance: 1
ngldmAlpha: 1
structure: [Ring]
`,
);

test('a settings file loaded in the workbench gives the table consilium features --params gives', async ({
  page,
}) => {
  const { stdout } = await run(process.execPath, [
    'bin/consilium.mjs',
    'features',
    join(fixtures, 'ct'),
    '--mask',
    join(fixtures, 'rtstruct.dcm'),
    '--params',
    settingsFile,
    '--json',
    '--jobs',
    '1',
  ]);
  const records = stdout
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { ok: boolean; value: { roiVoxels: number; features: FeatureValue[] } },
    );
  expect(records).toHaveLength(1); // the file's structure: Ring only
  const cli = records[0].value;

  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...ctFiles, join(fixtures, 'rtstruct.dcm')]);
  await expect(page.getByRole('list', { name: 'Structures' }).first()).toContainText(
    'RTSTRUCT Ring',
  );
  await page.getByRole('tab', { name: 'Analysis' }).click();

  // A wrong file: refused, every wrong key named, nothing changed.
  const wrong = join(dir, 'wrong.yaml');
  writeFileSync(wrong, 'distance: 0\nbinWidth: 25\n');
  await page.getByLabel('Load settings').setInputFiles(wrong);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('wrong.yaml: 2 settings are wrong:');
  await expect(alert).toContainText('binWidth: is not a setting; known: resample,');
  await expect(alert).toContainText('distance: must be at least 1 (got 0) [out-of-range]');

  await page.getByLabel('Load settings').setInputFiles(settingsFile);
  await expect(alert).toHaveCount(0);
  // The file's structure becomes the ROI, as --structure picks it in the CLI.
  await expect(page.getByTestId('settings-note')).toHaveText(
    'Loaded ring.yaml. The ROI is its structure Ring.',
  );
  const roiMenu = page.getByRole('combobox', { name: 'ROI to analyse' });
  await expect(roiMenu).toHaveValue(/^roi-/);
  await expect(page.getByRole('list', { name: 'ROIs' })).toContainText('Ring (RTSTRUCT)');
  await expect(page.getByLabel('Resampled spacing x (mm)')).toHaveValue('0.7');
  await expect(page.getByLabel('Outlier SDs')).toHaveValue('3');

  // GLCM on the GPU (SwiftShader here): its matrices are counted on the resampled ROI.
  await page
    .getByRole('radiogroup', { name: 'Compute on' })
    .getByRole('radio', { name: 'GPU' })
    .check();
  await page.getByRole('radio', { name: 'Current series' }).check();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
  await expect(page.getByTestId('computed-on')).toHaveAttribute('data-device', 'GPU');
  await expect(page.getByTestId('roi-voxels')).toHaveText(`${cli.roiVoxels} voxels`);
  await expectFeatureTable(page, cli.features);

  // Save settings… writes what the CLI reads as the same settings (the ROI is the tab's).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save settings…' }).click(),
  ]);
  const saved = join(dir, 'saved.yaml');
  await download.saveAs(saved);
  const back = readSettings(readFileSync(saved, 'utf8'));
  const original = readSettings(readFileSync(settingsFile, 'utf8'));
  if (!back.ok || !original.ok) throw new Error('settings did not read back');
  // The same settings, families in the registry's order; the ROI is the tab's, not the file's.
  const { structures: _s, families, ...rest } = original.value.settings;
  expect(back.value.settings).toEqual({ ...rest, families: back.value.settings.families });
  expect([...(back.value.settings.families ?? [])].sort()).toEqual([...(families ?? [])].sort());
});
