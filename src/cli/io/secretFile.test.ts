import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typedSecretBytes } from '../../core/crypto/secret.ts';
import { readKeyFile, readPassphraseFile } from './secretFile.ts';

describe('secret files', () => {
  let dir: string;
  const at = (name: string) => join(dir, name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'consilium-secret-'));
    await writeFile(at('key.txt'), 'shared-secret\n');
    await writeFile(at('crlf.txt'), 'a\r\n');
    await writeFile(at('two-newlines.txt'), 'a\n\n');
    await writeFile(at('spaces.txt'), '  open sesame \n');
    await writeFile(at('empty.txt'), '');
    await writeFile(at('newline-only.txt'), '\n');
    await writeFile(at('latin1.txt'), new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a key file "shared-secret\\n" gives the bytes of typing "shared-secret"', async () => {
    expect(await readKeyFile(at('key.txt'))).toEqual(typedSecretBytes('shared-secret'));
  });

  it('removes one trailing line end and nothing else', async () => {
    expect(await readPassphraseFile(at('crlf.txt'))).toBe('a');
    expect(await readPassphraseFile(at('two-newlines.txt'))).toBe('a\n');
    expect(await readKeyFile(at('two-newlines.txt'))).toEqual(typedSecretBytes('a\n'));
    expect(await readPassphraseFile(at('spaces.txt'))).toBe('  open sesame ');
  });

  it('says clearly when the file is missing, empty or not text', async () => {
    await expect(readKeyFile(at('nope.key'))).rejects.toMatchObject({
      code: 'secret-file-unreadable',
      reason: `The collaboration key file ${at('nope.key')} cannot be read: there is no such file.`,
      params: { file: at('nope.key') },
    });
    await expect(readKeyFile(at('empty.txt'))).rejects.toMatchObject({
      code: 'secret-file-empty',
    });
    await expect(readPassphraseFile(at('newline-only.txt'))).rejects.toMatchObject({
      code: 'secret-file-empty',
      reason: `The passphrase file ${at('newline-only.txt')} is empty.`,
    });
    await expect(readPassphraseFile(at('latin1.txt'))).rejects.toMatchObject({
      code: 'secret-file-invalid',
    });
    // A key is bytes, not text: the same Latin-1 file is a valid key.
    expect(await readKeyFile(at('latin1.txt'))).toEqual(new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
  });
});
