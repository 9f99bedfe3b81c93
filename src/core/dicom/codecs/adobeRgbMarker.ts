/**
 * libjpeg takes a 3-component JPEG without JFIF or Adobe marker for YCbCr and converts it.
 * DICOM says RGB when the samples are RGB, so such a stream gets an Adobe APP14 marker with
 * transform 0 ("no colour transform"), which makes libjpeg hand the samples back unchanged.
 */
export function markAsRgb(jpeg: Uint8Array): Uint8Array {
  let pos = 2;
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff) {
    const marker = jpeg[pos + 1];
    if (marker === 0xda || marker === 0xd9) break;
    const length = (jpeg[pos + 2] << 8) | jpeg[pos + 3];
    const id = String.fromCharCode(...jpeg.subarray(pos + 4, pos + 9));
    if ((marker === 0xe0 && id === 'JFIF\0') || (marker === 0xee && id === 'Adobe')) return jpeg;
    pos += 2 + length;
  }
  // FF EE, length 14, "Adobe", version 100, flags0 0, flags1 0, transform 0.
  const app14 = [0xff, 0xee, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, 0];
  const out = new Uint8Array(jpeg.length + app14.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(app14, 2);
  out.set(jpeg.subarray(2), 2 + app14.length);
  return out;
}
