import { useState } from 'react';
import { useStore } from '../store/store.ts';
import { importBundleFile } from './actions/importBundle.ts';

/** Pick or drop a bundle; an encrypted one asks for its passphrase; the outcome is shown in words. */
export function ImportSection() {
  const outcome = useStore((s) => s.importOutcome);
  const [pending, setPending] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const start = async (file: File, phrase?: string) => {
    setBusy(true);
    useStore.getState().setImportOutcome(null);
    try {
      const step = await importBundleFile(file, phrase);
      setPending(step === 'needs-passphrase' ? file : null);
    } finally {
      setBusy(false);
    }
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
      <legend>Import a partner&apos;s bundle</legend>
      <label className="file-button">
        Import bundle (.zip)…
        <input
          type="file"
          accept=".zip,application/zip,application/octet-stream"
          aria-label="Import bundle"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void start(file);
          }}
        />
      </label>
      {busy && <p className="muted">Verifying…</p>}
      {pending && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start(pending, passphrase);
          }}
        >
          <p>{pending.name} is encrypted.</p>
          <input
            type="password"
            aria-label="Passphrase of the bundle"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
          <button type="submit">Open bundle</button>
        </form>
      )}
      {outcome?.ok === true && (
        <p role="status" data-testid="import-accepted">
          Accepted {outcome.fileName} from {outcome.center}.
        </p>
      )}
      {outcome?.ok === false && (
        <p role="alert" className="bundle-error" data-testid="import-rejected">
          Rejected {outcome.fileName}: <code>{outcome.error.code}</code> {outcome.error.reason}
          {outcome.error.params.file ? ` (${outcome.error.params.file})` : ''} Nothing of it was
          kept.
        </p>
      )}
    </fieldset>
  );
}
