import { Trans, useTranslation } from 'react-i18next';
import { claimWarning } from './centerClaims.ts';
import type { TrustQuestion } from './actions/importBundle.ts';

/** 64 hex digits in groups of four, easier to read aloud to a partner on the phone. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.match(/.{1,4}/g)?.join(' ') ?? fingerprint;
}

/**
 * The question before keeping a bundle no trusted key signed: the claimed center, the signer's
 * fingerprint (or that there is none), a warning if another key claims that center, and the two
 * answers. Nothing is kept until the user says yes.
 */
export function TrustPrompt({
  question: q,
  onAnswer,
}: {
  readonly question: TrustQuestion;
  readonly onAnswer: (yes: boolean) => void;
}) {
  const { t } = useTranslation('bundles');
  const signed = q.trust === 'unknown-signer' && q.signer;
  const ask = signed ? t('trust.askSigned') : t('trust.askUnsigned');
  return (
    <div
      role="alertdialog"
      aria-label={ask}
      className="bundle-dialog trust-prompt"
      data-testid="trust-prompt"
    >
      {signed ? (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="trust.signed"
              values={{ file: q.fileName, center: q.center }}
              components={[<strong />]}
            />
          </p>
          <code
            className="fingerprint"
            data-testid="signer-fingerprint"
            data-fingerprint={q.signer}
          >
            {groupedFingerprint(q.signer)}
          </code>
        </>
      ) : (
        <p>
          <Trans
            t={t}
            i18nKey="trust.unsigned"
            values={{ file: q.fileName, center: q.center }}
            components={[<strong />]}
          />
        </p>
      )}
      {q.warning && (
        <p role="alert" className="bundle-warning" data-testid="center-claim-warning">
          {claimWarning(q.warning.center, q.warning.others, t)}
        </p>
      )}
      <p>{ask}</p>
      <div className="bundle-actions">
        <button type="button" onClick={() => onAnswer(true)}>
          {signed ? t('trust.yesSigned') : t('trust.yesUnsigned')}
        </button>
        <button type="button" onClick={() => onAnswer(false)}>
          {t('trust.no')}
        </button>
      </div>
    </div>
  );
}
