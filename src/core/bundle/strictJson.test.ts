import { describe, expect, it } from 'vitest';
import {
  parseStrictJson,
  StrictJsonError,
  strictUtf8,
  type StrictJsonErrorKind,
} from './strictJson';

function kindOf(text: string, maxDepth?: number): StrictJsonErrorKind | 'accepted' {
  try {
    parseStrictJson(text, maxDepth === undefined ? {} : { maxDepth });
    return 'accepted';
  } catch (e) {
    if (e instanceof StrictJsonError) return e.kind;
    throw e;
  }
}

describe('strict JSON parser', () => {
  it('reads what RFC 8259 allows exactly as JSON.parse does', () => {
    const valid = [
      '{}',
      '[]',
      '0',
      '-0',
      '1.5e10',
      '-12.25E-3',
      '1e308',
      '12345678901234567890',
      '1e-400',
      'true',
      'false',
      'null',
      '""',
      '"\\u00e9\\u00E9 \\/ \\b\\f\\n\\r\\t \\" \\\\"',
      '"\\ud83d\\ude00 😀 é"',
      ' \t\r\n{ "a" : [ 1 , { "b" : null } , "x" ] , "b" : { } } \n',
      '{"hasOwnProperty":1,"toString":"x","a":{"a":{"a":1}}}',
      '[[[[[]]]],[{}],""]',
    ];
    for (const text of valid) expect(parseStrictJson(text), text).toEqual(JSON.parse(text));
    // Objects are plain objects with their own keys only.
    const o = parseStrictJson('{"a":{"b":1}}') as { a: object };
    expect(Object.getPrototypeOf(o.a)).toBe(Object.prototype);
  });

  it('refuses everything else (RFC 8259 grammar, no extensions)', () => {
    const invalid = [
      '',
      ' ',
      '{',
      '}',
      '[1,]',
      '{"a":1,}',
      '[1 2]',
      '{"a" 1}',
      '{a:1}',
      "{'a':1}",
      '01',
      '1.',
      '.5',
      '+1',
      '-',
      '1e',
      'NaN',
      'Infinity',
      '-Infinity',
      'tru',
      'nul',
      '[]]',
      '{} {}',
      '"abc',
      '"a\tb"',
      '"a\nb"',
      '"\\x"',
      '"\\u12"',
      '"\\u12G4"',
      '// comment\n{}',
      '{} // comment',
      '\ufeff{}',
      '\u00a0{}',
    ];
    for (const text of invalid) expect(kindOf(text), JSON.stringify(text)).toBe('syntax');
  });

  it('refuses numbers no double holds, and lone surrogates (no UTF-8 form)', () => {
    expect(kindOf('1e309')).toBe('syntax');
    expect(kindOf('[-1e400]')).toBe('syntax');
    for (const s of [
      '"\\ud800"',
      '"\\udc00"',
      '"\\ud800\\u0041"',
      '"\\ud800x"',
      '"\\udfff\\ud800"',
    ])
      expect(kindOf(s), s).toBe('syntax');
    expect(() => parseStrictJson('[1e400]')).toThrow(/1e400 is out of range at line 1, column 2/);
  });

  it('refuses a key twice in one object, however it is spelt', () => {
    expect(kindOf('{"a":1,"a":1}')).toBe('duplicate-key');
    expect(kindOf('{"a":1,"\\u0061":2}')).toBe('duplicate-key');
    expect(kindOf('{"x":[{"k":1,"j":{"k":2},"k":3}]}')).toBe('duplicate-key');
    expect(kindOf('[{"k":1},{"k":2}]')).toBe('accepted');
    expect(() => parseStrictJson('{\n  "center": 1,\n  "center": 2\n}')).toThrow(
      'the key "center" appears twice in one object at line 3, column 3',
    );
  });

  it('refuses __proto__, constructor and prototype keys at any depth', () => {
    for (const key of ['__proto__', 'constructor', 'prototype', '\\u005f_proto__'])
      expect(kindOf(`{"a":[{"b":{"${key}":{}}}]}`), key).toBe('forbidden-key');
    expect(kindOf('{"proto":1,"constructors":2}')).toBe('accepted');
  });

  it('bounds nesting at 32 containers by default, without recursion', () => {
    expect(kindOf('['.repeat(32) + ']'.repeat(32))).toBe('accepted');
    expect(kindOf('['.repeat(33) + ']'.repeat(33))).toBe('too-deep');
    expect(kindOf('{"a":'.repeat(33) + '1' + '}'.repeat(33))).toBe('too-deep');
    expect(kindOf('[{"a":[]}]', 2)).toBe('too-deep');
    // 200,000 levels: refused at once; and even with no limit, no stack overflow.
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const t0 = performance.now();
    expect(kindOf(deep)).toBe('too-deep');
    expect(performance.now() - t0).toBeLessThan(100);
    expect(kindOf(deep, Infinity)).toBe('accepted');
  });

  it('round-trips random JSON.stringify output (seeded)', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) as number;
    const chars = [...'ab"\\\n\t é😀\u0001/']; // code points: stringify escapes lone halves
    const gen = (depth: number): unknown => {
      const k = Math.floor(rand() * (depth > 5 ? 4 : 7));
      if (k === 0) return null;
      if (k === 1) return rand() < 0.5;
      if (k === 2) return (rand() - 0.5) * 10 ** Math.floor(rand() * 40 - 20);
      if (k === 3)
        return Array.from(
          { length: Math.floor(rand() * 6) },
          () => chars[Math.floor(rand() * chars.length)],
        ).join('');
      if (k === 4 || k === 5)
        return Array.from({ length: Math.floor(rand() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let n = Math.floor(rand() * 4); n > 0; n--)
        o[`k${Math.floor(rand() * 10)}`] = gen(depth + 1);
      return o;
    };
    for (let n = 0; n < 500; n++) {
      const text = JSON.stringify(gen(0), null, n % 2 ? 2 : undefined);
      expect(parseStrictJson(text)).toEqual(JSON.parse(text));
    }
  });

  it('decodes UTF-8 strictly and keeps a byte-order mark for the parser to refuse', () => {
    expect(strictUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('\ufeff{}');
    expect(() => strictUtf8(new Uint8Array([0x22, 0xff, 0x22]))).toThrow();
    expect(() => strictUtf8(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))).toThrow(); // CESU surrogate
  });
});
