import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DateHandling } from '../../core/deid/dates.ts';
import type { Problem } from '../../core/result.ts';
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

const scopes: { value: DeidScope; label: string }[] = [
  { value: 'series', label: 'Shown series' },
  { value: 'study', label: 'Its study' },
  { value: 'all', label: 'All loaded series' },
];

/** The loaded images as de-identified DICOM files in a zip, made in the bundle worker. */
export function DeidentifiedDicomSection() {
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
        text: `Exported ${out.fileName}: ${out.files} de-identified files.`,
        problems: out.problems,
      });
    } catch (e) {
      if (controller.signal.aborted) setStatus({ kind: 'error', text: 'Cancelled.' });
      else setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  };
  const busy = status.kind === 'busy';
  return (
    <fieldset className="bundle-fieldset">
      <legend>De-identified DICOM</legend>
      <p className="muted">
        Copies of the images with names, IDs, dates, times and private tags removed (PS3.15 Basic
        Profile) and UIDs replaced by the pseudonyms your bundles use.
      </p>
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          Export de-identified DICOM…
        </button>
      )}
      {open && (
        <section role="dialog" aria-label="Export de-identified DICOM" className="bundle-dialog">
          <CollaborationKeyField />
          <label>
            Images{' '}
            <select
              aria-label="Images to export"
              value={scope}
              onChange={(e) => setScope(e.target.value as DeidScope)}
            >
              {scopes.map((s, k) => (
                <option key={s.value} value={s.value}>
                  {s.label} ({counts[k]} files)
                </option>
              ))}
            </select>
          </label>
          <label>
            Dates{' '}
            <select
              aria-label="Dates in the files"
              value={dates}
              onChange={(e) => setDates(e.target.value as DateHandling)}
            >
              <option value="remove">Removed</option>
              <option value="shift">Shifted by the patient's keyed offset</option>
            </select>
          </label>
          <p className="muted">Times of day are removed either way.</p>
          <div className="bundle-actions">
            <button type="button" disabled={busy} onClick={() => void run()}>
              Export de-identified .zip
            </button>
            {busy && (
              <button type="button" onClick={() => abort.current?.abort()}>
                Cancel
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          {busy && (
            <progress
              value={status.done}
              max={status.total || 1}
              aria-label="De-identification progress"
            />
          )}
          {status.kind === 'done' && (
            <div role="status" data-testid="deid-outcome">
              <p>{status.text}</p>
              {status.problems.length > 0 && (
                <ul className="bundle-list" aria-label="Files not de-identified">
                  {status.problems.map((p, k) => (
                    <li key={k}>
                      {String(p.params.file ?? '')}: {p.reason}
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
