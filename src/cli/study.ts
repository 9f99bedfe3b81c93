// `consilium study`: verify every bundle, pool their features into one study table (only features
// computed with identical settings), optionally harmonize it with ComBat (or apply a saved fit),
// print the center-effect figures before and after, and write the table as CSV.
import { readFile, writeFile } from 'node:fs/promises';
import { parseCombatFit } from '../core/models/harmonize/fitJson.ts';
import type { CombatFit } from '../core/models/harmonize/types.ts';
import type { CenterEffect } from '../core/models/stats/centerEffect.ts';
import { harmonizeStudy, type HarmonizeOptions } from '../core/models/study/harmonizeStudy.ts';
import { labelsByCase } from '../core/models/study/labelsByCase.ts';
import { studyCsv } from '../core/models/study/studyCsv.ts';
import { studyTable, type StudySource, type StudyTable } from '../core/models/study/studyTable.ts';
import { centerEffect } from '../core/models/stats/centerEffect.ts';
import { ok, problemOf, type Problem } from '../core/result.ts';
import { parseCommand, parseOrUsage, UsageError } from './io/commandArgs.ts';
import { writeRecord } from './io/records.ts';
import { settingsPathFor } from './trainArgs.ts';
import { readVerifiedBundles } from './io/verifiedBundles.ts';

const usage =
  'Usage: consilium study <bundle.zip>… --out study.csv [--labels L] [--harmonize parametric|nonparametric] [--mean-only] [--covariate label] [--ref-center NAME] [--save-combat combat.json] [--apply-combat combat.json] [--trust partner.pem]… [--allow-untrusted] [--passphrase-file F] [--json]\n' +
  "  One table from several centers' verified bundles: case key, center, ROI, label and every\n" +
  '  feature computed with identical settings at all centers (each one left out is stated);\n' +
  '  those settings go beside it (study.settings.json), for `consilium train` to record.\n' +
  '  --labels: CSV with "caseKey" and "label" columns (overrides the bundles\' labels).\n' +
  "  --harmonize: ComBat (empirical Bayes, as R's sva::ComBat) removes the center effect;\n" +
  "  --covariate label preserves the label's effect; --ref-center leaves that center as it is.\n" +
  '  --save-combat writes the fit; --apply-combat harmonizes these bundles with a saved fit.\n' +
  '  Prints the center effect (Kruskal-Wallis per feature, cross-validated center AUC) before and after.\n';

export interface StudyArgs {
  readonly bundles: string[];
  readonly out: string;
  readonly labels?: string;
  readonly harmonize?: 'parametric' | 'nonparametric';
  readonly meanOnly: boolean;
  readonly covariate?: 'label';
  readonly refCenter?: string;
  readonly saveCombat?: string;
  readonly applyCombat?: string;
  readonly trust: string[];
  readonly allowUntrusted: boolean;
  readonly passphraseFile?: string;
  readonly json: boolean;
}

const options = {
  out: { type: 'string' },
  labels: { type: 'string' },
  harmonize: { type: 'string' },
  'mean-only': { type: 'boolean' },
  covariate: { type: 'string' },
  'ref-center': { type: 'string' },
  'save-combat': { type: 'string' },
  'apply-combat': { type: 'string' },
  trust: { type: 'string', multiple: true },
  'allow-untrusted': { type: 'boolean' },
  'passphrase-file': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function parseStudyArgs(argv: readonly string[]): StudyArgs {
  const { values: v, positionals } = parseCommand(argv, options);
  if (positionals.length === 0) throw new UsageError('Give the bundles of the study.');
  if (!v.out) throw new UsageError('Give --out study.csv.');
  const h = v.harmonize;
  if (h !== undefined && h !== 'parametric' && h !== 'nonparametric')
    throw new UsageError(`--harmonize is parametric or nonparametric, not "${h}".`);
  if (v.covariate !== undefined && v.covariate !== 'label')
    throw new UsageError(`--covariate can only be "label" (got "${v.covariate}").`);
  if (
    v['apply-combat'] &&
    (h || v.covariate || v['ref-center'] || v['mean-only'] || v['save-combat'])
  )
    throw new UsageError(
      '--apply-combat uses the saved fit as it is: leave out --harmonize, --mean-only, --covariate, --ref-center and --save-combat.',
    );
  if (
    !h &&
    !v['apply-combat'] &&
    (v.covariate || v['ref-center'] || v['mean-only'] || v['save-combat'])
  )
    throw new UsageError(
      '--covariate, --ref-center, --mean-only and --save-combat go with --harmonize.',
    );
  return {
    bundles: positionals,
    out: v.out,
    ...(v.labels ? { labels: v.labels } : {}),
    ...(h ? { harmonize: h } : {}),
    meanOnly: v['mean-only'] ?? false,
    ...(v.covariate ? { covariate: 'label' as const } : {}),
    ...(v['ref-center'] ? { refCenter: v['ref-center'] } : {}),
    ...(v['save-combat'] ? { saveCombat: v['save-combat'] } : {}),
    ...(v['apply-combat'] ? { applyCombat: v['apply-combat'] } : {}),
    trust: v.trust ?? [],
    allowUntrusted: v['allow-untrusted'] ?? false,
    ...(v['passphrase-file'] ? { passphraseFile: v['passphrase-file'] } : {}),
    json: v.json ?? false,
  };
}

const q = JSON.stringify;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const p2 = (x: number) => (Number.isFinite(x) ? x.toExponential(2) : 'n/a');

function effectLine(when: string, e: CenterEffect | undefined, features: number): string {
  if (!e) return `${when}: no center effect to measure (one center, or a center with one case)\n`;
  const per = e.centerAuc.perCenter.map((c) => `${q(c.center)} ${f3(c.auc)}`).join(', ');
  return (
    `${when}: center AUC ${f3(e.centerAuc.meanAuc)} (${per}); ` +
    `Kruskal-Wallis p < 0.05 in ${e.significant} of ${features} features, median p ${p2(e.medianP)}\n`
  );
}

interface Summary {
  readonly out: string;
  readonly centers: { readonly center: string; readonly cases: number }[];
  readonly features: StudyTable['features'];
  readonly notes: readonly Problem[];
  readonly harmonization?: {
    readonly method: CombatFit['method'];
    readonly meanOnly: boolean;
    readonly referenceCenter?: string;
    readonly covariates: readonly string[];
    readonly applied: boolean;
    readonly savedTo?: string;
  };
  readonly before?: CenterEffect;
  readonly after?: CenterEffect;
}

async function readSources(args: StudyArgs): Promise<StudySource[] | { rejected: number }> {
  const manifests = await readVerifiedBundles('study', args);
  if (!manifests) return { rejected: 1 };
  return manifests.map((manifest) => ({ center: manifest.center.name, manifest }));
}

/** The table, and beside it the settings its features were computed with (train records them). */
async function writeStudy(out: string, csv: string, table: StudyTable): Promise<void> {
  await writeFile(out, csv);
  if (table.settings)
    await writeFile(settingsPathFor(out), JSON.stringify(table.settings, null, 1) + '\n');
}

async function run(args: StudyArgs): Promise<Summary | { rejected: number }> {
  const sources = await readSources(args);
  if ('rejected' in sources) return sources;
  const labels = args.labels ? labelsByCase(await readFile(args.labels, 'utf8')) : undefined;
  const table = studyTable(sources, labels ? { labels } : {});
  const centers = [...new Set(table.rows.map((r) => r.center))]
    .sort()
    .map((center) => ({ center, cases: table.rows.filter((r) => r.center === center).length }));
  if (!args.harmonize && !args.applyCombat) {
    await writeStudy(args.out, studyCsv(table), table);
    const twoCenters = centers.length >= 2 && centers.every((c) => c.cases >= 2);
    const codes = table.features.map((f) => f.code);
    const rows = table.rows;
    return {
      out: args.out,
      centers,
      features: table.features,
      notes: table.notes,
      ...(twoCenters
        ? {
            before: centerEffect(
              rows.map((r) => r.values),
              rows.map((r) => r.center),
              codes,
            ),
          }
        : {}),
    };
  }
  const fit = args.applyCombat
    ? parseCombatFit(await readFile(args.applyCombat, 'utf8'))
    : undefined;
  const options: HarmonizeOptions = fit
    ? { apply: fit }
    : {
        method: args.harmonize,
        meanOnly: args.meanOnly,
        ...(args.covariate ? { covariate: args.covariate } : {}),
        ...(args.refCenter ? { referenceCenter: args.refCenter } : {}),
      };
  const h = harmonizeStudy(table, options);
  await writeStudy(args.out, studyCsv(h.table), table);
  if (args.saveCombat) await writeFile(args.saveCombat, JSON.stringify(h.fit, null, 1) + '\n');
  return {
    out: args.out,
    centers,
    features: h.table.features,
    notes: h.table.notes,
    harmonization: {
      method: h.fit.method,
      meanOnly: h.fit.meanOnly,
      ...(h.fit.referenceBatch !== undefined ? { referenceCenter: h.fit.referenceBatch } : {}),
      covariates: h.fit.covariates,
      applied: fit !== undefined,
      ...(args.saveCombat ? { savedTo: args.saveCombat } : {}),
    },
    ...(h.before ? { before: h.before } : {}),
    ...(h.after ? { after: h.after } : {}),
  };
}

function text(s: Summary): string {
  const lines = [
    `Centers: ${s.centers.map((c) => `${q(c.center)} (${c.cases} cases)`).join(', ')}`,
    `Features pooled: ${s.features.length}`,
    ...s.notes.map((n) => `NOTE ${n.code}: ${n.reason}`),
  ];
  let out = lines.join('\n') + '\n';
  const h = s.harmonization;
  if (h) {
    const ref = h.referenceCenter !== undefined ? `, reference ${q(h.referenceCenter)}` : '';
    const cov = h.covariates.length ? `, preserving ${h.covariates.join(', ')}` : '';
    out += `ComBat ${h.applied ? 'applied (saved fit)' : 'fitted'}: ${h.method}${h.meanOnly ? ', mean only' : ''}${ref}${cov}\n`;
  }
  out += effectLine(h ? 'Before ComBat' : 'Center effect', s.before, s.features.length);
  if (h) out += effectLine('After ComBat', s.after, s.features.length);
  out += `Wrote ${s.out}${h?.savedTo ? ` and the ComBat fit to ${h.savedTo}` : ''}\n`;
  return out;
}

export async function studyCommand(argv: string[]): Promise<number> {
  const args = parseOrUsage(argv, usage, parseStudyArgs);
  if ('exit' in args) return args.exit;
  try {
    const summary = await run(args);
    if ('rejected' in summary) return 1;
    if (args.json) writeRecord(ok(summary));
    else process.stdout.write(text(summary));
    return 0;
  } catch (e) {
    const problem = problemOf(e, 'STUDY_FAILED');
    if (args.json) writeRecord({ ok: false, error: problem });
    else process.stderr.write(`consilium study: ${problem.code}: ${problem.reason}\n`);
    return 1;
  }
}
