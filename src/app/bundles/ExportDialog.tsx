import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rememberCenterName, rememberedCenterName } from '../persist/centerName.ts';
import { exportBundle } from './actions/exportBundle.ts';
import { exportProblemText } from './exportProblemText.ts';
import { useEscapeToClose } from './useEscapeToClose.ts';
import { CollaborationKeyField } from './CollaborationKeyField.tsx';
import { FeaturesSection } from './FeaturesSection.tsx';
import { PredictionsSection } from './PredictionsSection.tsx';
import type { ReportDates } from '../../core/bundle/sr/studyReport.ts';
import { SigningFields } from './SigningFields.tsx';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'error'; text: string };

/** Everything an export needs, in one form; the bundle itself is built in the worker. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('bundles');
  const [center, setCenter] = useState(rememberedCenterName);
  const [sign, setSign] = useState(true);
  const [encrypt, setEncrypt] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [reportDates, setReportDates] = useState<ReportDates>('remove');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEscapeToClose(onClose);
  const run = async () => {
    setStatus({ kind: 'busy' });
    try {
      const name = await exportBundle({
        center,
        sign,
        reportDates,
        ...(encrypt ? { passphrase } : {}),
      });
      setStatus({ kind: 'done', text: t('export.done', { name }) });
    } catch (e) {
      setStatus({ kind: 'error', text: exportProblemText(t, e) });
    }
  };
  return (
    <section role="dialog" aria-label={t('export.title')} className="bundle-dialog">
      <label>
        {t('export.center')}{' '}
        <input
          aria-label={t('export.centerName')}
          value={center}
          onChange={(e) => {
            setCenter(e.target.value);
            rememberCenterName(e.target.value);
          }}
        />
      </label>
      <CollaborationKeyField />
      <FeaturesSection />
      <PredictionsSection reportDates={reportDates} setReportDates={setReportDates} />
      <SigningFields sign={sign} setSign={setSign} center={center} />
      <fieldset className="bundle-fieldset">
        <legend>{t('export.encryption')}</legend>
        <label>
          <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />{' '}
          {t('export.encrypt')}
        </label>
        {encrypt && (
          <input
            type="password"
            aria-label={t('export.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        )}
      </fieldset>
      <div className="bundle-actions">
        <button
          type="button"
          disabled={status.kind === 'busy' || (encrypt && !passphrase)}
          onClick={() => void run()}
        >
          {t('export.run')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      {status.kind === 'done' && <p role="status">{status.text}</p>}
      {status.kind === 'error' && <p className="bundle-error">{status.text}</p>}
    </section>
  );
}
