// The one reader of collaboration-key and passphrase files for the command line. The bytes
// follow core/crypto/secret.ts (the file less one trailing line end), so a key file and the same
// key typed in the workbench give the same pseudonyms.
import { readFile } from 'node:fs/promises';
import { passphraseFromFile, secretFileBytes } from '../../core/crypto/secret.ts';
import { ProblemError } from '../../core/result.ts';

/** The file's raw bytes, refused when it cannot be read or holds no secret by the rule. */
async function secretFile(path: string, what: string): Promise<Uint8Array> {
  let raw: Uint8Array;
  try {
    raw = new Uint8Array(await readFile(path));
  } catch (e) {
    const code = e && typeof e === 'object' && 'code' in e ? e.code : undefined;
    const detail =
      code === 'ENOENT' ? 'there is no such file' : e instanceof Error ? e.message : String(e);
    throw new ProblemError(
      'secret-file-unreadable',
      `The ${what} file ${path} cannot be read: ${detail}.`,
      { file: path },
    );
  }
  if (secretFileBytes(raw).byteLength === 0)
    throw new ProblemError('secret-file-empty', `The ${what} file ${path} is empty.`, {
      file: path,
    });
  return raw;
}

/** A collaboration-key file's key bytes; throws a ProblemError when missing or empty. */
export async function readKeyFile(path: string): Promise<Uint8Array> {
  return secretFileBytes(await secretFile(path, 'collaboration key'));
}

/** A passphrase file's passphrase; throws a ProblemError when missing, empty or not UTF-8. */
export async function readPassphraseFile(path: string): Promise<string> {
  const raw = await secretFile(path, 'passphrase');
  try {
    return passphraseFromFile(raw);
  } catch {
    throw new ProblemError(
      'secret-file-invalid',
      `The passphrase file ${path} is not UTF-8 text.`,
      {
        file: path,
      },
    );
  }
}
