// "Store reports on a PACS": each study's TID 1500 report sent by STOW-RS to a configured PACS,
// identified into the source study or pseudonymised into the research PACS's pseudonymised
// study (app/pacs/stowReports.ts does the work; this shows it).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../pacs/pacs.css';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { problemOf } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { loadPacsServers } from '../pacs/pacsServers.ts';
import { stowReports, type StowOutcome } from '../pacs/stowReports.ts';
import { CollaborationKeyField } from './CollaborationKeyField.tsx';
import { PacsServerSelect } from '../pacs/PacsServerSelect.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; outcomes: readonly StowOutcome[] }
  | { kind: 'error'; text: string };

export function StowSection() {
  const { t } = useTranslation('pacs');
  const [servers] = useState(loadPacsServers);
  const [chosen, setChosen] = useState(0);
  const [pseudonymised, setPseudonymised] = useState(false);
  const [dates, setDates] = useState<ReportDates>('remove');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const server = servers[Math.min(chosen, servers.length - 1)];
  const run = async () => {
    if (!server) return;
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'busy' });
    try {
      const outcomes = await stowReports({
        server,
        ...(pseudonymised ? { pseudonymised: { reportDates: dates } } : {}),
        signal: controller.signal,
      });
      setStatus({ kind: 'done', outcomes });
    } catch (e) {
      setStatus({
        kind: 'error',
        text: controller.signal.aborted
          ? t('stow.cancelled')
          : problemText(t, problemOf(e, 'dicomweb-failed')),
      });
    }
  };
  return (
    <fieldset className="bundle-fieldset stow-section">
      <legend>{t('stow.legend')}</legend>
      <p className="muted">{t('stow.what')}</p>
      {!server ? (
        <p className="muted">{t('stow.noServer')}</p>
      ) : (
        <div className="stow-form">
          <PacsServerSelect
            label={t('stow.server')}
            servers={servers}
            chosen={chosen}
            onChoose={setChosen}
          />
          <fieldset className="stow-kind">
            <legend>{t('stow.kindLabel')}</legend>
            <label>
              <input
                type="radio"
                name="stow-kind"
                checked={!pseudonymised}
                onChange={() => setPseudonymised(false)}
              />{' '}
              {t('stow.identified')}
            </label>
            <label>
              <input
                type="radio"
                name="stow-kind"
                checked={pseudonymised}
                onChange={() => setPseudonymised(true)}
              />{' '}
              {t('stow.pseudonymised')}
            </label>
          </fieldset>
          {pseudonymised && (
            <>
              <CollaborationKeyField />
              <label>
                {t('stow.dates')}{' '}
                <select value={dates} onChange={(e) => setDates(e.target.value as ReportDates)}>
                  <option value="remove">{t('stow.datesRemove')}</option>
                  <option value="shift">{t('stow.datesShift')}</option>
                </select>
              </label>
            </>
          )}
          <div className="stow-actions">
            <button type="button" disabled={status.kind === 'busy'} onClick={() => void run()}>
              {status.kind === 'busy' ? t('stow.busy') : t('stow.submit')}
            </button>
            {status.kind === 'busy' && (
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('stow.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
      {status.kind === 'error' && (
        <p role="alert" className="error">
          {status.text}
        </p>
      )}
      {status.kind === 'done' && (
        <ul aria-label={t('stow.outcomes')} className="stow-outcomes">
          {status.outcomes.map((o) => (
            <li key={o.study} className={o.stored ? undefined : 'error'} data-into={o.into}>
              {o.stored
                ? o.into === o.study
                  ? t('stow.stored', { study: o.study })
                  : t('stow.storedAs', { study: o.study, into: o.into })
                : t('stow.failed', { study: o.study, reason: problemText(t, o.problem) })}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
