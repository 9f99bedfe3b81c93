// What the workbench's Study view shows, computed in the bundle worker: the study table of the
// chosen bundles, harmonized when asked, the center-effect figures before and after, and each
// feature's per-center distribution before and after.
import type { Manifest } from '../../bundle/types.ts';
import type { Problem } from '../../result.ts';
import { summarize, type Summary } from '../../stats/quantiles.ts';
import type { CombatFit, CombatMethod } from '../harmonize/types.ts';
import { centerEffect, type CenterEffect } from '../stats/centerEffect.ts';
import { harmonizeStudy } from './harmonizeStudy.ts';
import { studyTable, type StudyFeature, type StudyTable } from './studyTable.ts';

export interface StudyViewOptions {
  readonly method?: CombatMethod;
  readonly covariate?: 'label';
  readonly referenceCenter?: string;
  /** Harmonize with this saved fit (e.g. another center's, or an earlier study's) instead. */
  readonly apply?: CombatFit;
}

export interface CenterDistribution {
  readonly center: string;
  readonly before: Summary;
  readonly after?: Summary;
}

export interface StudyView {
  readonly centers: readonly { readonly center: string; readonly cases: number }[];
  readonly features: readonly StudyFeature[];
  readonly notes: readonly Problem[];
  readonly before?: CenterEffect;
  readonly after?: CenterEffect;
  /** Per feature (in `features` order), per center. */
  readonly distributions: readonly (readonly CenterDistribution[])[];
  /** The ComBat fit used (to save and apply to a new center's data). */
  readonly fit?: CombatFit;
}

function perCenter(table: StudyTable, g: number, centers: readonly string[]): Summary[] {
  return centers.map((c) =>
    summarize(table.rows.filter((r) => r.center === c).map((r) => r.values[g])),
  );
}

export function studyView(
  manifests: readonly Manifest[],
  options: StudyViewOptions = {},
): StudyView {
  const table = studyTable(manifests.map((m) => ({ center: m.center.name, manifest: m })));
  const names = [...new Set(table.rows.map((r) => r.center))].sort();
  const centers = names.map((center) => ({
    center,
    cases: table.rows.filter((r) => r.center === center).length,
  }));
  if (!options.method && !options.apply) {
    const measurable = centers.length >= 2 && centers.every((c) => c.cases >= 2);
    return {
      centers,
      features: table.features,
      notes: table.notes,
      ...(measurable
        ? {
            before: centerEffect(
              table.rows.map((r) => r.values),
              table.rows.map((r) => r.center),
              table.features.map((f) => f.code),
            ),
          }
        : {}),
      distributions: table.features.map((_, g) =>
        perCenter(table, g, names).map((before, k) => ({ center: names[k], before })),
      ),
    };
  }
  const h = harmonizeStudy(
    table,
    options.apply
      ? { apply: options.apply }
      : {
          method: options.method,
          ...(options.covariate ? { covariate: options.covariate } : {}),
          ...(options.referenceCenter ? { referenceCenter: options.referenceCenter } : {}),
        },
  );
  // The harmonized table keeps only the features ComBat could use; their raw values, in its order.
  const rawColumn = h.table.features.map((f) => table.features.findIndex((x) => x.code === f.code));
  const raw: StudyTable = {
    ...table,
    features: h.table.features,
    rows: table.rows.map((r) => ({ ...r, values: rawColumn.map((g) => r.values[g]) })),
  };
  return {
    centers,
    features: h.table.features,
    notes: h.table.notes,
    ...(h.before ? { before: h.before } : {}),
    ...(h.after ? { after: h.after } : {}),
    fit: h.fit,
    distributions: h.table.features.map((_, g) => {
      const after = perCenter(h.table, g, names);
      return perCenter(raw, g, names).map((before, k) => ({
        center: names[k],
        before,
        after: after[k],
      }));
    }),
  };
}
