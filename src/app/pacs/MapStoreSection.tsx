// Beside the response map the Filters section shows: "Store map to PACS" (STOW-RS through the
// page's own proxy, by default to the PACS the series came from) and "Download as DICOM", both
// the Secondary Capture `consilium filter --out map.dcm` writes, identified into the source
// study or pseudonymised into the research PACS's study (app/pacs/storeMap.ts does the work).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './pacs.css';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { problemOf } from '../../core/result.ts';
import { useFilters } from '../analysis/filters/filterStore.ts';
import { download } from '../bundles/actions/download.ts';
import { CollaborationKeyField } from '../bundles/CollaborationKeyField.tsx';
import { formatNumber } from '../i18n/format.ts';
import { problemText } from '../i18n/problemText.ts';
import { loadPacsServers } from './pacsServers.ts';
import { PacsServerSelect } from './PacsServerSelect.tsx';
import { shownMapDicom, sourceServerIndex, storeMap, type StoredMap } from './storeMap.ts';

type Status =
  | { kind: 'idle' }
  | { kind: 'making' }
  | { kind: 'sending'; bytes: number }
  | { kind: 'stored'; stored: StoredMap }
  | { kind: 'downloaded'; name: string }
  | { kind: 'error'; text: string };

export function MapStoreSection() {
  const { t, i18n } = useTranslation('pacs');
  const response = useFilters((s) => s.response);
  const [servers] = useState(loadPacsServers);
  // null: the PACS the series came from (the first one for a series from local files).
  const [chosen, setChosen] = useState<number | null>(null);
  const [pseudonymised, setPseudonymised] = useState(false);
  const [dates, setDates] = useState<ReportDates>('remove');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  if (!response) return null;
  const source = sourceServerIndex(servers);
  const index = Math.min(chosen ?? Math.max(source, 0), servers.length - 1);
  const server = servers[index];
  const busy = status.kind === 'making' || status.kind === 'sending';
  const options = (signal: AbortSignal) => ({
    ...(pseudonymised ? { pseudonymised: { reportDates: dates } } : {}),
    signal,
  });
  const run = async (work: (signal: AbortSignal) => Promise<Status>) => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'making' });
    try {
      setStatus(await work(controller.signal));
    } catch (e) {
      setStatus({
        kind: 'error',
        text: controller.signal.aborted
          ? t('map.cancelled')
          : problemText(t, problemOf(e, 'dicomweb-failed')),
      });
    }
  };
  const store = () =>
    run(async (signal) => {
      if (!server) return { kind: 'idle' };
      const stored = await storeMap(server, {
        ...options(signal),
        onStep: (step, bytes) =>
          setStatus(step === 'sending' ? { kind: 'sending', bytes } : { kind: 'making' }),
      });
      return { kind: 'stored', stored };
    });
  const save = () =>
    run(async (signal) => {
      const map = await shownMapDicom(options(signal));
      const name = `${response.filter.split(':')[0]}-map-${map.studyInstanceUid.slice(-12)}.dcm`;
      download(name, map.bytes, 'application/dicom');
      return { kind: 'downloaded', name };
    });
  return (
    <fieldset className="bundle-fieldset stow-section" aria-label={t('map.legend')}>
      <legend>{t('map.legend')}</legend>
      <p className="muted">{t('map.what')}</p>
      <div className="stow-form">
        {server ? (
          <PacsServerSelect
            label={t('map.server')}
            servers={servers}
            chosen={index}
            onChoose={setChosen}
          />
        ) : (
          <p className="muted">{t('map.noServer')}</p>
        )}
        {server && source >= 0 && index === source && (
          <p className="muted" data-testid="map-source-server">
            {t('map.fromSource', { name: server.name })}
          </p>
        )}
        <fieldset className="stow-kind">
          <legend>{t('map.kindLabel')}</legend>
          <label>
            <input
              type="radio"
              name="map-kind"
              checked={!pseudonymised}
              onChange={() => setPseudonymised(false)}
            />{' '}
            {t('map.identified')}
          </label>
          <label>
            <input
              type="radio"
              name="map-kind"
              checked={pseudonymised}
              onChange={() => setPseudonymised(true)}
            />{' '}
            {t('map.pseudonymised')}
          </label>
        </fieldset>
        {pseudonymised && (
          <>
            <CollaborationKeyField />
            <label>
              {t('map.dates')}{' '}
              <select value={dates} onChange={(e) => setDates(e.target.value as ReportDates)}>
                <option value="remove">{t('map.datesRemove')}</option>
                <option value="shift">{t('map.datesShift')}</option>
              </select>
            </label>
          </>
        )}
        <div className="stow-actions">
          <button type="button" disabled={busy || !server} onClick={() => void store()}>
            {t('map.store')}
          </button>
          <button type="button" disabled={busy} onClick={() => void save()}>
            {t('map.download')}
          </button>
          {busy && (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('map.cancel')}
            </button>
          )}
        </div>
      </div>
      {busy && (
        <p data-testid="map-store-progress" data-step={status.kind} aria-live="polite">
          <progress aria-label={t('map.legend')} />{' '}
          {status.kind === 'sending'
            ? t('map.sending', {
                size: formatNumber(status.bytes / 1e6, i18n.language, 3),
                name: server?.name ?? '',
              })
            : t('map.making')}
        </p>
      )}
      {status.kind === 'error' && (
        <p role="alert" className="error" data-testid="map-store-problem">
          {status.text}
        </p>
      )}
      {status.kind === 'stored' && (
        <p role="status" data-testid="map-stored" data-into={status.stored.into}>
          {status.stored.into === status.stored.study
            ? t('map.stored', { study: status.stored.study })
            : t('map.storedAs', { study: status.stored.study, into: status.stored.into })}
        </p>
      )}
      {status.kind === 'downloaded' && (
        <p role="status" data-testid="map-downloaded">
          {t('map.downloaded', { name: status.name })}
        </p>
      )}
    </fieldset>
  );
}
