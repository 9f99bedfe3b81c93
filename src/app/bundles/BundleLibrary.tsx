import { useStore } from '../store/store.ts';
import { deleteFromLibrary } from './actions/library.ts';
import { centerId, claimsByCenter, claimWarning, UNSIGNED } from './centerClaims.ts';

/**
 * Accepted bundles (imported and this center's own exports), kept in IndexedDB. Each says who
 * signed it and whether that key is trusted now; a center name claimed by two keys is a warning.
 */
export function BundleLibrary() {
  const library = useStore((s) => s.library);
  const trustedKeys = useStore((s) => s.trustedKeys);
  const own = useStore((s) => s.signingKey?.fingerprint);
  const trusted = new Set(trustedKeys.map((k) => k.fingerprint));
  if (own) trusted.add(own);
  const claims = claimsByCenter(library, trustedKeys);
  return (
    <fieldset className="bundle-fieldset">
      <legend>Bundle library</legend>
      {library.length === 0 && <p className="muted">No bundles yet.</p>}
      <ul className="bundle-list" aria-label="Bundle library">
        {library.map(({ summary: s, fileName, origin }) => {
          const who = s.signer ?? UNSIGNED;
          const others = [...(claims.get(centerId(s.center)) ?? [])].filter((c) => c !== who);
          const warning = claimWarning(s.center, others);
          const signedBy = !s.signer
            ? 'not signed'
            : trusted.has(s.signer)
              ? `signed by ${s.signer.slice(0, 16)}… (trusted)`
              : `signed by ${s.signer.slice(0, 16)}… (key not trusted)`;
          return (
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
                {signedBy} · {fileName}
              </span>{' '}
              <button
                type="button"
                aria-label={`Delete bundle from ${s.center}`}
                onClick={() => void deleteFromLibrary(s.id)}
              >
                Delete
              </button>
              {warning && (
                <p role="alert" className="bundle-warning" data-testid="center-claim-warning">
                  ⚠ {warning}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
