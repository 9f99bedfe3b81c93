import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { DateHandling } from '../../core/deid/dates.ts';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { exportProblemText } from './exportProblemText.ts';
import { useStore } from '../store/store.ts';
import {
  exportDeidentifiedDicom,
  filesInScope,
  type DeidScope,
} from './actions/exportDeidentified.ts';
import { CollaborationKeyField } from './CollaborationKeyField.tsx';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; done: number; total: number }
  | { kind: 'done'; text: string; problems: readonly Problem[] }
  | { kind: 'error'; text: string };

// Labels are bundles:deid.scope.<value>.
const scopes: { value: DeidScope }[] = [{ value: 'series' }, { value: 'study' }, { value: 'all' }];

/** The loaded images as de-identified DICOM files in a zip, made in the bundle worker. */
export function DeidentifiedDicomSection() {
  const { t } = useTranslation('bundles');
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<DeidScope>('series');
  const [dates, setDates] = useState<DateHandling>('remove');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const counts = useStore(useShallow((s) => scopes.map((sc) => filesInScope(s, sc.value).length)));
  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setStatus({ kind: 'busy', done: 0, total: counts[scopes.findIndex((s) => s.value === scope)] });
    try {
      const out = await exportDeidentifiedDicom({
        scope,
        dates,
        signal: controller.signal,
        onProgress: (done, total) => setStatus({ kind: 'busy', done, total }),
      });
      setStatus({
        kind: 'done',
        text: t('deid.done', { file: out.fileName, count: out.files }),
        problems: out.problems,
      });
    } catch (e) {
      if (controller.signal.aborted) setStatus({ kind: 'error', text: t('deid.cancelled') });
      else setStatus({ kind: 'error', text: exportProblemText(t, e) });
    }
  };
  const busy = status.kind === 'busy';
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('deid.legend')}</legend>
      <p className="muted">{t('deid.what')}</p>
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('deid.open')}
        </button>
      )}
      {open && (
        <section role="dialog" aria-label={t('deid.title')} className="bundle-dialog">
          <CollaborationKeyField />
          <label>
            {t('deid.images')}{' '}
            <select
              aria-label={t('deid.imagesLabel')}
              value={scope}
              onChange={(e) => setScope(e.target.value as DeidScope)}
            >
              {scopes.map((s, k) => (
                <option key={s.value} value={s.value}>
                  {t(`deid.scope.${s.value}`)} {t('deid.files', { count: counts[k] })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('deid.dates')}{' '}
            <select
              aria-label={t('deid.datesLabel')}
              value={dates}
              onChange={(e) => setDates(e.target.value as DateHandling)}
            >
              <option value="remove">{t('deid.removed')}</option>
              <option value="shift">{t('deid.shifted')}</option>
            </select>
          </label>
          <p className="muted">{t('deid.times')}</p>
          <div className="bundle-actions">
            <button type="button" disabled={busy} onClick={() => void run()}>
              {t('deid.run')}
            </button>
            {busy && (
              <button type="button" onClick={() => abort.current?.abort()}>
                {t('cancel')}
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              {t('close')}
            </button>
          </div>
          {busy && (
            <progress value={status.done} max={status.total || 1} aria-label={t('deid.progress')} />
          )}
          {status.kind === 'done' && (
            <div role="status" data-testid="deid-outcome">
              <p>{status.text}</p>
              {status.problems.length > 0 && (
                <ul className="bundle-list" aria-label={t('deid.problems')}>
                  {status.problems.map((p, k) => (
                    <li key={k}>
                      {String(p.params.file ?? '')}: {problemText(t, p)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {status.kind === 'error' && <p className="bundle-error">{status.text}</p>}
        </section>
      )}
    </fieldset>
  );
}
