import { describe, expect, it } from 'vitest';
import { parseMediaType, transferSyntaxOf } from './mediaType.ts';
import { parseMultipart, writeMultipart } from './multipart.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const type = 'multipart/related; type="application/octet-stream"; boundary=b0';

describe('multipart/related', () => {
  it("reads Orthanc's frame answer: quoted type holding ';', per-part transfer syntax", () => {
    const header =
      'multipart/related; type="image/jp2; transfer-syntax=1.2.840.10008.1.2.4.91"; boundary=ab-12';
    expect(parseMediaType(header)?.params.boundary).toBe('ab-12');
    expect(transferSyntaxOf(parseMediaType(header)!.params.type)).toBe('1.2.840.10008.1.2.4.91');
    const body = enc(
      '--ab-12\r\nContent-Location: x\r\nContent-Type: image/jp2; transfer-syntax=1.2.840.10008.1.2.4.91\r\n\r\n' +
        'J2K\r\n--\r\nbytes\r\n--ab-12--\r\n',
    );
    const parsed = parseMultipart(header, body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.parts).toHaveLength(1);
    expect(dec(parsed.parts[0].body)).toBe('J2K\r\n--\r\nbytes');
    expect(transferSyntaxOf(parsed.parts[0].headers['content-type'])).toBe(
      '1.2.840.10008.1.2.4.91',
    );
  });

  it('round-trips what it writes, bytes exact, parts as views', () => {
    const bodies = [new Uint8Array([0, 13, 10, 45, 45, 255]), new Uint8Array(0), enc('second')];
    const written = writeMultipart(
      bodies.map((body) => ({ contentType: 'application/dicom', body })),
      'b0',
    );
    const parsed = parseMultipart(type, written);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.parts.map((p) => [...p.body])).toEqual(bodies.map((b) => [...b]));
    expect(parsed.parts[0].body.buffer).toBe(written.buffer);
    expect(parsed.parts[0].headers['content-type']).toBe('application/dicom');
  });

  it('skips a preamble before the first boundary', () => {
    const parsed = parseMultipart(type, enc('preamble\r\n--b0\r\n\r\nx\r\n--b0--'));
    expect(parsed.ok && dec(parsed.parts[0].body)).toBe('x');
  });

  it.each([
    ['application/json', '--b0\r\n\r\nx\r\n--b0--', /not multipart\/related/],
    ['multipart/related', '--b0\r\n\r\nx\r\n--b0--', /names no boundary/],
    [type, 'no boundary at all', /holds no boundary/],
    [type, '--b0\r\n\r\nx without end', /no closing boundary/],
    [type, '--b0\r\nContent-Type: a\r\nno blank line', /headers do not end/],
    [type, '--b0\r\nbroken header\r\n\r\nx\r\n--b0--', /headers are malformed/],
    [type, '--b0junk\r\n\r\nx\r\n--b0--', /not followed by a line break/],
  ])('refuses %s / %j', (contentType, body, reason) => {
    const parsed = parseMultipart(contentType, enc(body));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it('bounds the number of parts', () => {
    const body = writeMultipart(
      Array.from({ length: 5 }, () => ({ contentType: 'a/b', body: enc('x') })),
      'b0',
    );
    const parsed = parseMultipart(type, body, { maxParts: 4, maxHeaderBytes: 1024 });
    expect(parsed).toEqual({ ok: false, reason: 'it has more than 4 parts' });
  });
});
