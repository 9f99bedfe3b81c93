import { useState } from 'react';
import { pacsConfigProblem, type PacsConfig } from './pacsServers.ts';

/** Adds a server: its name, its proxied base URL, an optional Authorization header. */
export function PacsServerForm({ onAdd }: { onAdd: (c: PacsConfig) => void }) {
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('/dicom-web/');
  const [authorization, setAuthorization] = useState('');
  const [problem, setProblem] = useState<string>();
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
      aria-label="Add a PACS"
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <label>
        Name <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Base URL{' '}
        <input
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          placeholder="/dicom-web/orthanc"
        />
      </label>
      <label>
        Authorization header (optional){' '}
        <input
          type="password"
          autoComplete="off"
          value={authorization}
          onChange={(e) => setAuthorization(e.target.value)}
          placeholder="Bearer …"
        />
      </label>
      <button type="submit">Add PACS</button>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <p className="muted">
        Kept only in this browser. The page reaches the PACS through this site's /dicom-web/ proxy
        (consilium serve --pacs name=URL).
      </p>
    </form>
  );
}
