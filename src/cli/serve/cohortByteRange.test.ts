// The one byte range the Parquet route answers, against RFC 9110's examples.
import { expect, it } from 'vitest';
import { byteRange } from './cohortByteRange.ts';

it('reads first-last, open-ended and suffix ranges, clamped to the file', () => {
  expect(byteRange('bytes=0-499', 10000)).toEqual({ start: 0, end: 499 });
  expect(byteRange('bytes=500-999', 10000)).toEqual({ start: 500, end: 999 });
  expect(byteRange('bytes=9500-', 10000)).toEqual({ start: 9500, end: 9999 });
  expect(byteRange('bytes=-500', 10000)).toEqual({ start: 9500, end: 9999 });
  expect(byteRange('bytes=-20000', 10000)).toEqual({ start: 0, end: 9999 });
  expect(byteRange('bytes=9000-20000', 10000)).toEqual({ start: 9000, end: 9999 });
});

it('gives the whole file for no range, another unit or several ranges', () => {
  expect(byteRange(undefined, 10)).toBeNull();
  expect(byteRange('items=0-3', 10)).toBeNull();
  expect(byteRange('bytes=0-1,4-5', 10)).toBeNull();
});

it('refuses malformed or unsatisfiable bytes ranges', () => {
  for (const h of [
    'bytes=10-',
    'bytes=12-20',
    'bytes=5-2',
    'bytes=-0',
    'bytes=-',
    'bytes=a-3',
    'bytes=',
  ])
    expect(byteRange(h, 10), h).toBe('unsatisfiable');
  expect(byteRange('bytes=0-0', 0)).toBe('unsatisfiable');
});
