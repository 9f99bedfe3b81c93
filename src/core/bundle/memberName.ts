/**
 * Why a zip member name is unsafe to accept, or undefined when it is fine. A bundle is never
 * extracted to disk by us, but a partner's tool might be: reject names that would escape a folder.
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > 255) return 'the name is longer than 255 characters';
  if (name.includes('\\')) return 'the name contains a backslash';
  if (name.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the name contains control characters';
  if (name.split('/').some((part) => part === '..' || part === '.'))
    return 'the name contains a ".." or "." path segment';
  return undefined;
}
