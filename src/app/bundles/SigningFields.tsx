import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import { downloadPublicKey } from './actions/keys.ts';

/** Sign with this center's key (made on first use, kept in IndexedDB) and hand out its public half. */
export function SigningFields(props: {
  sign: boolean;
  setSign: (v: boolean) => void;
  center: string;
}) {
  const { t } = useTranslation('bundles');
  const key = useStore((s) => s.signingKey);
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('signing.legend')}</legend>
      <label>
        <input
          type="checkbox"
          checked={props.sign}
          onChange={(e) => props.setSign(e.target.checked)}
        />{' '}
        {t('signing.sign')}
      </label>
      <p className="muted fingerprint" data-testid="own-fingerprint">
        {key ? t('signing.key', { key: key.fingerprint.slice(0, 16) }) : t('signing.noKey')}
      </p>
      <button type="button" onClick={() => void downloadPublicKey(props.center)}>
        {t('signing.download')}
      </button>
    </fieldset>
  );
}
