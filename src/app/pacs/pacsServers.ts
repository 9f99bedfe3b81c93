// The PACS this browser knows: a name, the base URL as the page's own proxied path
// (/dicom-web/<name>, see docs/pacs.md), and an optional Authorization header. Kept only in this
// browser's storage: never in a bundle, never sent anywhere but to that PACS through the proxy.
export interface PacsConfig {
  readonly name: string;
  readonly baseUrl: string;
  /** The Authorization header's value, e.g. "Bearer …". */
  readonly authorization?: string;
}

const storageKey = 'consilium.pacs.servers';

function isConfig(v: unknown): v is PacsConfig {
  if (!v || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.name === 'string' &&
    typeof c.baseUrl === 'string' &&
    (c.authorization === undefined || typeof c.authorization === 'string')
  );
}

export function loadPacsServers(): PacsConfig[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isConfig) : [];
  } catch {
    return [];
  }
}

export function savePacsServers(servers: readonly PacsConfig[]): void {
  localStorage.setItem(storageKey, JSON.stringify(servers));
}

/**
 * Why a server cannot be used (a key of pacs:server.*), or undefined. The base URL must be a
 * path on this origin: the page's CSP lets it reach nothing else, so a PACS is always reached
 * through the proxy.
 */
export function pacsConfigProblem(c: PacsConfig): 'noName' | 'badUrl' | undefined {
  if (!c.name.trim()) return 'noName';
  if (!/^\/[^/\s][^\s]*$/.test(c.baseUrl)) return 'badUrl';
  return undefined;
}
