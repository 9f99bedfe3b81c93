import { useStore } from '../store/store.ts';
import { downloadPublicKey } from './actions/keys.ts';

/** Sign with this center's key (made on first use, kept in IndexedDB) and hand out its public half. */
export function SigningFields(props: {
  sign: boolean;
  setSign: (v: boolean) => void;
  center: string;
}) {
  const key = useStore((s) => s.signingKey);
  return (
    <fieldset className="bundle-fieldset">
      <legend>Signature</legend>
      <label>
        <input
          type="checkbox"
          checked={props.sign}
          onChange={(e) => props.setSign(e.target.checked)}
        />{' '}
        Sign with this center&apos;s key (ECDSA P-256)
      </label>
      <p className="muted fingerprint" data-testid="own-fingerprint">
        {key ? `Key ${key.fingerprint.slice(0, 16)}…` : 'A key is created on first use.'}
      </p>
      <button type="button" onClick={() => void downloadPublicKey(props.center)}>
        Download public key (PEM)
      </button>
    </fieldset>
  );
}
