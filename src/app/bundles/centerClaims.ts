// Anyone can make a key and name any center in a bundle; a center name claimed by two keys is the
// sign of it. A claimant is a signing key's fingerprint, or "unsigned".
import type { TFunction } from 'i18next';
import type { LibraryEntry, TrustedKeyEntry } from '../store/bundleSlice.ts';

export const UNSIGNED = 'unsigned';

/** Center names compared as people read them: case, width, spacing and composition ignored. */
export function centerId(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Every claimant of each center name, from the library and the keys trusted on first use. */
export function claimsByCenter(
  library: readonly LibraryEntry[],
  trusted: readonly TrustedKeyEntry[],
): Map<string, Set<string>> {
  const claims = new Map<string, Set<string>>();
  const add = (center: string, who: string) => {
    const id = centerId(center);
    const set = claims.get(id) ?? new Set<string>();
    set.add(who);
    claims.set(id, set);
  };
  for (const e of library) add(e.summary.center, e.summary.signer ?? UNSIGNED);
  for (const k of trusted) if (k.center !== undefined) add(k.center, k.fingerprint);
  return claims;
}

/** Claimants of `center` other than `who`. */
export function otherClaimants(
  center: string,
  who: string,
  library: readonly LibraryEntry[],
  trusted: readonly TrustedKeyEntry[],
): string[] {
  const set = claimsByCenter(library, trusted).get(centerId(center)) ?? new Set<string>();
  return [...set].filter((c) => c !== who);
}

export const shortKey = (who: string) =>
  who === UNSIGNED ? 'an unsigned bundle' : `key ${who.slice(0, 16)}…`;

/** A center name that other keys (or an unsigned bundle) claim too: worded where it is shown. */
export interface ClaimConflict {
  readonly center: string;
  readonly others: readonly string[];
}

export function claimConflict(
  center: string,
  others: readonly string[],
): ClaimConflict | undefined {
  return others.length === 0 ? undefined : { center, others };
}

/**
 * The warning shown at import and in the library, or undefined when only one claimant; in the
 * page's language when given its t (English otherwise).
 */
export function claimWarning(
  center: string,
  others: readonly string[],
  t?: TFunction,
): string | undefined {
  if (others.length === 0) return undefined;
  if (!t)
    return `"${center}" is also claimed by ${others.map(shortKey).join(', ')}. Two different keys cannot both be that center: check with the partner which key is theirs.`;
  const names = others.map((o) =>
    o === UNSIGNED ? t('bundles:unsignedBundle') : t('bundles:keyShort', { key: o.slice(0, 16) }),
  );
  return t('bundles:claimWarning', { center, others: names.join(', ') });
}
