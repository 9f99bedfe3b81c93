// Tests only: a zip writer that does what it is told, so tests can build the zips that tools
// disagree on (headers that contradict each other, entries hidden between others, stray bytes,
// links). Data is deflated with fflate; every header field can be overridden.
import { deflateSync } from 'fflate';
import { crc32 } from '../crc32';

export interface HeaderFields {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly extra: Uint8Array;
}

export interface RawMember {
  readonly name: string;
  readonly data: Uint8Array;
  /** 8 (deflate, the default) or 0 (stored). */
  readonly method?: number;
  /** Defaults to 0x0800 (UTF-8 names), as fflate writes. */
  readonly flags?: number;
  readonly externalAttributes?: number;
  /** Version made by; the high byte is the host system (3 = Unix). */
  readonly madeBy?: number;
  /** The compressed bytes as stored, when not the deflate of `data`. */
  readonly stored?: Uint8Array;
  /** Sets flag bit 3, zeroes the local CRC and sizes and writes a signed descriptor after the data. */
  readonly descriptor?: boolean;
  /** What the descriptor says instead of the truth; `signature: false` leaves the signature out. */
  readonly descriptorSays?: Partial<Pick<HeaderFields, 'crc' | 'compressedSize' | 'size'>> & {
    readonly signature?: boolean;
  };
  readonly local?: Partial<HeaderFields>;
  readonly central?: Partial<HeaderFields & { readonly offset: number }>;
  /** false: a local entry that the central directory does not list. */
  readonly listed?: boolean;
  /** Bytes written just before this member's local header. */
  readonly before?: Uint8Array;
}

export interface RawZipOptions {
  /** Bytes between the last entry and the central directory. */
  readonly beforeCentral?: Uint8Array;
  readonly comment?: Uint8Array;
  /** Bytes after the end record. */
  readonly trailing?: Uint8Array;
}

class Out {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }
  u16(v: number): void {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number): void {
    this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }
  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01

export function rawZip(members: readonly RawMember[], options: RawZipOptions = {}): Uint8Array {
  const out = new Out();
  const central = new Out();
  let listed = 0;
  for (const m of members) {
    if (m.before) out.bytes(m.before);
    const method = m.method ?? 8;
    const data = m.stored ?? (method === 8 ? deflateSync(m.data) : m.data);
    const flags = (m.flags ?? 0x0800) | (m.descriptor ? 0x0008 : 0);
    const truth: HeaderFields = {
      name: new TextEncoder().encode(m.name),
      flags,
      method,
      crc: crc32(m.data),
      compressedSize: data.length,
      size: m.data.length,
      extra: new Uint8Array(0),
    };
    const zeroed = m.descriptor ? { crc: 0, compressedSize: 0, size: 0 } : {};
    const local: HeaderFields = { ...truth, ...zeroed, ...m.local };
    const offset = out.length;
    out.u32(0x04034b50);
    out.u16(20);
    out.u16(local.flags);
    out.u16(local.method);
    out.u16(DOS_TIME);
    out.u16(DOS_DATE);
    out.u32(local.crc);
    out.u32(local.compressedSize);
    out.u32(local.size);
    out.u16(local.name.length);
    out.u16(local.extra.length);
    out.bytes(local.name);
    out.bytes(local.extra);
    out.bytes(data);
    if (m.descriptor) {
      const d = { ...truth, ...m.descriptorSays };
      if (m.descriptorSays?.signature !== false) out.u32(0x08074b50);
      out.u32(d.crc);
      out.u32(d.compressedSize);
      out.u32(d.size);
    }
    if (m.listed === false) continue;
    listed++;
    const c = { ...truth, offset, ...m.central };
    central.u32(0x02014b50);
    central.u16(m.madeBy ?? 20);
    central.u16(20);
    central.u16(c.flags);
    central.u16(c.method);
    central.u16(DOS_TIME);
    central.u16(DOS_DATE);
    central.u32(c.crc);
    central.u32(c.compressedSize);
    central.u32(c.size);
    central.u16(c.name.length);
    central.u16(c.extra.length);
    central.u16(0);
    central.u16(0);
    central.u16(0);
    central.u32(m.externalAttributes ?? 0);
    central.u32(c.offset);
    central.bytes(c.name);
    central.bytes(c.extra);
  }
  if (options.beforeCentral) out.bytes(options.beforeCentral);
  const centralOffset = out.length;
  const centralBytes = central.join();
  out.bytes(centralBytes);
  const comment = options.comment ?? new Uint8Array(0);
  out.bytes(endRecord(listed, centralBytes.length, centralOffset, comment.length));
  out.bytes(comment);
  if (options.trailing) out.bytes(options.trailing);
  return out.join();
}

/** An end of central directory record (22 bytes; the comment follows it). */
export function endRecord(
  entries: number,
  centralSize: number,
  centralOffset: number,
  commentLength = 0,
): Uint8Array {
  const end = new Out();
  end.u32(0x06054b50);
  end.u16(0);
  end.u16(0);
  end.u16(entries);
  end.u16(entries);
  end.u32(centralSize);
  end.u32(centralOffset);
  end.u16(commentLength);
  return end.join();
}
