// The keys a federation step uses: this center's signing key (the Bundles tab's, made on first
// use) signs what it sends; its own key and the partner keys trusted in the Bundles tab are the
// ones whose messages it accepts.
import type { Signer } from '../../core/models/federated/exchange.ts';
import { ensureSigningKey } from '../bundles/actions/keys.ts';
import { useStore } from '../store/store.ts';

export async function federationKeys(): Promise<{ signer: Signer; trusted: string[] }> {
  const key = await ensureSigningKey();
  const partners = useStore.getState().trustedKeys.map((k) => k.fingerprint);
  return {
    signer: { privateKey: key.privateKey, publicKey: key.publicKey },
    trusted: [key.fingerprint, ...partners],
  };
}
