// "Export de-identified DICOM" in the workbench: files in, one zip of de-identified files out,
// each named by its pseudonymous UIDs (deidentifyFile), under the collaboration key, so its UIDs
// are the ones the bundle's SR refers to. A file that cannot be de-identified is a Problem about
// it; the others go on.
import { importCollaborationKey } from '../crypto/hmac';
import { concatBytes } from '../dicom/demo/explicitLeWriter.ts';
import { problemOf, type Problem } from '../result.ts';
import type { DateHandling } from './dates';
import { deidentifyFile } from './deidentifyFile';
import { DeidZipWriter } from './zipWriter';

export interface DeidSource {
  /** The name the user knows the file by (for problems only; it never goes into the zip). */
  readonly name: string;
  read(): Promise<Uint8Array>;
}

export interface DeidZipRequest {
  /** The collaboration key's bytes (core/crypto/secret.ts). */
  readonly secret: Uint8Array;
  readonly dates: DateHandling;
}

export interface DeidentifiedZip {
  readonly zip: Uint8Array;
  /** Files in the zip. */
  readonly files: number;
  readonly problems: readonly Problem[];
}

export function duplicateProblem(file: string): Problem {
  return {
    code: 'deid-duplicate',
    reason: 'Another file has the same SOP Instance UID; its de-identified copy is written once.',
    params: { file },
  };
}

export async function deidentifiedZip(
  sources: readonly DeidSource[],
  request: DeidZipRequest,
  onProgress?: (done: number, total: number) => void,
): Promise<DeidentifiedZip> {
  const key = await importCollaborationKey(request.secret);
  const chunks: Uint8Array[] = [];
  const writer = new DeidZipWriter((chunk) => chunks.push(chunk));
  const problems: Problem[] = [];
  let done = 0;
  for (const source of sources) {
    try {
      const out = await deidentifyFile(
        await source.read(),
        { key, dates: request.dates },
        source.name,
      );
      if (!writer.add(out.path, out.bytes)) problems.push(duplicateProblem(source.name));
    } catch (e) {
      problems.push(problemOf(e, 'deid-failed', { file: source.name }));
    }
    onProgress?.(++done, sources.length);
  }
  writer.end();
  return { zip: concatBytes(chunks), files: writer.size, problems };
}
