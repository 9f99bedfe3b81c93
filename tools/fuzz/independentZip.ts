// A second, independent zip reader for the differential oracle: Python's zipfile (CPython's own
// implementation, which reads through the central directory and checks local names and CRCs).
// One long-lived python3 process answers length-prefixed requests; without python3 the oracle
// is skipped, and says so once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';

const SCRIPT = String.raw`
import hashlib, io, json, struct, sys, zipfile
src, out = sys.stdin.buffer, sys.stdout
while True:
    head = src.read(4)
    if len(head) < 4:
        break
    data = src.read(struct.unpack('>I', head)[0])
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
        if sum(i.file_size for i in infos) > 512 * 1024 * 1024:
            raise ValueError('declares more than 512 MiB')
        members = [[i.filename, hashlib.sha256(z.read(i)).hexdigest()] for i in infos]
        answer = {'ok': True, 'members': members}
    except Exception as e:
        answer = {'ok': False, 'error': type(e).__name__ + ': ' + str(e)}
    out.write(json.dumps(answer) + '\n')
    out.flush()
`;

export type IndependentRead =
  | { readonly ok: true; readonly members: readonly (readonly [string, string])[] }
  | { readonly ok: false; readonly error: string };

let child: ChildProcessWithoutNullStreams | undefined;
let unavailable = false;
let pending: ((answer: IndependentRead | undefined) => void)[] = [];
let buffered = '';

function start(): ChildProcessWithoutNullStreams | undefined {
  if (unavailable) return undefined;
  if (child) return child;
  const c = spawn('python3', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
  c.on('error', () => {
    unavailable = true;
    child = undefined;
    for (const p of pending) p(undefined);
    pending = [];
  });
  c.on('exit', () => {
    child = undefined;
    for (const p of pending) p(undefined);
    pending = [];
  });
  c.stdout.setEncoding('utf8');
  c.stdout.on('data', (text: string) => {
    buffered += text;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      pending.shift()?.(JSON.parse(line) as IndependentRead);
    }
  });
  c.stdin.on('error', () => {}); // a closed pipe shows up as 'exit'
  child = c;
  return c;
}

/** What Python's zipfile reads from `zip`, or undefined when python3 is not available. */
export function readIndependently(zip: Uint8Array): Promise<IndependentRead | undefined> {
  const c = start();
  if (!c) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    pending.push(resolve);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(zip.length);
    c.stdin.write(head);
    c.stdin.write(zip);
  });
}

export function closeIndependentReader(): void {
  child?.stdin.end();
  child = undefined;
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * undefined when Python reads the same members with the same bytes as our reader accepted, else
 * what differs: a zip we accept must mean one thing to every reader.
 */
export async function differsFromIndependent(
  zip: Uint8Array,
  members: ReadonlyMap<string, Uint8Array>,
  who: string,
): Promise<string | undefined> {
  const other = await readIndependently(zip);
  if (!other) return undefined;
  if (!other.ok) return `${who} accepts a zip that Python's zipfile cannot read (${other.error})`;
  const names = other.members.map(([n]) => n);
  const ours = [...members.keys()];
  if (names.length !== ours.length || new Set(names).size !== names.length)
    return `${who} accepts ${ours.length} members where Python's zipfile lists ${names.length}`;
  for (const [name, hash] of other.members) {
    const mine = members.get(name);
    if (!mine) return `${who} and Python's zipfile read different member names`;
    if (sha256Hex(mine) !== hash)
      return `${who} and Python's zipfile read different bytes for a member`;
  }
  return undefined;
}
