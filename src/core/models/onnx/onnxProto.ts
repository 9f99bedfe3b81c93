// The few ONNX messages an exported pipeline needs (onnx/onnx.proto3: ModelProto, GraphProto,
// NodeProto, AttributeProto, TensorProto, ValueInfoProto), written with protobufjs's wire
// Writer. The reflection API (Root.fromJSON) would need `new Function`, which the workbench's
// Content-Security-Policy forbids, so the field numbers are spelled out here instead.
import protobuf from 'protobufjs/minimal.js';

type Writer = protobuf.Writer;

const VARINT = 0;
const BYTES = 2;
const FIXED32 = 5;

export const TensorType = { float: 1, int64: 7, double: 11 } as const;

export type AttributeValue =
  | { readonly f: number }
  | { readonly i: number }
  | { readonly s: string }
  | { readonly floats: ArrayLike<number> }
  | { readonly ints: ArrayLike<number> }
  | { readonly strings: readonly string[] }
  | { readonly t: Tensor };

export interface Tensor {
  readonly name?: string;
  readonly dims: readonly number[];
  readonly type: 'float' | 'int64' | 'double';
  readonly values: ArrayLike<number>;
}

export interface Node {
  readonly op: string;
  readonly domain?: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly name?: string;
  readonly attributes?: { readonly [name: string]: AttributeValue };
}

export interface ValueInfo {
  readonly name: string;
  readonly type: 'float' | 'int64' | 'double';
  /** A number is a fixed size, a string a named dynamic one (the batch). */
  readonly shape: readonly (number | string)[];
}

export interface Model {
  readonly producer: string;
  readonly producerVersion: string;
  readonly docString?: string;
  readonly opsets: { readonly [domain: string]: number };
  readonly graph: {
    readonly name: string;
    readonly nodes: readonly Node[];
    readonly initializers: readonly Tensor[];
    readonly inputs: readonly ValueInfo[];
    readonly outputs: readonly ValueInfo[];
  };
  readonly metadata?: { readonly [key: string]: string };
}

const tag = (w: Writer, field: number, wire: number) => w.uint32((field << 3) | wire);
const str = (w: Writer, field: number, s: string) => tag(w, field, BYTES).string(s);
const int = (w: Writer, field: number, v: number) => tag(w, field, VARINT).int64(v);

function message(w: Writer, field: number, body: (w: Writer) => void): void {
  tag(w, field, BYTES).fork();
  body(w);
  w.ldelim();
}

function packed(
  w: Writer,
  field: number,
  values: ArrayLike<number>,
  kind: 'float' | 'int64' | 'double',
) {
  tag(w, field, BYTES).fork();
  for (let k = 0; k < values.length; k++) {
    if (kind === 'float') w.float(values[k]);
    else if (kind === 'double') w.double(values[k]);
    else w.int64(values[k]);
  }
  w.ldelim();
}

function tensor(w: Writer, t: Tensor): void {
  packed(w, 1, t.dims, 'int64');
  int(w, 2, TensorType[t.type]);
  if (t.type === 'float') packed(w, 4, t.values, 'float');
  else if (t.type === 'int64') packed(w, 7, t.values, 'int64');
  else packed(w, 10, t.values, 'double');
  if (t.name) str(w, 8, t.name);
}

function attribute(w: Writer, name: string, a: AttributeValue): void {
  str(w, 1, name);
  // AttributeProto.type: FLOAT 1, INT 2, STRING 3, TENSOR 4, FLOATS 6, INTS 7, STRINGS 8.
  if ('f' in a) {
    int(w, 20, 1);
    tag(w, 2, FIXED32).float(a.f);
  } else if ('i' in a) {
    int(w, 20, 2);
    int(w, 3, a.i);
  } else if ('s' in a) {
    int(w, 20, 3);
    tag(w, 4, BYTES).bytes(new TextEncoder().encode(a.s));
  } else if ('t' in a) {
    int(w, 20, 4);
    message(w, 5, (m) => tensor(m, a.t));
  } else if ('floats' in a) {
    int(w, 20, 6);
    packed(w, 7, a.floats, 'float');
  } else if ('ints' in a) {
    int(w, 20, 7);
    packed(w, 8, a.ints, 'int64');
  } else {
    int(w, 20, 8);
    for (const s of a.strings) tag(w, 9, BYTES).bytes(new TextEncoder().encode(s));
  }
}

function node(w: Writer, n: Node): void {
  for (const i of n.inputs) str(w, 1, i);
  for (const o of n.outputs) str(w, 2, o);
  if (n.name) str(w, 3, n.name);
  str(w, 4, n.op);
  for (const [name, a] of Object.entries(n.attributes ?? {}))
    message(w, 5, (m) => attribute(m, name, a));
  if (n.domain) str(w, 7, n.domain);
}

function valueInfo(w: Writer, v: ValueInfo): void {
  str(w, 1, v.name);
  message(w, 2, (type) =>
    message(type, 1, (t) => {
      int(t, 1, TensorType[v.type]);
      message(t, 2, (shape) => {
        for (const d of v.shape)
          message(shape, 1, (dim) => (typeof d === 'number' ? int(dim, 1, d) : str(dim, 2, d)));
      });
    }),
  );
}

/** ModelProto bytes (IR version 8). */
export function encodeModel(m: Model): Uint8Array {
  const w = protobuf.Writer.create();
  int(w, 1, 8);
  str(w, 2, m.producer);
  str(w, 3, m.producerVersion);
  if (m.docString) str(w, 6, m.docString);
  message(w, 7, (g) => {
    for (const n of m.graph.nodes) message(g, 1, (x) => node(x, n));
    str(g, 2, m.graph.name);
    for (const t of m.graph.initializers) message(g, 5, (x) => tensor(x, t));
    for (const v of m.graph.inputs) message(g, 11, (x) => valueInfo(x, v));
    for (const v of m.graph.outputs) message(g, 12, (x) => valueInfo(x, v));
  });
  for (const [domain, version] of Object.entries(m.opsets))
    message(w, 8, (o) => {
      str(o, 1, domain);
      int(o, 2, version);
    });
  for (const [key, value] of Object.entries(m.metadata ?? {}))
    message(w, 14, (e) => {
      str(e, 1, key);
      str(e, 2, value);
    });
  return w.finish();
}
