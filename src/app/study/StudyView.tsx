import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { featureName } from '../analysis/featureText.ts';
import { useBundlePicker } from '../bundles/BundlePicker.tsx';
import { download } from '../bundles/actions/download.ts';
import { parseCombatFit } from '../../core/models/harmonize/fitJson.ts';
import type { CombatFit, CombatMethod } from '../../core/models/harmonize/types.ts';
import type { CenterEffect } from '../../core/models/stats/centerEffect.ts';
import { problemOf, type Problem } from '../../core/result.ts';
import { f3 } from '../bundles/compare/format.ts';
import { problemText } from '../i18n/problemText.ts';
import { TrainingSection } from '../training/TrainingSection.tsx';
import { FederationSection } from '../federation/FederationSection.tsx';
import { useStore } from '../store/store.ts';
import { CenterBoxes } from './CenterBoxes.tsx';
import type { CaseLabels } from './relabel.ts';
import { StudyLabels } from './StudyLabels.tsx';
import { useStudy } from './useStudy.ts';
import { FileInput } from '../panels/FileInput.tsx';

const p2 = (x: number | undefined) =>
  x !== undefined && Number.isFinite(x) ? x.toExponential(2) : 'n/a';

function EffectRow({ when, e, features }: { when: string; e?: CenterEffect; features: number }) {
  const { t } = useTranslation('study');
  return (
    <tr
      data-testid={`effect-${when}`}
      data-auc={e?.centerAuc.meanAuc ?? ''}
      data-significant={e?.significant ?? ''}
    >
      <th scope="row">{t(`effect.${when}`)}</th>
      <td>{e ? f3(e.centerAuc.meanAuc) : 'n/a'}</td>
      <td>{e ? t('effect.of', { n: e.significant, features }) : 'n/a'}</td>
      <td>{p2(e?.medianP)}</td>
    </tr>
  );
}

/** The bundles in the library as one study: pooled features, ComBat, center effect before/after,
 * the fit to save or a saved one to apply, and training a model on it. */
export function StudyView({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('study');
  const { ids, picker } = useBundlePicker();
  const [method, setMethod] = useState<CombatMethod | ''>('');
  const [preserveLabel, setPreserveLabel] = useState(false);
  const [reference, setReference] = useState('');
  const [saved, setSaved] = useState<{ name: string; fit: CombatFit } | null>(null);
  const [fitProblem, setFitProblem] = useState<Problem | null>(null);
  const [feature, setFeature] = useState<string | undefined>();
  const [labels, setLabels] = useState<{ file: string; labels: CaseLabels } | null>(null);
  const library = useStore((s) => s.library);
  const firstCenter = library.find((b) => ids.includes(b.summary.id))?.summary.center ?? '';
  const state = useStudy(
    ids,
    saved
      ? { apply: saved.fit }
      : {
          ...(method ? { method } : {}),
          ...(method && preserveLabel ? { covariate: 'label' as const } : {}),
          ...(method && reference ? { referenceCenter: reference } : {}),
        },
    labels?.labels,
  );
  const view = state.kind === 'ready' ? state.view : undefined;
  const g = Math.max(0, view?.features.findIndex((f) => f.code === feature) ?? 0);
  const chosen = view?.features[g];
  const harmonized = Boolean(method) || saved !== null;

  const readFit = async (file: File | undefined) => {
    if (!file) return;
    setFitProblem(null);
    try {
      setSaved({ name: file.name, fit: parseCombatFit(await file.text()) });
    } catch (e) {
      setFitProblem(problemOf(e, 'COMBAT_FIT_INVALID'));
    }
  };

  return (
    <section role="dialog" aria-label={t('title')} className="compare-view study-view">
      <header>
        <h2>{t('title')}</h2>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {picker}
      <StudyLabels ids={ids} labels={labels} setLabels={setLabels} />
      <p>
        <label>
          {t('harmonization')}{' '}
          <select
            value={method}
            disabled={saved !== null}
            onChange={(e) => setMethod(e.target.value as CombatMethod | '')}
          >
            <option value="">{t('none')}</option>
            <option value="parametric">{t('parametric')}</option>
            <option value="nonparametric">{t('nonparametric')}</option>
          </select>
        </label>{' '}
        <label>
          <input
            type="checkbox"
            checked={preserveLabel}
            disabled={!method || saved !== null}
            onChange={(e) => setPreserveLabel(e.target.checked)}
          />{' '}
          {t('preserveLabel')}
        </label>{' '}
        <label>
          {t('reference')}{' '}
          <select
            value={reference}
            disabled={!method || saved !== null}
            onChange={(e) => setReference(e.target.value)}
          >
            <option value="">{t('noReference')}</option>
            {view?.centers.map((c) => (
              <option key={c.center} value={c.center}>
                {c.center}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p>
        {view?.fit && !saved && (
          <button
            type="button"
            onClick={() =>
              download(
                'combat-fit.json',
                JSON.stringify(view.fit, null, 1) + '\n',
                'application/json',
              )
            }
          >
            {t('saveFit')}
          </button>
        )}{' '}
        {saved ? (
          <span data-testid="applied-fit">
            {t('applying', {
              file: saved.name,
              centers: saved.fit.batches.map((b) => b.name).join(', '),
              reference: saved.fit.referenceBatch ?? t('noReference'),
            })}{' '}
            <button type="button" onClick={() => setSaved(null)}>
              {t('stopApplying')}
            </button>
          </span>
        ) : (
          <label>
            {t('applyFit')}{' '}
            <FileInput
              accept=".json"
              aria-label={t('applyFit')}
              onChange={(e) => void readFit(e.target.files?.[0])}
            />
          </label>
        )}
      </p>
      {fitProblem && <p role="alert">{problemText(t, fitProblem)}</p>}
      {ids.length === 0 && <p className="muted">{t('choose')}</p>}
      {ids.length > 0 && state.kind === 'busy' && <p className="muted">{t('computing')}</p>}
      {state.kind === 'error' && (
        <p className="bundle-error" data-testid="study-error" data-code={state.code}>
          {problemText(t, { code: state.code, reason: state.text, params: {} })}
        </p>
      )}
      {view && ids.length > 0 && (
        <div className="compare-body" data-testid="study" data-features={view.features.length}>
          <p>
            {t('centers', {
              centers: view.centers
                .map((c) => t('centerCases', { center: c.center, cases: c.cases }))
                .join(', '),
              features: view.features.length,
            })}
          </p>
          {view.notes.length > 0 && (
            <details>
              <summary>{t('notes', { n: view.notes.length })}</summary>
              <ul data-testid="study-notes">
                {view.notes.map((n, i) => (
                  <li key={i} data-code={n.code}>
                    {problemText(t, n)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <h3>{t('effect.title')}</h3>
          <table>
            <thead>
              <tr>
                <th />
                <th>{t('effect.auc')}</th>
                <th>{t('effect.kruskal')}</th>
                <th>{t('effect.median')}</th>
              </tr>
            </thead>
            <tbody>
              <EffectRow when="before" e={view.before} features={view.features.length} />
              {harmonized && (
                <EffectRow when="after" e={view.after} features={view.features.length} />
              )}
            </tbody>
          </table>
          <h3>
            <label>
              {t('feature')}{' '}
              <select
                aria-label={t('featureShown')}
                value={chosen?.code ?? ''}
                onChange={(e) => setFeature(e.target.value)}
              >
                {view.features.map((f) => (
                  <option key={f.code} value={f.code}>
                    {featureName(t, { ibsiCode: f.code, name: f.name })} [{f.code}]
                  </option>
                ))}
              </select>
            </label>
          </h3>
          {chosen && (
            <>
              <p className="muted">
                {harmonized
                  ? t('kruskalBoth', {
                      before: p2(view.before?.kruskal[g]?.p),
                      after: p2(view.after?.kruskal[g]?.p),
                    })
                  : t('kruskalBefore', { before: p2(view.before?.kruskal[g]?.p) })}
              </p>
              <CenterBoxes rows={view.distributions[g]} />
            </>
          )}
          <TrainingSection
            ids={ids}
            {...(saved
              ? { harmonize: { apply: saved.fit } }
              : method
                ? {
                    harmonize: {
                      method,
                      ...(preserveLabel ? { covariate: 'label' as const } : {}),
                      ...(reference ? { referenceCenter: reference } : {}),
                    },
                  }
                : {})}
            {...(labels ? { labels: labels.labels } : {})}
          />
        </div>
      )}
      <FederationSection
        ids={ids}
        {...(labels ? { labels: labels.labels } : {})}
        defaultName={firstCenter}
      />
    </section>
  );
}
