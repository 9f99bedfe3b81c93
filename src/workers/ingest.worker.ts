// Reads and parses a batch of files (zip archives opened here too) and returns metadata only;
// the page keeps the Blobs, so pixels are read again only when a frame is decoded.
import * as Comlink from 'comlink';
import { dumpTags, type TagRow } from '../core/dicom/dumpTags.ts';
import { parseInstance } from '../core/dicom/parse.ts';
import type { InstanceMeta, LoadError } from '../core/dicom/types.ts';
import { isZip, unzipMembers } from '../core/ingest/zip.ts';
import { maskSlicesOf, maskSummary, type MaskSummary } from '../core/masks/maskSlices.ts';
import { readMaskFile } from '../core/masks/readMaskFile.ts';
import { attempt, fail, ok, type Result } from '../core/result.ts';

export interface IngestSource {
  /** Relative path as the user sees it (folder/file, or archive.zip/member). */
  file: string;
  blob: Blob;
}

export interface ParsedBatch {
  metas: InstanceMeta[];
  errors: LoadError[];
  /** RTSTRUCT and SEG files: their structures and the series they reference. */
  masks: MaskSummary[];
  /** Files found inside zip archives, so the page can decode them later. */
  extracted: IngestSource[];
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An RTSTRUCT (no pixels) or SEG (also shown as images) as a mask; false when it is neither. */
function readMask(bytes: Uint8Array, file: string, out: ParsedBatch): boolean {
  try {
    // dcmjs decodes text with TextDecoder, which refuses shared memory (a PACS instance's).
    const own = bytes.buffer instanceof SharedArrayBuffer ? bytes.slice() : bytes;
    const mask = readMaskFile(own, file);
    const summary = mask && maskSummary(mask);
    if (summary) out.masks.push(summary);
    return summary !== null;
  } catch (e) {
    out.errors.push({ code: 'invalid-header', file, reason: describe(e) });
    return true;
  }
}

function parseOne(bytes: Uint8Array, file: string, out: ParsedBatch): void {
  try {
    const result = parseInstance(bytes, file);
    if (result.ok) {
      out.metas.push(result.meta);
      if (result.meta.modality === 'SEG') readMask(bytes, file, out);
    } else if (result.error.code !== 'no-pixel-data' || !readMask(bytes, file, out)) {
      out.errors.push(result.error);
    }
  } catch (e) {
    // A parser bug must cost one file, not the batch.
    out.errors.push({ code: 'invalid-header', file, reason: `could not be read: ${describe(e)}` });
  }
}

async function parseFiles(sources: IngestSource[]): Promise<ParsedBatch> {
  const out: ParsedBatch = { metas: [], errors: [], masks: [], extracted: [] };
  for (const { file, blob } of sources) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await blob.arrayBuffer());
    } catch (e) {
      out.errors.push({
        code: 'read-failed',
        file,
        reason: `the file could not be read (${describe(e)})`,
      });
      continue;
    }
    if (!isZip(bytes)) {
      parseOne(bytes, file, out);
      continue;
    }
    try {
      for (const member of unzipMembers(file, bytes)) {
        parseOne(member.bytes, member.name, out);
        const memberBlob = new Blob([member.bytes as Uint8Array<ArrayBuffer>]);
        out.extracted.push({ file: member.name, blob: memberBlob });
      }
    } catch (e) {
      out.errors.push({
        code: 'read-failed',
        file,
        reason: `the zip archive is damaged (${describe(e)})`,
      });
    }
  }
  // Blobs of failed members are not needed by the page.
  const loaded = new Set([...out.metas, ...out.masks].map((m) => m.file));
  out.extracted = out.extracted.filter((s) => loaded.has(s.file));
  return out;
}

/**
 * PACS instances as their bytes (on the isolated page shared with it, so nothing is copied):
 * each parsed as a dropped file is, without the Blob round trip through the browser process.
 */
function parseBytes(sources: { file: string; bytes: Uint8Array }[]): ParsedBatch {
  const out: ParsedBatch = { metas: [], errors: [], masks: [], extracted: [] };
  for (const { file, bytes } of sources) parseOne(bytes, file, out);
  return out;
}

/** Every element of one file, for the tag browser. */
async function tags(blob: Blob): Promise<Result<TagRow[]>> {
  try {
    return ok(dumpTags(new Uint8Array(await blob.arrayBuffer())));
  } catch (e) {
    return fail('invalid-header', `the header could not be listed (${describe(e)})`);
  }
}

const api = {
  /** Each file's failure is a line of the batch; a failed Result means the batch itself failed. */
  parseFiles: (sources: IngestSource[]): Promise<Result<ParsedBatch>> =>
    attempt(() => parseFiles(sources), 'read-failed'),
  parseBytes: (sources: { file: string; bytes: Uint8Array }[]): Promise<Result<ParsedBatch>> =>
    attempt(async () => parseBytes(sources), 'read-failed'),
  tags,
  /** One structure of an RTSTRUCT or SEG on a series (its slices' headers, display order). */
  maskSlices: async (blob: Blob, file: string, structure: number, metas: InstanceMeta[]) =>
    maskSlicesOf(new Uint8Array(await blob.arrayBuffer()), file, structure, metas),
};

export type IngestApi = typeof api;
Comlink.expose(api);
