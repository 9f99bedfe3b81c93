// Tests only: the members of a zip file as other readers extract them (Python's zipfile, Info-ZIP
// unzip), to check that what the bundle reader accepts reads the same everywhere. Programs are run
// through `run`, which the (Node) test supplies; it answers undefined when the program is missing.

export type Run = (command: string, args: readonly string[]) => Uint8Array | undefined;

// Every entry as listed, duplicates included, each read (and CRC-checked) by zipfile itself; one
// process for all files, as starting Python is slow.
const PYTHON_EXTRACT = [
  'import sys, zipfile, json',
  'def entries(path):',
  '    z = zipfile.ZipFile(path)',
  '    return [[i.filename, z.read(i).hex()] for i in z.infolist()]',
  'print(json.dumps([entries(p) for p in sys.argv[1:]]))',
].join('\n');

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/**
 * For each file, its entries in the order Python lists them, as [name, bytes] (a repeated name
 * appears twice); undefined without python3.
 */
export function extractWithPython(
  run: Run,
  paths: readonly string[],
): [string, Uint8Array][][] | undefined {
  const out = run('python3', ['-c', PYTHON_EXTRACT, ...paths]);
  if (!out) return undefined;
  const listings = JSON.parse(new TextDecoder().decode(out)) as [string, string][][];
  return listings.map((listing) => listing.map(([name, hex]) => [name, fromHex(hex)]));
}

/** Entries as `unzip -Z1` lists them, each read with `unzip -p`. */
export function extractWithUnzip(run: Run, path: string): [string, Uint8Array][] | undefined {
  const list = run('unzip', ['-Z1', path]);
  if (!list) return undefined;
  const names = new TextDecoder().decode(list).split('\n').filter(Boolean);
  // -p takes wildcard patterns; bundle member names have no wildcard characters.
  return names.map((name) => [name, run('unzip', ['-p', path, name]) ?? new Uint8Array(0)]);
}

/** A zip file and the members our reader gave for it. */
export interface Reading {
  readonly label: string;
  readonly path: string;
  readonly members: ReadonlyMap<string, Uint8Array>;
}

export interface Comparison {
  /** The readers that were available and compared. */
  readonly readers: string[];
  /** One line per difference; empty when every reader extracted the same members. */
  readonly differences: string[];
}

function differences(
  label: string,
  mine: ReadonlyMap<string, Uint8Array>,
  theirs: [string, Uint8Array][],
): string[] {
  const names = (list: string[]) => JSON.stringify([...list].sort());
  if (names(theirs.map(([n]) => n)) !== names([...mine.keys()]))
    return [`${label}: lists ${names(theirs.map(([n]) => n))}, we read ${names([...mine.keys()])}`];
  return theirs
    .filter(([name, bytes]) => {
      const ours = mine.get(name) as Uint8Array;
      return ours.length !== bytes.length || ours.some((b, i) => b !== bytes[i]);
    })
    .map(([name]) => `${label}: ${name} has other bytes`);
}

/** Whether Python's zipfile and unzip (where installed) extract exactly our members. */
export function compareWithOtherReaders(run: Run, readings: readonly Reading[]): Comparison {
  const readers: string[] = [];
  const found: string[] = [];
  const python = readings.length
    ? extractWithPython(
        run,
        readings.map((r) => r.path),
      )
    : undefined;
  if (python) {
    readers.push('python zipfile');
    readings.forEach((r, i) =>
      found.push(...differences(`${r.label} (python)`, r.members, python[i])),
    );
  }
  for (const r of readings) {
    const unzip = extractWithUnzip(run, r.path);
    if (!unzip) break;
    if (!readers.includes('unzip')) readers.push('unzip');
    found.push(...differences(`${r.label} (unzip)`, r.members, unzip));
  }
  return { readers, differences: found };
}
