/** The value representations of PS3.5 Table 6.2-1; anything else in an explicit VR header is invalid. */
// prettier-ignore
export const validVRs = new Set([
  'AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FD', 'FL', 'IS', 'LO', 'LT', 'OB', 'OD', 'OF', 'OL',
  'OV', 'OW', 'PN', 'SH', 'SL', 'SQ', 'SS', 'ST', 'SV', 'TM', 'UC', 'UI', 'UL', 'UN', 'UR', 'US',
  'UT', 'UV',
]);

/** VRs whose explicit header has two reserved bytes and a 32-bit length. */
// prettier-ignore
export const longLengthVRs = new Set([
  'OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV',
]);

/** True when the two bytes at offset read as a valid VR, i.e. the data set is explicit VR. */
export function looksLikeVR(bytes: Uint8Array, offset: number): boolean {
  if (offset + 2 > bytes.length) return false;
  return validVRs.has(String.fromCharCode(bytes[offset], bytes[offset + 1]));
}
