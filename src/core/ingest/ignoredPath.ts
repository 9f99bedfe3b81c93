// Files an operating system leaves beside images; they are not the user's data, so loading
// them would only fill the error list with noise.
const IGNORED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

export function isIgnoredPath(path: string): boolean {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  return parts.includes('__MACOSX') || IGNORED_NAMES.has(base) || base.startsWith('._');
}
