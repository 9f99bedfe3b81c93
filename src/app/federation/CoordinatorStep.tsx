// The coordinator's part (any center can take it): its own latest message and the centers'
// signed answers to it in; each answer refused (untrusted key, another round or step, other
// settings) stated and left out; the next round's signed model out. After the last round, the
// centers' held-out metrics in, aggregated, and the final model as ONNX with its card.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput } from '../panels/FileInput.tsx';
import type { CoordinatorAnswer } from '../../core/models/federated/exchange.ts';
import { noiseSigma } from '../../core/models/federated/privacy.ts';
import { SOFTWARE } from '../../core/version.ts';
import { formatNumber } from '../i18n/format.ts';
import { download } from '../bundles/actions/download.ts';
import { problemText } from '../i18n/problemText.ts';
import { trainingWorker } from '../services/workers.ts';
import { MetricsTable } from '../training/MetricsTable.tsx';
import { ReliabilityPlot } from '../training/ReliabilityPlot.tsx';
import { messageWords } from './messageWords.ts';
import { federationKeys } from './signer.ts';
import { StepProgress } from './StepProgress.tsx';
import { useFederationStep } from './useFederationStep.ts';

const texts = (files: readonly File[]) =>
  Promise.all(files.map(async (f) => ({ file: f.name, text: await f.text() })));

export function CoordinatorStep() {
  const { t, i18n } = useTranslation('federation');
  const [previous, setPrevious] = useState<File | null>(null);
  const [answers, setAnswers] = useState<File[]>([]);
  const [name, setName] = useState('federated-model');
  const { state, run, cancel } = useFederationStep<CoordinatorAnswer>();

  const aggregate = () =>
    void run(async (signal, onProgress) => {
      const keys = await federationKeys();
      const [prev] = previous ? await texts([previous]) : [null];
      return trainingWorker.call(
        signal,
        'federateCoordinator',
        {
          previous: prev,
          answers: await texts(answers),
          trusted: keys.trusted,
          name,
          producer: `consilium ${SOFTWARE.version} (workbench federation)`,
        },
        keys.signer,
        onProgress,
      );
    });

  const done = state.kind === 'done' ? state.value : null;
  const model = done?.model;
  const privacy = done?.next?.update.terms?.privacy ?? done?.previous?.terms?.privacy;
  const lang = i18n.language;
  return (
    <fieldset className="bundle-fieldset" data-testid="federation-coordinator">
      <legend>{t('coordinator.legend')}</legend>
      <p>
        <label>
          {t('coordinator.previous')}{' '}
          <FileInput
            accept=".json"
            aria-label={t('coordinator.previous')}
            onChange={(e) => setPrevious(e.target.files?.[0] ?? null)}
          />
        </label>
      </p>
      <p>
        <label>
          {t('coordinator.answers')}{' '}
          <FileInput
            accept=".json"
            multiple
            aria-label={t('coordinator.answers')}
            onChange={(e) => setAnswers([...(e.target.files ?? [])])}
          />
        </label>{' '}
        <label>
          {t('coordinator.name')}{' '}
          <input
            aria-label={t('coordinator.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      </p>
      <p>
        <button
          type="button"
          disabled={answers.length === 0 || state.kind === 'running'}
          onClick={aggregate}
        >
          {t('coordinator.aggregate', { n: answers.length })}
        </button>
      </p>
      <StepProgress state={state} cancel={cancel} testId="coordinator-step" />
      {done && (
        <div data-testid="coordinator-answer" data-accepted={done.accepted.length}>
          <p>
            {t('coordinator.accepted', {
              n: done.accepted.length,
              centers: done.accepted
                .map((a) => t('coordinator.centerCases', { center: a.from, cases: a.cases }))
                .join(', '),
            })}
          </p>
          {privacy && (
            <p className="muted" data-testid="coordinator-privacy">
              {t('coordinator.privacy', {
                epsilon: formatNumber(privacy.epsilon, lang),
                delta: formatNumber(privacy.delta, lang),
                clip: formatNumber(privacy.clip, lang),
                sigma: formatNumber(noiseSigma(privacy), lang),
              })}
            </p>
          )}
          {done.refused.length > 0 && (
            <ul data-testid="coordinator-refused">
              {done.refused.map((p, i) => (
                <li key={i} data-code={p.code} className="bundle-error">
                  {t('coordinator.leftOut', {
                    file: String(p.params.file ?? ''),
                    why: problemText(t, p),
                  })}
                </li>
              ))}
            </ul>
          )}
          {done.next && (
            <p data-testid="coordinator-next" data-file={done.next.file}>
              {t('coordinator.next', { what: messageWords(t, done.next.update) })}{' '}
              <button
                type="button"
                onClick={() => download(done.next!.file, done.next!.text, 'application/json')}
              >
                {t('coordinator.download', { file: done.next.file })}
              </button>
            </p>
          )}
          {done.validation && (
            <div
              data-testid="federated-validation"
              data-auc={done.validation.caseWeightedAuc ?? ''}
            >
              <h4>{t('coordinator.validation')}</h4>
              {done.report ? (
                <>
                  <MetricsTable report={done.report} />
                  <ReliabilityPlot bins={done.report.overall.reliability} />
                </>
              ) : (
                <p className="muted">{t('coordinator.noHeldOut')}</p>
              )}
            </div>
          )}
          {model && (
            <p>
              <button
                type="button"
                onClick={() =>
                  download(model.card.model.file, model.onnx, 'application/octet-stream')
                }
              >
                {t('downloadModel')}
              </button>{' '}
              <button
                type="button"
                onClick={() =>
                  download(
                    model.card.model.file.replace(/\.onnx$/, '.card.json'),
                    JSON.stringify(model.card, null, 1) + '\n',
                    'application/json',
                  )
                }
              >
                {t('downloadCard')}
              </button>
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
