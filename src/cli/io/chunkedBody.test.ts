import { describe, expect, it } from 'vitest';
import { ChunkedDecoder, ChunkedFormatError } from './chunkedBody.ts';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

/** Decodes `wire` cut at every split point given, returning the data and whether it completed. */
function decode(wire: Uint8Array, cuts: readonly number[]): { data: string; done: boolean } {
  const d = new ChunkedDecoder();
  let data = '';
  let done = false;
  let at = 0;
  for (const cut of [...cuts, wire.length]) {
    done = d.push(wire.subarray(at, cut), (s) => (data += Buffer.from(s).toString('latin1')));
    at = cut;
  }
  return { data, done };
}

describe('chunked transfer coding', () => {
  // Sizes in either case, an extension, CR and LF inside the data, and a trailer field.
  const wire = enc(
    '5\r\nhello\r\nA;name=v\r\n\r\n-\r\nabcde\r\n1\r\n!\r\n0\r\nX-Trailer: t\r\n\r\n',
  );
  const data = 'hello\r\n-\r\nabcde!';

  it('gives the data however the bytes are cut, and says when the body is complete', () => {
    for (let i = 0; i <= wire.length; i++)
      for (const j of [i, i + 1, i + 7])
        expect(decode(wire, [i, Math.min(j, wire.length)])).toEqual({ data, done: true });
    expect(
      decode(
        wire,
        Array.from({ length: wire.length }, (_, k) => k),
      ),
    ).toEqual({
      data,
      done: true,
    });
  });

  it('is not complete before its last chunk and trailers end', () => {
    expect(decode(wire.subarray(0, wire.length - 2), []).done).toBe(false);
    expect(decode(enc('3\r\nabc\r\n'), []).done).toBe(false);
  });

  it('refuses a size that is not hex, data longer than its size, and endless lines', () => {
    expect(() => decode(enc('zz\r\n'), [])).toThrow(ChunkedFormatError);
    expect(() => decode(enc('2\r\nabc\r\n'), [])).toThrow(/runs past its size/);
    expect(() => decode(enc('1'.repeat(9000)), [])).toThrow(/too long/);
    expect(() => decode(enc('1\r\na\r\r'), [])).toThrow(/CR but no LF/);
  });
});
