// The models `consilium serve` lets the Cohort tab run (infer, analyze): the shipped default and
// each model of the operator's --models folder, a NAME.onnx with its card NAME.card.json beside
// it. The page sees names and what their cards say, never a path; a run names one, and the server
// alone turns the name into files.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ModelChoice } from '../../core/cohort/startRequest.ts';
import { parseCard } from '../../core/inference/card.ts';
import { cardPathFor, defaultModelPath } from '../inferModel.ts';

export interface ModelEntry extends ModelChoice {
  readonly model: string;
  readonly card: string;
}

const plainName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The model and card at these paths, described by its card; null when the card is unusable. */
async function entry(model: string, isDefault: boolean): Promise<ModelEntry | null> {
  const card = cardPathFor(model);
  try {
    const c = parseCard(JSON.parse(await readFile(card, 'utf8')), card);
    return {
      name: basename(model).replace(/\.onnx$/i, ''),
      version: c.version,
      description: c.description ?? '',
      default: isDefault,
      model,
      card,
    };
  } catch {
    return null;
  }
}

/** The shipped model first, then the folder's models by name; a folder model with an unusable
 * card, or named as the shipped one, is left out (`skipped`, to say so at start). */
export async function listModels(
  dir?: string,
): Promise<{ models: ModelEntry[]; skipped: string[] }> {
  const shipped = await entry(defaultModelPath, true);
  const models: ModelEntry[] = shipped ? [shipped] : [];
  const skipped: string[] = [];
  if (!dir) return { models, skipped };
  const names = (await readdir(dir)).filter((n) => /\.onnx$/i.test(n)).sort();
  for (const n of names) {
    const name = n.replace(/\.onnx$/i, '');
    const found =
      plainName.test(name) && !models.some((m) => m.name === name)
        ? await entry(join(dir, n), false)
        : null;
    if (found) models.push(found);
    else skipped.push(n);
  }
  return { models, skipped };
}

/** What the page may see of a model. */
export const choiceOf = ({ name, version, description, default: d }: ModelEntry): ModelChoice => ({
  name,
  version,
  description,
  default: d,
});
