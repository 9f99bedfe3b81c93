// Shifting dates keeps intervals between a patient's studies (the "Retain Longitudinal Temporal
// Information with Modified Dates" option) while hiding the calendar dates themselves. Only whole
// days move: the time of day is not shifted but removed (see temporal.ts), so the shifted date is
// the same whichever attribute carries it, and the bundle's SR gives the same study date.

/** 'remove' applies the profile's table to dates; 'shift' moves them by a keyed offset. */
export type DateHandling = 'remove' | 'shift';

function shiftYmd(ymd: string, days: number): string | undefined {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  const out = `${t.getUTCFullYear().toString().padStart(4, '0')}${(t.getUTCMonth() + 1).toString().padStart(2, '0')}${t.getUTCDate().toString().padStart(2, '0')}`;
  return out;
}

/** A DA value shifted by whole days; anything that is not a plain YYYYMMDD becomes empty. */
export function shiftDate(value: string, days: number): string {
  const v = value.trim();
  return /^\d{8}$/.test(v) ? (shiftYmd(v, days) ?? '') : '';
}

/**
 * A DT value as its shifted date alone (YYYYMMDD, a valid DT of day precision): the time of day,
 * its fraction and any UTC offset ("&ZZXX", which tells where) are dropped. Less than a date
 * becomes empty.
 */
export function shiftDateTime(value: string, days: number): string {
  const v = value.trim();
  if (!/^\d{8}/.test(v)) return '';
  return shiftYmd(v.slice(0, 8), days) ?? '';
}
