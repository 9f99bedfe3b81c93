import { useStore } from '../store/store.ts';
import { deleteFromLibrary } from './actions/library.ts';

/** Accepted bundles (imported and this center's own exports), kept in IndexedDB. */
export function BundleLibrary() {
  const library = useStore((s) => s.library);
  return (
    <fieldset className="bundle-fieldset">
      <legend>Bundle library</legend>
      {library.length === 0 && <p className="muted">No bundles yet.</p>}
      <ul className="bundle-list" aria-label="Bundle library">
        {library.map(({ summary: s, fileName, origin }) => (
          <li key={s.id} data-center={s.center}>
            <strong>{s.center}</strong> <span className="muted">({origin})</span>
            <br />
            <span className="muted">
              {s.createdAt} · {s.software}
            </span>
            <br />
            <span>
              {s.counts.features} feature results, {s.counts.predictions} predictions
            </span>
            <br />
            <span className="muted" title={s.signer ?? ''}>
              {s.signer ? `signed by ${s.signer.slice(0, 16)}…` : 'not signed'} · {fileName}
            </span>{' '}
            <button
              type="button"
              aria-label={`Delete bundle from ${s.center}`}
              onClick={() => void deleteFromLibrary(s.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
