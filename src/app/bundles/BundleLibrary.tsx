import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import { deleteFromLibrary } from './actions/library.ts';
import { shownInstant } from './BundlePicker.tsx';
import { centerId, claimsByCenter, claimWarning, UNSIGNED } from './centerClaims.ts';

/**
 * Accepted bundles (imported and this center's own exports), kept in IndexedDB. Each says who
 * signed it and whether that key is trusted now; a center name claimed by two keys is a warning.
 */
export function BundleLibrary() {
  const { t, i18n } = useTranslation('bundles');
  const library = useStore((s) => s.library);
  const trustedKeys = useStore((s) => s.trustedKeys);
  const own = useStore((s) => s.signingKey?.fingerprint);
  const trusted = new Set(trustedKeys.map((k) => k.fingerprint));
  if (own) trusted.add(own);
  const claims = claimsByCenter(library, trustedKeys);
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('library.legend')}</legend>
      {library.length === 0 && <p className="muted">{t('library.none')}</p>}
      <ul className="bundle-list" aria-label={t('library.legend')}>
        {library.map(({ summary: s, fileName, origin }) => {
          const who = s.signer ?? UNSIGNED;
          const others = [...(claims.get(centerId(s.center)) ?? [])].filter((c) => c !== who);
          const warning = claimWarning(s.center, others, t);
          const signedBy = !s.signer
            ? t('library.unsigned')
            : t(trusted.has(s.signer) ? 'library.signedTrusted' : 'library.signedUntrusted', {
                key: s.signer.slice(0, 16),
              });
          return (
            <li key={s.id} data-center={s.center}>
              <strong>{s.center}</strong>{' '}
              <span className="muted">({t(`library.origin.${origin}`)})</span>
              <br />
              <span className="muted">
                {shownInstant(s.createdAt, i18n.language)} · {s.software}
              </span>
              <br />
              <span>
                {t('library.counts', {
                  features: s.counts.features,
                  predictions: s.counts.predictions,
                })}
              </span>
              <br />
              <span className="muted" title={s.signer ?? ''}>
                {signedBy} · {fileName}
              </span>{' '}
              <button
                type="button"
                aria-label={t('library.deleteLabel', { center: s.center })}
                onClick={() => void deleteFromLibrary(s.id)}
              >
                {t('library.delete')}
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
