// The analysis and filter workers have no time budget of their own: a frame not yet decoded is
// first decoded by the viewer's bounded decode (app/analysis/frameSource.ts), so a frame past
// the budget (shortened here by ?decodeBudgetMs) fails the job with the viewer's message at
// once instead of being decoded again, without a bound, inside the worker.
import { expect, test, writeDemoSeries } from './fixtures.ts';

test('a response map over frames past the decode budget fails with the budget’s message', async ({
  page,
}) => {
  await page.goto('/?decodeBudgetMs=1');
  await page.getByTestId('open-files').setInputFiles(writeDemoSeries(3, 64));
  const error = page.getByTestId('viewport-0').locator('.viewport-error');
  await expect(error).toContainText('took longer than 0.001 s and was stopped');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const filters = page.getByRole('group', { name: 'Filters (IBSI 2)' });
  await filters.getByRole('combobox', { name: 'Filter', exact: true }).selectOption('mean');
  await filters.getByRole('button', { name: 'Show response map' }).click();
  const problem = filters.getByTestId('filter-problem');
  await expect(problem).toHaveAttribute('data-code', 'decode-timeout');
  await expect(problem).toContainText(/decoding frame 1 took longer than 0\.001 s and was stopped/);
  // No map was made from frames the budget stopped.
  await expect(page.getByRole('group', { name: 'Response map as DICOM' })).toHaveCount(0);
});
