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
  const signed = q.trust === 'unknown-signer' && q.signer;
  return (
    <div
      role="alertdialog"
      aria-label={signed ? 'Trust this key and import?' : 'Import unsigned?'}
      className="bundle-dialog trust-prompt"
      data-testid="trust-prompt"
    >
      {signed ? (
        <>
          <p>
            {q.fileName} says it comes from <strong>{q.center}</strong> and is signed by a key you
            have not trusted yet. Anyone can make a key and write any center name: compare this
            fingerprint with the one your partner gives you by another channel (phone, in person).
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
          {q.fileName} says it comes from <strong>{q.center}</strong> but is not signed: nothing
          shows who made it or that nobody changed it.
        </p>
      )}
      {q.warning && (
        <p role="alert" className="bundle-warning" data-testid="center-claim-warning">
          {q.warning}
        </p>
      )}
      <p>{signed ? 'Trust this key and import?' : 'Import unsigned?'}</p>
      <div className="bundle-actions">
        <button type="button" onClick={() => onAnswer(true)}>
          {signed ? 'Trust key and import' : 'Import unsigned'}
        </button>
        <button type="button" onClick={() => onAnswer(false)}>
          Don&apos;t import
        </button>
      </div>
    </div>
  );
}
