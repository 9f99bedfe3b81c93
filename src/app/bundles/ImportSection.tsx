import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import {
  acceptPendingImport,
  declinePendingImport,
  importBundleFile,
  type TrustQuestion,
} from './actions/importBundle.ts';
import { ImportOutcomeLine } from './ImportOutcomeLine.tsx';
import { TrustPrompt } from './TrustPrompt.tsx';
import { FileInput } from '../panels/FileInput.tsx';

/**
 * Pick or drop a bundle; an encrypted one asks for its passphrase; one that no trusted key signed
 * asks whether to trust its key (or import it unsigned); the outcome is shown in words.
 */
export function ImportSection() {
  const { t } = useTranslation('bundles');
  const outcome = useStore((s) => s.importOutcome);
  const [pending, setPending] = useState<File | null>(null);
  const [question, setQuestion] = useState<TrustQuestion | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const start = async (file: File, phrase?: string) => {
    setBusy(true);
    setQuestion(null);
    useStore.getState().setImportOutcome(null);
    try {
      const step = await importBundleFile(file, phrase);
      setPending(step.kind === 'needs-passphrase' ? file : null);
      setWrong(step.kind === 'needs-passphrase' && step.wrong === true);
      if (step.kind === 'needs-passphrase') setPassphrase('');
      setQuestion(step.kind === 'confirm' ? step.question : null);
    } finally {
      setBusy(false);
    }
  };
  const answer = async (yes: boolean) => {
    setQuestion(null);
    if (yes) await acceptPendingImport();
    else declinePendingImport();
  };
  return (
    <fieldset
      className="bundle-fieldset bundle-drop"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        // Handled here, so the page's DICOM drop zone does not try to read the bundle as images.
        e.preventDefault();
        e.stopPropagation();
        const file = e.dataTransfer.files[0];
        if (file) void start(file);
      }}
    >
      <legend>{t('import.legend')}</legend>
      <label className="file-button">
        {t('import.button')}
        <FileInput
          accept=".zip,application/zip,application/octet-stream"
          aria-label={t('import.label')}
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void start(file);
          }}
        />
      </label>
      {busy && <p className="muted">{t('import.verifying')}</p>}
      {pending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start(pending, passphrase);
          }}
        >
          <p>{t('import.encrypted', { file: pending.name })}</p>
          {wrong && (
            <p role="alert" className="bundle-error">
              {t('import.wrongPassphrase')}
            </p>
          )}
          <input
            type="password"
            aria-label={t('import.passphrase')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <button type="submit">{t('import.open')}</button>
        </form>
      )}
      {question && <TrustPrompt question={question} onAnswer={(yes) => void answer(yes)} />}
      {outcome && <ImportOutcomeLine outcome={outcome} />}
    </fieldset>
  );
}
