// A strict JSON (RFC 8259) parser for input we must read exactly as every other reader does.
// JSON.parse keeps the last of two equal keys while other tools keep the first, turns a
// "__proto__" key into something else in code that copies objects, and recursion in the code
// that walks what it returns overflows the stack on deep nesting. No npm parser found rejects all
// three with bounded memory (secure-json-parse only handles prototype keys; lossless-json and
// json-bigint descend recursively), so this one is small, iterative (an explicit stack, so no
// input can overflow the call stack) and refuses rather than guesses.
import type { JsonValue } from '../crypto/canonicalJson';

export type StrictJsonErrorKind = 'syntax' | 'duplicate-key' | 'forbidden-key' | 'too-deep';

export class StrictJsonError extends Error {
  constructor(
    readonly kind: StrictJsonErrorKind,
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'StrictJsonError';
  }
}

export interface StrictJsonOptions {
  /** Containers (objects and arrays) nested deeper than this are refused; the root is depth 1. */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 32;

/** Keys that change an object's prototype or constructor in code that copies parsed objects. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

interface ObjectFrame {
  readonly kind: 'object';
  readonly value: { [key: string]: JsonValue };
  readonly keys: Set<string>;
  /** The key whose value comes next. */
  key: string;
}
type Frame = ObjectFrame | { readonly kind: 'array'; readonly value: JsonValue[] };

function where(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'the end of the text';
  const c = text.charCodeAt(i);
  return c < 0x20 || c === 0x7f ? `U+${c.toString(16).padStart(4, '0')}` : `"${text[i]}"`;
}

class Reader {
  i = 0;
  constructor(readonly text: string) {}

  fail(kind: StrictJsonErrorKind, what: string, at = this.i): never {
    throw new StrictJsonError(kind, `${what} at ${where(this.text, at)}`, at);
  }

  unexpected(expected: string): never {
    return this.fail('syntax', `expected ${expected} but found ${describeChar(this.text, this.i)}`);
  }

  ws(): void {
    const t = this.text;
    let i = this.i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
    this.i = i;
  }

  peek(): number {
    return this.text.charCodeAt(this.i);
  }

  expect(code: number, what: string): void {
    if (this.peek() !== code) this.unexpected(what);
    this.i++;
  }

  hex4(at: number): number {
    const h = this.text.slice(at, at + 4);
    if (!/^[0-9A-Fa-f]{4}$/.test(h)) this.fail('syntax', 'a \\u escape needs four hex digits', at);
    return parseInt(h, 16);
  }

  string(): string {
    const t = this.text;
    const start = this.i;
    this.i++; // the opening quote
    let out = '';
    let run = this.i;
    for (;;) {
      if (this.i >= t.length) this.fail('syntax', 'a string is not closed', start);
      const c = t.charCodeAt(this.i);
      if (c === 0x22) {
        out += t.slice(run, this.i);
        this.i++;
        return out;
      }
      if (c < 0x20) this.fail('syntax', 'a control character must be escaped inside a string');
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      out += t.slice(run, this.i);
      const e = t.charCodeAt(this.i + 1);
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        this.i += 2;
      } else if (e === 0x75) out += this.unicodeEscape();
      else this.fail('syntax', `"\\${t[this.i + 1] ?? ''}" is not a JSON escape`);
      run = this.i;
    }
  }

  /** \uXXXX, or a surrogate pair of two; a lone surrogate has no UTF-8 form, so it is refused. */
  unicodeEscape(): string {
    const at = this.i;
    const u = this.hex4(at + 2);
    this.i += 6;
    if (u >= 0xdc00 && u <= 0xdfff)
      this.fail('syntax', 'a \\u escape is a lone low surrogate (no character)', at);
    if (u < 0xd800 || u > 0xdbff) return String.fromCharCode(u);
    const t = this.text;
    if (t.charCodeAt(this.i) !== 0x5c || t.charCodeAt(this.i + 1) !== 0x75)
      this.fail('syntax', 'a \\u escape is a lone high surrogate (no character)', at);
    const low = this.hex4(this.i + 2);
    if (low < 0xdc00 || low > 0xdfff)
      this.fail('syntax', 'a \\u escape is a lone high surrogate (no character)', at);
    this.i += 6;
    return String.fromCharCode(u, low);
  }

  number(): number {
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(this.text);
    if (!m) this.unexpected('a value');
    const value = Number(m[0]);
    // 1e400 is a JSON number, but no double holds it: readers would disagree on what it is.
    if (!Number.isFinite(value)) this.fail('syntax', `the number ${m[0]} is out of range`);
    this.i += m[0].length;
    return value;
  }

  literal(word: string, value: JsonValue): JsonValue {
    if (!this.text.startsWith(word, this.i)) this.unexpected('a value');
    this.i += word.length;
    return value;
  }
}

const ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/**
 * Parse JSON text strictly: RFC 8259 grammar only (no byte-order mark, comments, trailing commas
 * or non-finite numbers), no duplicate key in any object, none of the keys `__proto__`,
 * `constructor`, `prototype`, no lone surrogate escapes, and at most `maxDepth` nested containers.
 * Throws StrictJsonError, whose message says what and where.
 */
export function parseStrictJson(text: string, options: StrictJsonOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const r: Reader = new Reader(text); // typed, so its never-returning fail() narrows
  const stack: Frame[] = [];

  /** After `{` or `,` in an object: the next key and its colon. */
  const readKey = (frame: ObjectFrame): void => {
    r.ws();
    if (r.peek() !== 0x22) r.unexpected('a key in double quotes');
    const at = r.i;
    const key = r.string();
    if (FORBIDDEN_KEYS.has(key)) r.fail('forbidden-key', `the key "${key}" is not allowed`, at);
    if (frame.keys.has(key))
      r.fail('duplicate-key', `the key "${key}" appears twice in one object`, at);
    frame.keys.add(key);
    frame.key = key;
    r.ws();
    r.expect(0x3a, '":" after a key');
  };

  r.ws();
  for (;;) {
    // A value starts here; containers open a frame and go round again for their first member.
    let value: JsonValue;
    const c = r.peek();
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth)
        r.fail('too-deep', `objects and arrays are nested deeper than ${maxDepth} levels`);
      r.i++;
      r.ws();
      if (c === 0x7b) {
        const obj: { [key: string]: JsonValue } = {};
        if (r.peek() === 0x7d) {
          r.i++;
          value = obj;
        } else {
          const frame: ObjectFrame = { kind: 'object', value: obj, keys: new Set(), key: '' };
          stack.push(frame);
          readKey(frame);
          r.ws();
          continue;
        }
      } else if (r.peek() === 0x5d) {
        r.i++;
        value = [];
      } else {
        stack.push({ kind: 'array', value: [] });
        continue;
      }
    } else if (c === 0x22) value = r.string();
    else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) value = r.number();
    else if (c === 0x74) value = r.literal('true', true);
    else if (c === 0x66) value = r.literal('false', false);
    else if (c === 0x6e) value = r.literal('null', null);
    else r.unexpected('a value');

    // Put the value in its container; close every container that ends right after it.
    for (;;) {
      const top = stack[stack.length - 1];
      if (!top) {
        r.ws();
        if (r.i !== text.length) r.unexpected('the end of the text');
        return value;
      }
      if (top.kind === 'object') top.value[top.key] = value;
      else top.value.push(value);
      r.ws();
      const sep = r.peek();
      if (sep === 0x2c) {
        r.i++;
        if (top.kind === 'object') readKey(top);
        r.ws();
        break;
      }
      if (sep !== (top.kind === 'object' ? 0x7d : 0x5d))
        r.unexpected(top.kind === 'object' ? '"," or "}"' : '"," or "]"');
      r.i++;
      stack.pop();
      value = top.value;
    }
  }
}

/** UTF-8 bytes as text, refusing invalid UTF-8 and keeping a byte-order mark (which JSON forbids). */
export function strictUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}
