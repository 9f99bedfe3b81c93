/** Sample precision from the JPEG frame header (SOFn), or 0 when none is found. */
export function jpegPrecision(jpeg: Uint8Array): number {
  let pos = 2;
  while (pos + 4 < jpeg.length) {
    if (jpeg[pos] !== 0xff) return 0;
    const marker = jpeg[pos + 1];
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return jpeg[pos + 4];
    }
    pos += 2 + ((jpeg[pos + 2] << 8) | jpeg[pos + 3]);
  }
  return 0;
}
