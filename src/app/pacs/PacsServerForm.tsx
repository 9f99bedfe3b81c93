import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pacsConfigProblem, type PacsConfig } from './pacsServers.ts';

/** Adds a server: its name, its proxied base URL, an optional Authorization header. */
export function PacsServerForm({ onAdd }: { onAdd: (c: PacsConfig) => void }) {
  const { t } = useTranslation('pacs');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('/dicom-web/');
  const [authorization, setAuthorization] = useState('');
  const [problem, setProblem] = useState<'noName' | 'badUrl'>();
  const add = () => {
    const config: PacsConfig = {
      name: name.trim(),
      baseUrl: baseUrl.trim().replace(/\/+$/, ''),
      ...(authorization.trim() ? { authorization: authorization.trim() } : {}),
    };
    const why = pacsConfigProblem(config);
    setProblem(why);
    if (!why) onAdd(config);
  };
  return (
    <form
      className="pacs-server-form"
      aria-label={t('server.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label>
        {t('server.name')} <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('server.baseUrl')}{' '}
        <input
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder="/dicom-web/orthanc"
        />
      </label>
      <label>
        {t('server.authorization')}{' '}
        <input
          type="password"
          autoComplete="off"
          value={authorization}
          onChange={(e) => setAuthorization(e.target.value)}
          placeholder="Bearer …"
        />
      </label>
      <button type="submit">{t('server.submit')}</button>
      {problem && (
        <p role="alert" className="error">
          {t(`server.${problem}`)}
        </p>
      )}
      <p className="muted">{t('server.kept')}</p>
    </form>
  );
}
