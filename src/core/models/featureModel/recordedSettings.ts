// A feature-vector model's card records the settings its training features were computed with
// (training.featureSettings, a settings file as docs/params.schema.json reads it), so the
// workbench and `consilium infer` compute the same features for a new series before classifying.
import type { FamilyId } from '../../analysis/featureDef.ts';
import { settingsOfObject } from '../../analysis/paramsFile/readSettings.ts';
import {
  fileOfSettings,
  type FeatureSettings,
  type SettingsFile,
} from '../../analysis/paramsFile/settings.ts';
import { featureRegistry } from '../../analysis/registry.ts';
import type { FeatureModelCard, ModelCard } from '../../inference/modelCard.ts';
import { ProblemError } from '../../result.ts';

export function isFeatureCard(card: ModelCard): card is FeatureModelCard {
  return card.input.kind === 'features';
}

/** The settings as the card stores them: every parameter written out, the ROI left out. */
export function recordableSettings(params: FeatureSettings['params']): SettingsFile {
  return fileOfSettings({ params });
}

/** The families that hold the card's features (by IBSI code), in registry order. */
export function familiesOfCard(card: FeatureModelCard): FamilyId[] {
  const codes = new Set(card.input.features.map((f) => f.ibsi));
  const families = new Set<FamilyId>();
  for (const def of featureRegistry) if (codes.has(def.ibsiCode)) families.add(def.family);
  const unknown = [...codes].filter((c) => !featureRegistry.some((d) => d.ibsiCode === c));
  if (unknown.length > 0)
    throw new ProblemError(
      'model-feature-unknown',
      `The model needs features Consilium does not compute: ${unknown.join(', ')}.`,
      { features: unknown.join(', ') },
    );
  return [...families];
}

/**
 * The feature settings a card records, with the families its features need. A card without
 * them cannot be run on images: features computed with other settings would be other numbers.
 */
export function recordedSettings(card: ModelCard, file: string): FeatureSettings {
  if (!isFeatureCard(card))
    throw new ProblemError('model-not-features', `${file} classifies images, not features.`, {
      file,
    });
  const recorded = card.training.featureSettings;
  if (recorded === undefined || recorded === null)
    throw new ProblemError(
      'model-settings-missing',
      `The card of ${file} does not record the feature settings the model was trained with (training.featureSettings), so its features cannot be computed the same way; train it again with them (consilium train --settings).`,
      { file },
    );
  const read = settingsOfObject(recorded, `${file} training.featureSettings`);
  if (!read.ok) throw new ProblemError('model-settings-invalid', read.error.reason, { file });
  return { params: read.value.settings.params, families: familiesOfCard(card) };
}
