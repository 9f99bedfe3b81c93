// The PACS a server proxies: `--pacs name=URL` (consilium serve) or CONSILIUM_PACS
// ("name=URL,name=URL", the vite dev and preview servers). The page then reaches each as
// /dicom-web/<name>/…, its own origin, so its CSP keeps connect-src 'self'.
import { ProblemError } from '../../core/result.ts';

export interface PacsServer {
  /** The path segment: /dicom-web/<name>/. */
  readonly name: string;
  /** The DICOMweb base URL (before /studies), no trailing slash. */
  readonly url: string;
}

/** One `name=URL`, checked: a plain name, an http(s) URL. */
export function pacsServer(spec: string): PacsServer {
  const eq = spec.indexOf('=');
  const name = eq > 0 ? spec.slice(0, eq) : '';
  const url = eq > 0 ? spec.slice(eq + 1).replace(/\/+$/, '') : '';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(name))
    throw new ProblemError(
      'usage',
      `--pacs needs name=URL with a plain name (letters, digits, - and _), not "${spec}"`,
      { spec },
    );
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProblemError('usage', `--pacs ${name}: "${url}" is not a URL`, { spec });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new ProblemError('usage', `--pacs ${name}: the URL must be http or https`, { spec });
  return { name, url };
}

/** The servers of a list of specs; a name given twice is refused. */
export function pacsServers(specs: readonly string[]): PacsServer[] {
  const servers = specs.filter((s) => s.trim() !== '').map((s) => pacsServer(s.trim()));
  const names = new Set<string>();
  for (const s of servers) {
    if (names.has(s.name))
      throw new ProblemError('usage', `--pacs names ${s.name} twice`, { name: s.name });
    names.add(s.name);
  }
  return servers;
}

/** CONSILIUM_PACS="name=URL,name=URL" as servers ([] when unset). */
export function pacsFromEnv(value: string | undefined): PacsServer[] {
  return pacsServers((value ?? '').split(','));
}
