// A center's part: answer the coordinator's latest signed message from this center's own cases
// (the bundles chosen above, with the labels CSV if one is loaded), or start the federation with
// its model family and settings; the signed answer (parameters and counts only) to download.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput } from '../panels/FileInput.tsx';
import type { FederatedFamily, FederationTerms } from '../../core/models/federated/update.ts';
import { download } from '../bundles/actions/download.ts';
import { manifestsOf } from '../bundles/actions/library.ts';
import { trainingWorker } from '../services/workers.ts';
import { messageWords } from './messageWords.ts';
import { federationKeys } from './signer.ts';
import { StepProgress } from './StepProgress.tsx';
import { useFederationStep } from './useFederationStep.ts';
import type { CenterAnswer } from '../../core/models/federated/exchange.ts';
import { PLATT_ROUNDS } from '../../core/models/federated/federation.ts';
import { noiseSigma } from '../../core/models/federated/privacy.ts';
import { formatNumber } from '../i18n/format.ts';

export interface CenterStepProps {
  readonly ids: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly defaultName: string;
}

const FAMILIES: readonly FederatedFamily[] = ['logreg-l2', 'svm-linear', 'forest'];
// A linear SVM's Newton rounds reach the pooled model in about 5 to 10; FedAvg needs more.
const DEFAULT_ROUNDS: Partial<Record<FederatedFamily, number>> = {
  'logreg-l2': 20,
  'svm-linear': 10,
};

function NumberField(props: {
  label: string;
  value: number;
  set: (v: number) => void;
  min: number;
  max?: number;
  step?: number;
}) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        aria-label={props.label}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.value}
        onChange={(e) => props.set(Number(e.target.value))}
      />
    </label>
  );
}

export function CenterStep({ ids, labels, defaultName }: CenterStepProps) {
  const { t, i18n } = useTranslation('federation');
  const lang = i18n.language;
  const [name, setName] = useState('');
  const [number, setNumber] = useState(1);
  const [message, setMessage] = useState<File | null>(null);
  const [federation, setFederation] = useState('federation-1');
  const [family, setFamily] = useState<FederatedFamily>('logreg-l2');
  const [terms, setTerms] = useState<Omit<FederationTerms, 'labels'>>({
    rounds: 20,
    C: 1,
    localSteps: 1,
    trees: 100,
    seed: 0,
    holdout: 0.25,
  });
  const [dp, setDp] = useState({ on: false, epsilon: 4, delta: 1e-5, clip: 0.05 });
  const { state, run, cancel } = useFederationStep<CenterAnswer>();
  const privacy =
    dp.on && family === 'logreg-l2'
      ? { epsilon: dp.epsilon, delta: dp.delta, clip: dp.clip }
      : undefined;
  const center = name.trim() || defaultName;
  const term = (k: keyof typeof terms) => (v: number) => setTerms({ ...terms, [k]: v });

  const answer = () =>
    void run(async (signal, onProgress) => {
      const [manifests, keys] = await Promise.all([manifestsOf([...ids]), federationKeys()]);
      return trainingWorker.call(
        signal,
        'federateCenter',
        {
          manifests,
          ...(labels ? { labels } : {}),
          center: { name: center, number },
          message: message ? { file: message.name, text: await message.text() } : null,
          ...(message
            ? {}
            : {
                start: { federation, family, terms: { ...terms, ...(privacy ? { privacy } : {}) } },
              }),
          trusted: keys.trusted,
        },
        keys.signer,
        onProgress,
      );
    });

  const done = state.kind === 'done' ? state.value : null;
  return (
    <fieldset className="bundle-fieldset" data-testid="federation-center">
      <legend>{t('center.legend')}</legend>
      <p>
        <label>
          {t('center.name')}{' '}
          <input
            aria-label={t('center.name')}
            value={name}
            placeholder={defaultName}
            onChange={(e) => setName(e.target.value)}
          />
        </label>{' '}
        <NumberField label={t('center.number')} value={number} set={setNumber} min={1} />
      </p>
      <p>
        <label>
          {t('center.message')}{' '}
          <FileInput
            accept=".json"
            aria-label={t('center.message')}
            onChange={(e) => setMessage(e.target.files?.[0] ?? null)}
          />
        </label>
      </p>
      {!message && (
        <div data-testid="federation-start">
          <p className="muted">{t('center.startHint')}</p>
          <p>
            <label>
              {t('center.federation')}{' '}
              <input
                aria-label={t('center.federation')}
                value={federation}
                onChange={(e) => setFederation(e.target.value)}
              />
            </label>{' '}
            <label>
              {t('center.family')}{' '}
              <select
                aria-label={t('center.family')}
                value={family}
                onChange={(e) => {
                  const f = e.target.value as FederatedFamily;
                  setFamily(f);
                  setTerms({ ...terms, rounds: DEFAULT_ROUNDS[f] ?? terms.rounds });
                }}
              >
                {FAMILIES.map((f) => (
                  <option key={f} value={f}>
                    {t(`families.${f}`)}
                  </option>
                ))}
              </select>
            </label>
          </p>
          <p>
            {family === 'forest' ? (
              <NumberField
                label={t('center.trees')}
                value={terms.trees}
                set={term('trees')}
                min={1}
              />
            ) : (
              <>
                <NumberField
                  label={t('center.rounds')}
                  value={terms.rounds}
                  set={term('rounds')}
                  min={1}
                />{' '}
                <NumberField
                  label={t('center.C')}
                  value={terms.C}
                  set={term('C')}
                  min={0}
                  step={0.1}
                />{' '}
                {family === 'logreg-l2' && (
                  <NumberField
                    label={t('center.localSteps')}
                    value={terms.localSteps}
                    set={term('localSteps')}
                    min={1}
                  />
                )}
              </>
            )}{' '}
            <NumberField
              label={t('center.holdout')}
              value={terms.holdout}
              set={term('holdout')}
              min={0}
              max={0.49}
              step={0.05}
            />{' '}
            <NumberField label={t('center.seed')} value={terms.seed} set={term('seed')} min={0} />
          </p>
          {family === 'logreg-l2' && (
            <div data-testid="federation-dp">
              <p>
                <label>
                  <input
                    type="checkbox"
                    checked={dp.on}
                    onChange={(e) => setDp({ ...dp, on: e.target.checked })}
                  />{' '}
                  {t('center.dp')}
                </label>
              </p>
              {privacy && (
                <>
                  <p>
                    <NumberField
                      label={t('center.dpEpsilon')}
                      value={dp.epsilon}
                      set={(epsilon) => setDp({ ...dp, epsilon })}
                      min={0}
                      step={0.5}
                    />{' '}
                    <NumberField
                      label={t('center.dpDelta')}
                      value={dp.delta}
                      set={(delta) => setDp({ ...dp, delta })}
                      min={0}
                      max={1}
                      step={0.00001}
                    />{' '}
                    <NumberField
                      label={t('center.dpClip')}
                      value={dp.clip}
                      set={(clip) => setDp({ ...dp, clip })}
                      min={0}
                      step={0.01}
                    />
                  </p>
                  <p className="muted">
                    {t('center.dpHint', {
                      sigma: formatNumber(noiseSigma(privacy), lang),
                      rounds: terms.rounds,
                      total: formatNumber(privacy.epsilon * terms.rounds, lang),
                    })}
                  </p>
                </>
              )}
            </div>
          )}
          {family === 'svm-linear' && (
            <p className="muted" data-testid="federation-svm-hint">
              {t('center.svmHint', { steps: PLATT_ROUNDS })}
            </p>
          )}
        </div>
      )}
      <p>
        <button
          type="button"
          disabled={ids.length === 0 || state.kind === 'running'}
          onClick={answer}
        >
          {message ? t('center.answer') : t('center.start')}
        </button>
      </p>
      <StepProgress state={state} cancel={cancel} testId="center-step" />
      {done && (
        <div data-testid="center-answer" data-file={done.answer.file}>
          {done.received && (
            <p className="muted">
              {t('center.received', { what: messageWords(t, done.received) })}
            </p>
          )}
          <p>
            {t('center.ready', { what: messageWords(t, done.answer.update) })}{' '}
            <button
              type="button"
              onClick={() => download(done.answer.file, done.answer.text, 'application/json')}
            >
              {t('center.download', { file: done.answer.file })}
            </button>
          </p>
          {done.model && (
            <p>
              {t('center.finalHeld')}{' '}
              <button
                type="button"
                onClick={() =>
                  download(
                    done.model!.card.model.file,
                    done.model!.onnx,
                    'application/octet-stream',
                  )
                }
              >
                {t('downloadModel')}
              </button>
            </p>
          )}
        </div>
      )}
    </fieldset>
  );
}
