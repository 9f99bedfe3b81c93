// The collaboration key's secret bytes, for what is pseudonymised before it goes to a research
// PACS (the reports, a derived map): none entered is a problem the user can act on.
import { secretFileBytes, typedSecretBytes } from '../../core/crypto/secret.ts';
import { ProblemError } from '../../core/result.ts';
import { useStore } from '../store/store.ts';

export function collaborationSecret(): Uint8Array {
  const key = useStore.getState().collaborationKey;
  if (!key)
    throw new ProblemError(
      'stow-no-key',
      'enter the collaboration key: the pseudonymised report is keyed by it',
    );
  return typeof key.secret === 'string'
    ? typedSecretBytes(key.secret)
    : secretFileBytes(key.secret);
}
