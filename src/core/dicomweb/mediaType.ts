// Content-Type values as DICOMweb uses them: `multipart/related; type="image/jp2;
// transfer-syntax=…"; boundary=…`. Parameters may be quoted, and a quoted value may hold `;`.

export interface MediaType {
  /** Lower case, e.g. "multipart/related". */
  readonly type: string;
  /** Names lower case; values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

/** The media type and its parameters; undefined where the header is not one. */
export function parseMediaType(header: string): MediaType | undefined {
  const semi = header.indexOf(';');
  const type = (semi < 0 ? header : header.slice(0, semi)).trim().toLowerCase();
  if (!/^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type)) return undefined;
  const params: Record<string, string> = {};
  let i = semi < 0 ? header.length : semi + 1;
  while (i < header.length) {
    while (i < header.length && (header[i] === ' ' || header[i] === '\t' || header[i] === ';')) i++;
    if (i >= header.length) break;
    const eq = header.indexOf('=', i);
    if (eq < 0) return undefined;
    const name = header.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    let value = '';
    if (header[i] === '"') {
      i++;
      while (i < header.length && header[i] !== '"') {
        if (header[i] === '\\' && i + 1 < header.length) i++;
        value += header[i++];
      }
      if (header[i] !== '"') return undefined; // an unterminated quote
      i++;
    } else {
      const end = header.indexOf(';', i);
      value = header.slice(i, end < 0 ? header.length : end).trim();
      i = end < 0 ? header.length : end;
    }
    if (name) params[name] = value;
  }
  return { type, params };
}

/** The transfer-syntax parameter of a part's or a response's Content-Type, if any. */
export function transferSyntaxOf(contentType: string): string | undefined {
  const media = parseMediaType(contentType);
  return media?.params['transfer-syntax'] ?? undefined;
}
