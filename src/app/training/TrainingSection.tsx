// Training in the Study view: on the chosen bundles (their labels), with the view's
// harmonization, choose the model family, feature selection and validation; the run goes to
// the training worker with progress and Cancel; the validation figures per held-out center, the
// reliability plot and the model (.onnx with its card, and the ComBat fit) to download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MODEL_FAMILIES, type ModelFamily } from '../../core/models/classifiers/pipeline.ts';
import type { StudyTrainingOptions } from '../../core/models/training/trainStudy.ts';
import { SOFTWARE } from '../../core/version.ts';
import { download } from '../bundles/actions/download.ts';
import { problemText } from '../i18n/problemText.ts';
import { MetricsTable } from './MetricsTable.tsx';
import { ReliabilityPlot } from './ReliabilityPlot.tsx';
import type { CaseLabels } from '../study/relabel.ts';
import { useTraining } from './useTraining.ts';

export interface TrainingSectionProps {
  readonly ids: readonly string[];
  readonly harmonize?: StudyTrainingOptions['harmonize'];
  /** A labels CSV's labels by case key, in place of the bundles' own. */
  readonly labels?: CaseLabels;
}

const safeName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '') || 'study-model';

export function TrainingSection({ ids, harmonize, labels }: TrainingSectionProps) {
  const { t } = useTranslation('training');
  const [family, setFamily] = useState<ModelFamily>('logreg-l2');
  const [validation, setValidation] = useState<'loco' | 'cv' | 'none'>('loco');
  const [folds, setFolds] = useState(5);
  const [repeats, setRepeats] = useState(1);
  const [pruneCorrelated, setPruneCorrelated] = useState(false);
  const [name, setName] = useState('study-model');
  const { state, start, cancel } = useTraining();

  const train = () => {
    const options: StudyTrainingOptions = {
      spec: {
        family,
        seed: 0,
        selection: pruneCorrelated ? { maxCorrelation: 0.9 } : {},
      },
      validation:
        validation === 'loco'
          ? { kind: 'loco' }
          : validation === 'cv'
            ? { kind: 'cv', folds, repeats }
            : null,
      name: safeName(name),
      producer: `consilium ${SOFTWARE.version} (workbench)`,
      ...(harmonize ? { harmonize } : {}),
    };
    void start(ids, options, labels);
  };

  const running = state.kind === 'running';
  const run = state.kind === 'done' ? state.run : null;
  return (
    <section className="training" aria-label={t('train.title')}>
      <h3>{t('train.title')}</h3>
      <p>
        <label>
          {t('train.family')}{' '}
          <select
            aria-label={t('train.family')}
            value={family}
            onChange={(e) => setFamily(e.target.value as ModelFamily)}
          >
            {MODEL_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`train.families.${f}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('train.validation')}{' '}
          <select
            aria-label={t('train.validation')}
            value={validation}
            onChange={(e) => setValidation(e.target.value as typeof validation)}
          >
            <option value="loco">{t('train.loco')}</option>
            <option value="cv">{t('train.cv')}</option>
            <option value="none">{t('train.noValidation')}</option>
          </select>
        </label>
        {validation === 'cv' && (
          <>
            {' '}
            <label>
              {t('train.folds')}{' '}
              <input
                type="number"
                min={2}
                max={20}
                aria-label={t('train.folds')}
                value={folds}
                onChange={(e) => setFolds(Math.max(2, Number(e.target.value) || 2))}
              />
            </label>{' '}
            <label>
              {t('train.repeats')}{' '}
              <input
                type="number"
                min={1}
                max={20}
                aria-label={t('train.repeats')}
                value={repeats}
                onChange={(e) => setRepeats(Math.max(1, Number(e.target.value) || 1))}
              />
            </label>
          </>
        )}
      </p>
      <p>
        <label>
          <input
            type="checkbox"
            checked={pruneCorrelated}
            onChange={(e) => setPruneCorrelated(e.target.checked)}
          />{' '}
          {t('train.pruneCorrelated')}
        </label>{' '}
        <label>
          {t('train.name')}{' '}
          <input
            aria-label={t('train.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      </p>
      <p className="muted">
        {harmonize?.apply
          ? t('train.harmonizedSaved')
          : harmonize?.method
            ? t('train.harmonized', { method: t(`train.methods.${harmonize.method}`) })
            : t('train.notHarmonized')}
      </p>
      <p>
        <button type="button" disabled={ids.length === 0 || running} onClick={train}>
          {t('train.start')}
        </button>
        {running && (
          <>
            {' '}
            <progress
              max={state.total}
              value={state.done}
              aria-label={t('train.progress')}
              data-testid="training-progress"
            />{' '}
            <span className="muted">
              {t('train.steps', { done: state.done, total: state.total })}
            </span>{' '}
            <button type="button" onClick={cancel}>
              {t('train.cancel')}
            </button>
          </>
        )}
      </p>
      {state.kind === 'cancelled' && (
        <p className="muted" data-testid="training-cancelled">
          {t('train.cancelled')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" data-testid="training-error" data-code={state.problem.code}>
          {problemText(t, state.problem)}
        </p>
      )}
      {run && (
        <div data-testid="training-result">
          <p>
            {t('train.summary', {
              cases: run.centers.reduce((a, c) => a + c.cases, 0),
              centers: run.centers.length,
              selected: run.selected.length,
              features: run.features,
              positive: run.labels[1],
            })}
          </p>
          {run.validation ? (
            <>
              <p className="muted">{t('train.scheme', { scheme: run.validationScheme })}</p>
              <MetricsTable report={run.validation} />
              <ReliabilityPlot bins={run.validation.overall.reliability} />
            </>
          ) : (
            <p className="muted">{t('train.noValidationDone')}</p>
          )}
          <p>
            <button
              type="button"
              onClick={() => download(run.card.model.file, run.onnx, 'application/octet-stream')}
            >
              {t('train.downloadModel')}
            </button>{' '}
            <button
              type="button"
              onClick={() =>
                download(
                  run.card.model.file.replace(/\.onnx$/, '.card.json'),
                  JSON.stringify(run.card, null, 1) + '\n',
                  'application/json',
                )
              }
            >
              {t('train.downloadCard')}
            </button>
            {run.combat && (
              <>
                {' '}
                <button
                  type="button"
                  onClick={() =>
                    download(
                      run.card.model.file.replace(/\.onnx$/, '.combat.json'),
                      JSON.stringify(run.combat, null, 1) + '\n',
                      'application/json',
                    )
                  }
                >
                  {t('train.downloadCombat')}
                </button>
              </>
            )}
          </p>
        </div>
      )}
    </section>
  );
}
