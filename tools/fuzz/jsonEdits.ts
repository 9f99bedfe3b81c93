// Structure-aware edits of manifest.json. The JSON is held as a tree that can say what
// JSON.parse cannot hand back: duplicate keys, "__proto__" keys, numbers out of range, deep
// nesting; so the edited text is exactly what an attacker could write.
import fc from 'fast-check';
import { index } from './mutate';

export type JNode =
  | { readonly t: 'raw'; readonly text: string }
  | { readonly t: 'arr'; readonly items: JNode[] }
  | { readonly t: 'obj'; readonly entries: [string, JNode][] };

export function toTree(value: unknown): JNode {
  if (Array.isArray(value)) return { t: 'arr', items: value.map(toTree) };
  if (value !== null && typeof value === 'object')
    return { t: 'obj', entries: Object.entries(value).map(([k, v]) => [k, toTree(v)]) };
  return { t: 'raw', text: JSON.stringify(value) ?? 'null' };
}

export function toText(node: JNode): string {
  if (node.t === 'raw') return node.text;
  if (node.t === 'arr') return `[${node.items.map(toText).join(',')}]`;
  return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${toText(v)}`).join(',')}}`;
}

/** The nodes in document order, each with its parent and its place in it. */
function nodes(root: JNode): { node: JNode; set: (n: JNode) => void }[] {
  const out: { node: JNode; set: (n: JNode) => void }[] = [];
  const walk = (node: JNode, set: (n: JNode) => void) => {
    out.push({ node, set });
    if (node.t === 'arr') node.items.forEach((c, i) => walk(c, (n) => (node.items[i] = n)));
    if (node.t === 'obj') node.entries.forEach((e) => walk(e[1], (n) => (e[1] = n)));
  };
  walk(root, () => {});
  return out;
}

// Tokens readers disagree on, or that a spreadsheet would run.
const RAW = [
  '1e309',
  '-1e309',
  '-0',
  '1e-400',
  '9007199254740993',
  '0.1e1',
  '"\\ud800"',
  '"\\u0000"',
  '"=1+1"',
  '"+1"',
  '"@SUM(A1)"',
  '"-2"',
  '"\\t=cmd"',
  '""',
  'null',
  'true',
  '[]',
  '{}',
  '"e\\u0301"',
  '"\\u00e9"',
  '"../x"',
  '"a/../../b"',
  '"CON"',
  '"features.csv"',
];
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'params',
  'paramsHash',
  'name',
  'code',
];

export type JsonEdit =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'raw'; readonly at: number; readonly text: string }
  | { readonly op: 'addKey'; readonly at: number; readonly key: string; readonly text: string }
  | { readonly op: 'duplicate'; readonly at: number; readonly entry: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly entry: number }
  | { readonly op: 'nest'; readonly at: number; readonly depth: number; readonly asObject: boolean }
  | { readonly op: 'long'; readonly at: number; readonly length: number };

const at = index;
const rawText = fc.constantFrom(...RAW);

export const jsonEdit: fc.Arbitrary<JsonEdit> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at, value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('raw' as const), at, text: rawText }),
  fc.record({
    op: fc.constant('addKey' as const),
    at,
    key: fc.constantFrom(...KEYS),
    text: rawText,
  }),
  fc.record({ op: fc.constant('duplicate' as const), at, entry: index, text: rawText }),
  fc.record({ op: fc.constant('delete' as const), at, entry: index }),
  fc.record({
    op: fc.constant('nest' as const),
    at,
    depth: fc.constantFrom(2, 31, 33, 100, 5000, 100_000),
    asObject: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('long' as const),
    at,
    length: fc.constantFrom(256, 65_536, 1_000_000),
  }),
);

export function applyJsonEdit(root: JNode, edit: JsonEdit): JNode {
  const all = nodes(root);
  const { node, set } = all[edit.at % all.length];
  const replace = (n: JNode) => (node === root ? (root = n) : set(n));
  switch (edit.op) {
    case 'replace':
      replace(toTree(edit.value));
      break;
    case 'raw':
      replace({ t: 'raw', text: edit.text });
      break;
    case 'addKey':
      if (node.t === 'obj') node.entries.push([edit.key, { t: 'raw', text: edit.text }]);
      break;
    case 'duplicate':
      if (node.t === 'obj' && node.entries.length)
        node.entries.push([
          node.entries[edit.entry % node.entries.length][0],
          { t: 'raw', text: edit.text },
        ]);
      break;
    case 'delete':
      if (node.t === 'obj' && node.entries.length)
        node.entries.splice(edit.entry % node.entries.length, 1);
      if (node.t === 'arr' && node.items.length)
        node.items.splice(edit.entry % node.items.length, 1);
      break;
    case 'nest': {
      const open = edit.asObject ? '{"a":' : '[';
      const close = edit.asObject ? '}' : ']';
      replace({
        t: 'raw',
        text: open.repeat(edit.depth) + toText(node) + close.repeat(edit.depth),
      });
      break;
    }
    case 'long':
      replace({ t: 'raw', text: JSON.stringify('A'.repeat(edit.length)) });
      break;
  }
  return root;
}

/** The first value under `key` of an object node. */
export function child(node: JNode | undefined, key: string): JNode | undefined {
  return node?.t === 'obj' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
}
