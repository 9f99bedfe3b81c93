// A small CR chest series for the predictions e2e: reference inputs of the default model (cases
// given by index), each written as a 56x56 16-bit image (see referenceImages), one series.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { REFERENCE_IMAGE_SIZE, referenceImages } from './referenceImages.ts';

export const CR_PATIENT = { name: 'Sample^Chest', id: 'PAT-E2E-4711', birthDate: '19610203' };
export const CR_STUDY = { uid: '1.2.826.0.1.3680043.10.7.1', date: '20190314' };
export const CR_SERIES_UID = '1.2.826.0.1.3680043.10.7.2';
export const crSopUid = (k: number) => `1.2.826.0.1.3680043.10.7.3.${k + 1}`;

export function writeCrSeries(cases: readonly number[]): {
  paths: string[];
  probabilities: number[][];
} {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-cr-series-'));
  const size = REFERENCE_IMAGE_SIZE;
  const images = referenceImages(cases);
  const paths = images.map(({ pixels }, k) => {
    const header = imageHeader(size, size, 16, false).filter(
      (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0060 || e.tag[1] === 0x0018)),
    );
    const bytes = writeDicom([
      ...header,
      { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
      { tag: [0x0008, 0x0018], vr: 'UI', value: crSopUid(k) },
      { tag: [0x0008, 0x0020], vr: 'DA', value: CR_STUDY.date },
      { tag: [0x0008, 0x0060], vr: 'CS', value: 'CR' },
      { tag: [0x0010, 0x0010], vr: 'PN', value: CR_PATIENT.name },
      { tag: [0x0010, 0x0020], vr: 'LO', value: CR_PATIENT.id },
      { tag: [0x0010, 0x0030], vr: 'DA', value: CR_PATIENT.birthDate },
      { tag: [0x0020, 0x000d], vr: 'UI', value: CR_STUDY.uid },
      { tag: [0x0020, 0x000e], vr: 'UI', value: CR_SERIES_UID },
      { tag: [0x0020, 0x0013], vr: 'IS', value: String(k + 1) },
      { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
    ]);
    const path = join(dir, `cr-${k + 1}.dcm`);
    writeFileSync(path, bytes);
    return path;
  });
  return { paths, probabilities: images.map((im) => im.probabilities) };
}

/** Opens the series' files and classifies the shown series with the default model on WASM. */
export async function classifyCrSeries(page: Page, paths: readonly string[]): Promise<void> {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles([...paths]);
  await expect(page.getByTestId('viewport-0')).toHaveAttribute('data-rendered', /.+/);
  await page.getByRole('tab', { name: 'Predictions' }).click();
  await page.getByRole('combobox', { name: 'Execution provider' }).selectOption('wasm');
  await expect(page.getByTestId('execution-provider')).toHaveText(/^WASM/);
  await page.getByRole('button', { name: 'Classify series' }).click();
}
