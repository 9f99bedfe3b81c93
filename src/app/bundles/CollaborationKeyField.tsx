import { useStore } from '../store/store.ts';

/** The shared secret that makes pseudonyms agree across centers; kept in memory, never exported. */
export function CollaborationKeyField() {
  const key = useStore((s) => s.collaborationKey);
  const setKey = useStore((s) => s.setCollaborationKey);
  const typed = typeof key?.secret === 'string' ? key.secret : '';
  return (
    <fieldset className="bundle-fieldset">
      <legend>Collaboration key</legend>
      <input
        type="password"
        aria-label="Collaboration passphrase"
        placeholder="Passphrase shared with partners"
        value={typed}
        onChange={(e) =>
          setKey(e.target.value ? { secret: e.target.value, label: 'passphrase' } : null)
        }
      />
      <label className="file-button">
        or key file…
        <input
          type="file"
          aria-label="Collaboration key file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file)
              setKey({ secret: new Uint8Array(await file.arrayBuffer()), label: file.name });
          }}
        />
      </label>
      <p className="muted">
        {key ? `Using ${key.label === 'passphrase' ? 'the passphrase' : key.label}.` : 'Not set.'}{' '}
        It stays in this page and never goes into a bundle.
      </p>
    </fieldset>
  );
}
