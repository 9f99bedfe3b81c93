// Colour frames keep their decoded values (16-bit RGB, or palette tables with 16-bit entries
// such as 0–65280), as the reference decoders give them; a display needs 8 bits a channel.

/** The factor that maps a colour frame's values to 0–255: 1 for 8-bit data, else by bit depth. */
export function colourTo8Bit(max: number): number {
  if (max <= 255) return 1;
  const bits = Math.ceil(Math.log2(max + 1));
  return 255 / (2 ** bits - 1);
}
