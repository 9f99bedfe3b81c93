// A zip of de-identified files, written as it goes (fflate's streaming Zip): the CLI sends the
// chunks to a file, the workbench's worker keeps them for a download. Each path goes in once, so
// the archive never holds two members of one name (which readers would resolve differently).
import { Zip, ZipDeflate } from 'fflate';

// Fixed, so the same files give the same archive bytes; 1980 is the first date a zip can hold.
const MTIME = new Date(1980, 0, 1);

export class DeidZipWriter {
  private readonly zip: Zip;
  private readonly paths = new Set<string>();
  private failure: Error | null = null;

  constructor(onChunk: (chunk: Uint8Array) => void) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err;
      else onChunk(chunk);
    });
  }

  /** Adds a member; false (and nothing added) when the path is already in the archive. */
  add(path: string, bytes: Uint8Array): boolean {
    if (this.paths.has(path)) return false;
    this.paths.add(path);
    // Uncompressed pixel data halves or better at the fastest level; compressed passes through.
    const member = new ZipDeflate(path, { level: 1 });
    member.mtime = MTIME;
    this.zip.add(member);
    member.push(bytes, true);
    this.check();
    return true;
  }

  get size(): number {
    return this.paths.size;
  }

  end(): void {
    this.zip.end();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
