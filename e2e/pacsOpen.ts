// The PACS specs' way in: the preview server's proxied Orthanc added in the Images tab's PACS
// source and searched for one patient's studies.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Opens the page and adds a PACS by name and base URL; the PACS source's panel. */
export async function addPacs(page: Page, name: string, baseUrl: string): Promise<Locator> {
  await page.goto('/');
  const pacs = page.getByRole('main').locator('.pacs-source');
  const add = pacs.getByRole('form', { name: 'Add a PACS' });
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Base URL').fill(baseUrl);
  await add.getByRole('button', { name: 'Add PACS' }).click();
  return pacs;
}

/** Opens the page, adds the proxied Orthanc as "orthanc", searches it for `patientId` (and
 * `modality`, where given) and returns the one study row found. */
export async function pacsStudyRow(
  page: Page,
  { patientId, modality }: { patientId: string; modality?: string },
): Promise<Locator> {
  const pacs = await addPacs(page, 'orthanc', '/dicom-web/orthanc');
  const search = pacs.getByRole('form', { name: 'Search the PACS' });
  await search.getByLabel('Patient ID').fill(patientId);
  if (modality) await search.getByLabel('Modality').fill(modality);
  await search.getByRole('button', { name: 'Search' }).click();
  const rows = pacs.getByRole('table', { name: 'PACS studies' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  return rows.first();
}
