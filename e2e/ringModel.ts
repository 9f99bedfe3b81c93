// The feature-model specs' shared ground: the CLI run on the masks fixture's CT and its RTSTRUCT's
// Ring structure, and the page's steps that open that series and classify the Ring.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

const run = promisify(execFile);
export const consilium = (...args: string[]) =>
  run(process.execPath, ['bin/consilium.mjs', ...args]);
const masks = join(import.meta.dirname, '..', 'src', 'core', 'masks', 'fixtures');
export const ctFiles = readdirSync(join(masks, 'ct')).map((f) => join(masks, 'ct', f));
export const rtstruct = join(masks, 'rtstruct.dcm');
/** The CLI's arguments for the Ring structure on its CT. */
export const ring = [...ctFiles, '--mask', rtstruct, '--structure', 'Ring'];
// Intensity mean, variance, skewness and the GLCM joint maximum.
export const codes = ['Q4LE', 'ECT3', 'KE2A', 'GYBY'];

/** The one JSON record a command printed. */
export function record<T>(stdout: string): { ok: boolean; value: T } {
  const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as { ok: boolean; value: T };
}

/** The CT and its RTSTRUCT opened, the Ring chosen in the Analysis tab (which makes it a ROI of
 * the series). */
export async function openRingRoi(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...ctFiles, rtstruct]);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /^0\|/);
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const roiMenu = page.getByRole('combobox', { name: 'ROI to analyse' });
  await roiMenu.selectOption({ label: 'Ring (RTSTRUCT)' });
  await expect(roiMenu).toHaveValue(/^roi-/);
}

/** The Ring classified by the model loaded in the Predictions tab's feature-vector section: the
 * probabilities the result shows. */
export async function classifyRing(section: Locator): Promise<Record<string, number>> {
  await section.getByLabel('ROI to classify').selectOption({ label: 'Ring (RTSTRUCT)' });
  await section.getByRole('button', { name: 'Classify ROI' }).click();
  const result = section.getByTestId('feature-model-result');
  await expect(result).toContainText('1,151 voxels');
  return JSON.parse((await result.getAttribute('data-probabilities'))!) as Record<string, number>;
}
