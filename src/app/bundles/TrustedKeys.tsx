import { useState } from 'react';
import { useStore } from '../store/store.ts';
import { trustPartnerKey, untrustKey } from './actions/keys.ts';

/**
 * Partner public keys this center accepts signatures from: imported as PEM or JWK, or trusted on
 * first use when an import asked. Removing a key revokes it: its bundles stay in the library,
 * marked as signed by a key no longer trusted, and its next bundle asks again.
 */
export function TrustedKeys() {
  const keys = useStore((s) => s.trustedKeys);
  const [problem, setProblem] = useState<string | undefined>();
  return (
    <fieldset className="bundle-fieldset">
      <legend>Trusted partner keys</legend>
      <ul className="bundle-list" aria-label="Trusted partner keys">
        {keys.map((k) => (
          <li key={k.fingerprint} data-fingerprint={k.fingerprint}>
            <span>{k.name}</span>{' '}
            <code className="fingerprint" title={k.fingerprint}>
              {k.fingerprint.slice(0, 16)}…
            </code>{' '}
            {k.how === 'first-use' && (
              <span className="muted">
                trusted on first use{k.trustedAt ? ` ${k.trustedAt.slice(0, 10)}` : ''}{' '}
              </span>
            )}
            <button
              type="button"
              aria-label={`Remove trusted key ${k.name}`}
              onClick={() => void untrustKey(k.fingerprint)}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {keys.length === 0 && (
        <p className="muted">
          None yet: a bundle signed by a key not listed here asks before it is imported.
        </p>
      )}
      <label className="file-button">
        Import partner key (PEM)…
        <input
          type="file"
          accept=".pem,.jwk,.json,.pub"
          aria-label="Partner public key"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) setProblem(await trustPartnerKey(file));
          }}
        />
      </label>
      {problem && <p className="bundle-error">{problem}</p>}
    </fieldset>
  );
}
