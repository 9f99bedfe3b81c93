// The center's signing key for `consilium analyze`: a private JWK file, created (with a .pub.pem
// beside it for partners) when missing.
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import {
  exportPublicKeyPem,
  generateSigningKeys,
  importPrivateKeyJwk,
  importPublicKeyJwk,
} from '../core/crypto/keys.ts';
import { subtle, type JsonWebKey, type KeyPairHandle } from '../core/crypto/subtle.ts';

export async function signingKeyFile(path: string): Promise<KeyPairHandle> {
  if (!existsSync(path)) {
    const fresh = await generateSigningKeys();
    const jwk = await subtle().exportKey('jwk', fresh.privateKey);
    await writeFile(path, JSON.stringify(jwk) + '\n', { mode: 0o600 });
    await chmod(path, 0o600);
    await writeFile(`${path}.pub.pem`, await exportPublicKeyPem(fresh.publicKey));
    process.stderr.write(`Created signing key ${path}; give partners ${path}.pub.pem.\n`);
  }
  const jwk = JSON.parse(await readFile(path, 'utf8')) as JsonWebKey;
  return { privateKey: await importPrivateKeyJwk(jwk), publicKey: await importPublicKeyJwk(jwk) };
}
