import { useTranslation } from 'react-i18next';
import { useStore } from '../store/store.ts';
import { FileInput } from '../panels/FileInput.tsx';

/** The shared secret that makes pseudonyms agree across centers; kept in memory, never exported. */
export function CollaborationKeyField() {
  const { t } = useTranslation('bundles');
  const key = useStore((s) => s.collaborationKey);
  const setKey = useStore((s) => s.setCollaborationKey);
  const typed = typeof key?.secret === 'string' ? key.secret : '';
  return (
    <fieldset className="bundle-fieldset">
      <legend>{t('collaboration.legend')}</legend>
      <input
        type="password"
        aria-label={t('collaboration.passphrase')}
        placeholder={t('collaboration.placeholder')}
        value={typed}
        onChange={(e) =>
          setKey(e.target.value ? { secret: e.target.value, label: 'passphrase' } : null)
        }
      />
      <label className="file-button">
        {t('collaboration.orFile')}
        <FileInput
          aria-label={t('collaboration.file')}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file)
              setKey({ secret: new Uint8Array(await file.arrayBuffer()), label: file.name });
          }}
        />
      </label>
      <p className="muted">
        {key
          ? key.label === 'passphrase'
            ? t('collaboration.usingPassphrase')
            : t('collaboration.usingFile', { file: key.label })
          : t('collaboration.notSet')}{' '}
        {t('collaboration.stays')}
      </p>
    </fieldset>
  );
}
