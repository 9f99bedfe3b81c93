// One HTTP byte range (RFC 9110 §14) of a file of `size` bytes, for the run's Parquet table: the
// Cohort tab's reader asks for the footer, then for the row groups and columns a view needs.
//   null          no Range header, another unit, or several ranges: the whole file (200)
//   'unsatisfiable'  a bytes range that is malformed or starts past the end (416)
//   {start, end}  the bytes start..end inclusive (206)

export type ByteRange = { readonly start: number; readonly end: number };

export function byteRange(
  header: string | undefined,
  size: number,
): ByteRange | 'unsatisfiable' | null {
  if (header === undefined) return null;
  const m = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!m) return null; // a unit this server does not know: ignored, as the RFC says
  const specs = m[1].split(',');
  if (specs.length > 1) return null; // several ranges: the whole file rather than multipart
  const spec = /^\s*(\d*)\s*-\s*(\d*)\s*$/.exec(specs[0]);
  if (!spec || (spec[1] === '' && spec[2] === '')) return 'unsatisfiable';
  if (spec[1] === '') {
    // The last N bytes (the Parquet footer, asked for before the size is known).
    const n = Number(spec[2]);
    if (n === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === '' ? size - 1 : Number(spec[2]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(last) || last < start)
    return 'unsatisfiable';
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(last, size - 1) };
}
