import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../core/result.ts';
import { problemText } from '../i18n/problemText.ts';
import { useStore } from '../store/store.ts';
import { trustPartnerKey, untrustKey } from './actions/keys.ts';
import { shownInstant } from './BundlePicker.tsx';
import { FileInput } from '../panels/FileInput.tsx';

/**
 * Partner public keys this center accepts signatures from: imported as PEM or JWK, or trusted on
 * first use when an import asked. Removing a key revokes it: its bundles stay in the library,
 * marked as signed by a key no longer trusted, and its next bundle asks again.
 */
export function TrustedKeys() {
  const { t, i18n } = useTranslation('bundles');
  const keys = useStore((s) => s.trustedKeys);
  const [problem, setProblem] = useState<Problem | undefined>();
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('trusted.legend')}</legend>
      <ul className="bundle-list" aria-label={t('trusted.legend')}>
        {keys.map((k) => (
          <li key={k.fingerprint} data-fingerprint={k.fingerprint}>
            <span>{k.name}</span>{' '}
            <code className="fingerprint" title={k.fingerprint}>
              {k.fingerprint.slice(0, 16)}…
            </code>{' '}
            {k.how === 'first-use' && (
              <span className="muted">
                {t('trusted.firstUse')}
                {k.trustedAt ? ` ${shownInstant(k.trustedAt, i18n.language)}` : ''}{' '}
              </span>
            )}
            <button
              type="button"
              aria-label={t('trusted.removeLabel', { name: k.name })}
              onClick={() => void untrustKey(k.fingerprint)}
            >
              {t('trusted.remove')}
            </button>
          </li>
        ))}
      </ul>
      {keys.length === 0 && <p className="muted">{t('trusted.none')}</p>}
      <label className="file-button">
        {t('trusted.import')}
        <FileInput
          accept=".pem,.jwk,.json,.pub"
          aria-label={t('trusted.importLabel')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) setProblem(await trustPartnerKey(file));
          }}
        />
      </label>
      {problem && <p className="bundle-error">{problemText(t, problem)}</p>}
    </fieldset>
  );
}
