import { basicProfile, type ProfileAction } from './confidentialityProfile';

/** What the de-identifier actually does to one attribute, once compound codes are decided. */
export type ResolvedAction = 'dummy' | 'empty' | 'remove' | 'keep' | 'uid' | 'references';

// Without the IOD at hand we cannot tell Type 2 from Type 3, so compound codes take the choice
// that keeps a conformant object and leaks least: X/Z -> Z (present but empty), Z/D -> D (a value
// that reveals nothing), X/D -> X, X/Z/D -> Z, X/Z/U* -> keep the items and replace their UIDs.
const resolution: Record<ProfileAction, ResolvedAction> = {
  D: 'dummy',
  Z: 'empty',
  X: 'remove',
  K: 'keep',
  C: 'dummy',
  U: 'uid',
  'Z/D': 'dummy',
  'X/Z': 'empty',
  'X/D': 'remove',
  'X/Z/D': 'empty',
  'X/Z/U*': 'references',
};

const exact = new Map<string, ProfileAction>();
const repeating: { readonly mask: RegExp; readonly action: ProfileAction }[] = [];
for (const row of basicProfile) {
  if (row.tag.includes('x'))
    repeating.push({
      mask: new RegExp(`^${row.tag.replace(/x/g, '[0-9A-F]')}$`),
      action: row.action,
    });
  else exact.set(row.tag, row.action);
}

/** The table's code for a tag (GGGGEEEE), or undefined when the profile keeps it. */
export function profileAction(tag: string): ProfileAction | undefined {
  const upper = tag.toUpperCase();
  const hit = exact.get(upper);
  if (hit) return hit;
  for (const r of repeating) if (r.mask.test(upper)) return r.action;
  return undefined;
}

export function resolveAction(tag: string): ResolvedAction {
  const code = profileAction(tag);
  return code ? resolution[code] : 'keep';
}

/** Odd groups are private (PS3.5 7.8); the profile removes every private attribute. */
export function isPrivateTag(tag: string): boolean {
  return (parseInt(tag.slice(0, 4), 16) & 1) === 1;
}
