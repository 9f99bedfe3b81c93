// A federation run by hand through the Study view's Federated training section, for the
// federation specs: the centers' bundles imported, each center answering the coordinator's
// latest message from its own bundle, the coordinator aggregating the answers, each file saved
// as a real download.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { PLATT_ROUNDS } from '../src/core/models/federated/federation.ts';
import { expect } from './fixtures.ts';

export async function saved(page: Page, dir: string, button: Locator, name: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = join(dir, name);
  await d.saveAs(path);
  return path;
}

/** The centers' bundles imported unsigned, and the Study view open on them. */
export async function openStudyView(page: Page, files: readonly string[]): Promise<Locator> {
  await page.getByRole('tab', { name: 'Bundles' }).click();
  const library = page.getByRole('list', { name: 'Bundle library' }).getByRole('listitem');
  for (const [i, file] of files.entries()) {
    await page.getByLabel('Import bundle').setInputFiles(file);
    await page.getByTestId('trust-prompt').getByRole('button', { name: 'Import unsigned' }).click();
    await expect(library).toHaveCount(i + 1);
  }
  await page.getByRole('button', { name: 'Study…' }).click();
  return page.getByRole('dialog', { name: 'Study across centers' });
}

/** The centers' bundles imported unsigned, the Study view open on its federation section. */
export async function openFederation(page: Page, files: readonly string[]) {
  const view = await openStudyView(page, files);
  const fed = view.getByRole('region', { name: 'Federated training' });
  return { view, fed };
}

export type FederationSection = Awaited<ReturnType<typeof openFederation>>;

/** The two parties' steps: `answers` (every center's answer to a message, or the start) and
 * `aggregate` (the coordinator's step over those answers). */
export function federationSteps(
  page: Page,
  dir: string,
  { view, fed }: FederationSection,
  centers: readonly { name: string }[],
) {
  const center = fed.getByTestId('federation-center');
  const coordinator = fed.getByTestId('federation-coordinator');
  const pick = async (k: number) => {
    const box = (c: { name: string }) =>
      view.getByRole('checkbox', { name: new RegExp(`^${c.name} `) });
    await box(centers[k]).check();
    for (const [j, c] of centers.entries()) if (j !== k) await box(c).uncheck();
    await center.getByLabel('Center name').fill(centers[k].name);
    await center.getByLabel('Center number in the federation').fill(String(k + 1));
  };
  let step = 0;
  const answers = async (message: string | null) => {
    const out: string[] = [];
    for (const k of centers.keys()) {
      await pick(k);
      if (message) await center.getByLabel("Coordinator's latest message").setInputFiles(message);
      await center
        .getByRole('button', {
          name: message
            ? "Answer the coordinator's message"
            : "Start: make this center's first update",
        })
        .click();
      const answer = center.getByTestId('center-answer');
      await expect(answer).toContainText(`from ${centers[k].name}`);
      out.push(
        await saved(
          page,
          dir,
          answer.getByRole('button', { name: /^Download .*\.json$/ }),
          `c${k}-${step}.json`,
        ),
      );
    }
    step++;
    return out;
  };
  const aggregate = async (previous: string | null, updates: string[]) => {
    if (previous) await coordinator.getByLabel('Your latest message').setInputFiles(previous);
    await coordinator.getByLabel("Centers' updates").setInputFiles(updates);
    await coordinator.getByRole('button', { name: /^Aggregate / }).click();
    const result = coordinator.getByTestId('coordinator-answer');
    await expect(result).toHaveAttribute('data-accepted', String(centers.length));
    return result;
  };
  /** The coordinator's next message, downloaded. */
  const next = (result: Locator, name: string) =>
    saved(page, dir, result.getByTestId('coordinator-next').getByRole('button'), name);
  return { center, coordinator, answers, aggregate, next };
}

/** A whole federation from the start to the centers' held-out metrics: the coordinator's last
 * answer (with the final model's downloads) and the final model's message file. */
export async function federateThrough(
  page: Page,
  dir: string,
  section: FederationSection,
  centers: readonly { name: string }[],
  terms: {
    rounds: number;
    holdout: number;
    family?: string;
    privacy?: { epsilon: number; delta: number; clip: number };
  },
) {
  const s = federationSteps(page, dir, section, centers);
  if (terms.family)
    await s.center.getByLabel('Model', { exact: true }).selectOption({ label: terms.family });
  await s.center.getByLabel('Rounds').fill(String(terms.rounds));
  await s.center.getByLabel('Held-out fraction').fill(String(terms.holdout));
  if (terms.privacy) {
    await s.center.getByLabel('Differential privacy').check();
    await s.center.getByLabel('ε per round').fill(String(terms.privacy.epsilon));
    await s.center.getByLabel('δ per round').fill(String(terms.privacy.delta));
    await s.center.getByLabel('Clip norm').fill(String(terms.privacy.clip));
  }
  let result = await s.aggregate(null, await s.answers(null));
  let message = await s.next(result, 'm0.json');
  result = await s.aggregate(message, await s.answers(message));
  message = await s.next(result, 'm1.json');
  // A linear SVM's training rounds are followed by Platt's.
  const rounds = terms.rounds + (terms.family?.startsWith('Linear SVM') ? PLATT_ROUNDS : 0);
  for (let r = 1; r <= rounds; r++) {
    result = await s.aggregate(message, await s.answers(message));
    message = await s.next(result, `m${r + 1}.json`);
  }
  await expect(result.getByTestId('coordinator-next')).toContainText('the final model');
  result = await s.aggregate(message, await s.answers(message));
  return { result, final: message };
}
