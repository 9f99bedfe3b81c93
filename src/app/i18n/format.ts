/**
 * Locale-aware formatting for what the UI shows. Core keeps DICOM's own forms (DA "19941105",
 * numbers as numbers); the page turns them into the reader's conventions here.
 */

// Making an Intl formatter costs far more than using one, and the study list and the viewer's
// overlay format a date on every render: one formatter per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

/** A DICOM DA value ("19941105", or the old "1994.11.05") as a date in the locale; else as given. */
export function formatDicomDate(value: string | undefined, locale: string): string {
  if (!value) return '';
  const match = /^(\d{4})\.?(\d{2})\.?(\d{2})$/.exec(value.trim());
  if (!match) return value;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A number with the locale's separators and at most `digits` significant digits. */
export function formatNumber(value: number, locale: string, digits = 6): string {
  if (!Number.isFinite(value)) return String(value);
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/** An instant (ms since epoch or Date) as a local date and time in the locale. */
export function formatDateTime(value: number | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(value);
}
