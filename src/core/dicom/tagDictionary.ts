// Names for every standard tag, from dcmjs's copy of the PS3.6 data dictionary (5,163 keywords),
// so the tag browser names what the short list in tagNames.ts does not. Overlay (60xx) and
// curve (50xx) groups repeat: each is named by its first group's entry. Group lengths
// (gggg,0000) and private creators are named by their rule; other private tags are not named.
import dcmjs from 'dcmjs';

export interface TagInfo {
  /** The PS3.6 keyword, e.g. "SOPClassUID"; retired ones without dcmjs's "RETIRED_" prefix. */
  readonly keyword: string;
  /** The dictionary's VR when it is one VR (not "OB or OW"). */
  readonly vr?: string;
  readonly retired: boolean;
}

let byTag: Map<string, TagInfo> | undefined;

function dictionary(): Map<string, TagInfo> {
  if (byTag) return byTag;
  byTag = new Map();
  for (const e of Object.values(dcmjs.data.DicomMetaDictionary.nameMap)) {
    const retired = e.name.startsWith('RETIRED_');
    byTag.set(e.tag.toUpperCase(), {
      keyword: retired ? e.name.slice('RETIRED_'.length) : e.name,
      ...(/^[A-Z]{2}$/.test(e.vr) ? { vr: e.vr } : {}),
      retired,
    });
  }
  return byTag;
}

/** True for a tag of a private group (odd group number). */
export const isPrivateTag = (group: number) => group % 2 === 1 && group > 8;

/** What the dictionary says of a tag written "(GGGG,EEEE)"; undefined for an unnamed tag. */
export function tagInfo(tag: string): TagInfo | undefined {
  const m = /^\(([0-9A-Fa-f]{4}),([0-9A-Fa-f]{4})\)$/.exec(tag);
  if (!m) return undefined;
  const group = parseInt(m[1], 16);
  const element = parseInt(m[2], 16);
  if (element === 0 && group !== 2) return { keyword: 'GroupLength', vr: 'UL', retired: true };
  if (isPrivateTag(group))
    return element >= 0x10 && element <= 0xff
      ? { keyword: 'PrivateCreator', vr: 'LO', retired: false }
      : undefined;
  const repeating =
    (group & 0xff00) === 0x5000 || (group & 0xff00) === 0x6000 ? group & 0xff00 : group;
  const key = `(${repeating.toString(16).padStart(4, '0')},${m[2]})`.toUpperCase();
  return dictionary().get(key);
}
