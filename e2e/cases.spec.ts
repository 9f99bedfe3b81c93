// A day's cohort work as a person does it: open many radiographs (each its own series, one
// study), classify them all in one action, import labels keyed by SOP Instance UID, type one
// label, reload, re-open the files: predictions and labels are all still there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageHeader, writeDicom } from '../src/core/dicom/testing/writeDicom.ts';
import { expect, test } from './fixtures.ts';
import { REFERENCE_IMAGE_SIZE, referenceImages } from './referenceImages.ts';

const FILMS = 30;
const sop = (k: number) => `1.2.826.0.1.3680043.10.12.3.${k + 1}`;

/** Radiographs, one series each, all in one study (as a CR room exports them). */
function writeFilms() {
  const dir = mkdtempSync(join(tmpdir(), 'consilium-cases-'));
  const cases = Array.from({ length: FILMS }, (_, k) => k % 11);
  const images = referenceImages(cases);
  const paths = images.map(({ pixels }, k) => {
    const header = imageHeader(REFERENCE_IMAGE_SIZE, REFERENCE_IMAGE_SIZE, 16, false).filter(
      (e) => !(e.tag[0] === 0x0008 && (e.tag[1] === 0x0060 || e.tag[1] === 0x0018)),
    );
    const path = join(dir, `film-${String(k + 1).padStart(2, '0')}.dcm`);
    writeFileSync(
      path,
      writeDicom([
        ...header,
        { tag: [0x0008, 0x0016], vr: 'UI', value: '1.2.840.10008.5.1.4.1.1.1' },
        { tag: [0x0008, 0x0018], vr: 'UI', value: sop(k) },
        { tag: [0x0008, 0x0060], vr: 'CS', value: 'CR' },
        { tag: [0x0010, 0x0020], vr: 'LO', value: `PAT-${k % 7}` },
        { tag: [0x0020, 0x000d], vr: 'UI', value: '1.2.826.0.1.3680043.10.12.1' },
        { tag: [0x0020, 0x000e], vr: 'UI', value: `1.2.826.0.1.3680043.10.12.2.${k + 1}` },
        { tag: [0x7fe0, 0x0010], vr: 'OW', value: pixels },
      ]),
    );
    return path;
  });
  // Ground truth: the reference's argmax, keyed by SOP UID; one row names no loaded file.
  const truth = images.map((im) =>
    im.probabilities[1] > im.probabilities[0] ? 'pneumonia' : 'normal',
  );
  const csv = join(dir, 'labels.csv');
  writeFileSync(
    csv,
    `SOPInstanceUID,label\n${truth.map((t, k) => `${sop(k)},${t}`).join('\n')}\n9.9.9.9,normal\n`,
  );
  return { paths, csv, probabilities: images.map((im) => im.probabilities) };
}

test('classify all radiographs, import labels by SOP UID, reload: everything is still there', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const films = writeFilms();
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles(films.paths);
  await expect(page.getByTestId('load-progress')).toHaveAttribute('data-done', String(FILMS));
  await page.getByRole('tab', { name: 'Cases' }).click();
  const summary = page.getByTestId('cases-summary');
  await expect(summary).toContainText(`${FILMS} of ${FILMS} series · 0 classified`);

  // One action for the whole cohort.
  await page.getByRole('button', { name: `Classify all (${FILMS} series)` }).click();
  await expect(page.getByTestId('cohort-run')).toHaveAttribute('data-status', 'done', {
    timeout: 120_000,
  });
  await expect(summary).toContainText(`${FILMS} classified`);

  // The first film's probability is PyTorch's (the model's reference), to 16-bit quantisation.
  const rows = page.getByTestId('case-rows');
  const first = rows.locator('[role=row]', { hasText: 'film-01.dcm' });
  const [pNormal, pPneumonia] = films.probabilities[0];
  const top = Math.max(pNormal, pPneumonia);
  const shown = Number(await first.locator('[data-col=probability]').textContent());
  expect(Math.abs(shown - top)).toBeLessThan(2e-3);

  // Labels from a CSV keyed by SOP Instance UID, with the match report.
  await page.getByLabel('Import labels CSV').setInputFiles(films.csv);
  await expect(page.getByTestId('labels-report')).toContainText(
    `${FILMS} series labelled from ${FILMS} rows, keyed by SOP Instance UID; 1 rows matched no loaded series (rows ${FILMS + 2}).`,
  );
  await expect(summary).toContainText(`${FILMS} labelled · ${FILMS}/${FILMS} agree`);

  // Typing a label: Enter saves it and moves to the next row's label.
  const label1 = first.getByRole('combobox');
  await label1.fill('normal-typed');
  await label1.press('Enter');
  await expect(page.locator('[data-label-row="1"]')).toBeFocused();
  await expect(first.getByRole('combobox')).toHaveValue('normal-typed');

  // Sorting by probability, and a click shows the film in the viewer.
  await page.getByRole('columnheader', { name: /Prob/ }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: /Prob/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await first.click();
  await expect(first).toHaveClass(/shown/);

  // Reload: the images are gone, their results are not; the files are asked for by name.
  await page.reload();
  await page.getByRole('tab', { name: 'Cases' }).click();
  const prompt = page.getByTestId('reopen-prompt');
  await expect(prompt).toContainText(
    `${FILMS} series from your last session are not open (${FILMS} with predictions, ${FILMS} with labels)`,
  );
  await page.getByLabel('Re-open files').setInputFiles(films.paths);
  await expect(prompt).toBeHidden();
  await expect(summary).toContainText(
    `${FILMS} of ${FILMS} series · ${FILMS} classified · ${FILMS} labelled · ${FILMS - 1}/${FILMS} agree`,
  );
  await expect(
    rows.locator('[role=row]', { hasText: 'film-01.dcm' }).getByRole('combobox'),
  ).toHaveValue('normal-typed');
});
